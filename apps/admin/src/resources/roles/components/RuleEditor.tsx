import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Autocomplete,
  Box,
  FormControlLabel,
  IconButton,
  MenuItem,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { conditionsError, type EditableRule } from '../permissions';
import { ConditionsField } from './ConditionsField';

interface RuleEditorProps {
  index: number;
  rule: EditableRule;
  actions: readonly string[];
  fields: readonly string[];
  placeholders: readonly string[];
  errors: readonly string[];
  readOnly: boolean;
  onChange: (patch: Partial<EditableRule>) => void;
  onRemove: () => void;
}

/** One rule with conditions, a field list or "cannot": its action, fields, conditions and reason. */
export const RuleEditor = (props: RuleEditorProps) => {
  const { index, rule, actions, fields, placeholders, errors, readOnly, onChange, onRemove } = props;
  const translate = useTranslate();
  const invalid = errors.length > 0 || conditionsError(rule.conditions);
  return (
    <Box
      data-testid={`perm-rule-${index}`}
      data-inverted={rule.inverted ? 'true' : 'false'}
      sx={{
        border: 1,
        borderColor: invalid ? 'error.main' : 'divider',
        // A "cannot" rule is marked in red down its side, a limited "can" rule in blue.
        borderLeft: 4,
        borderLeftColor: rule.inverted ? 'error.main' : 'info.main',
        borderRadius: 1,
        p: 1.5,
        display: 'grid',
        gap: 1.5,
      }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1.5 }}>
        <Typography variant="caption" color="text.secondary" sx={{ minWidth: 48, pt: 1.25 }}>
          {translate('resources.roles.editor.rule_number', { number: index + 1 })}
        </Typography>
        <TextField
          select
          size="small"
          label={translate('resources.roles.editor.action')}
          value={rule.action}
          onChange={(event) => onChange({ action: event.target.value })}
          disabled={readOnly}
          sx={{ width: 150 }}
          slotProps={{ htmlInput: { 'data-testid': `perm-rule-${index}-action` } }}
        >
          {[...new Set([...actions, rule.action])].map((action) => (
            <MenuItem key={action} value={action}>
              {translate(`resources.roles.verbs.${action}`, { _: action })}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          multiple
          size="small"
          options={[...fields]}
          value={rule.fields ?? []}
          onChange={(_event, value) => onChange({ fields: value })}
          disabled={readOnly}
          sx={{ flex: 1, minWidth: 220 }}
          renderInput={(params) => (
            <TextField
              {...params}
              label={translate('resources.roles.editor.fields')}
              helperText={translate('resources.roles.editor.fields_hint')}
            />
          )}
          data-testid={`perm-rule-${index}-fields`}
        />
        <Tooltip title={translate('resources.roles.editor.inverted_hint')}>
          <FormControlLabel
            sx={{ mr: 0, pt: 0.25 }}
            control={
              <Switch
                color="error"
                checked={!!rule.inverted}
                onChange={(event) => onChange({ inverted: event.target.checked })}
                disabled={readOnly}
                slotProps={{ input: { 'data-testid': `perm-rule-${index}-inverted` } as object }}
              />
            }
            label={translate('resources.roles.editor.inverted')}
          />
        </Tooltip>
        {!readOnly && (
          <Tooltip title={translate('resources.roles.editor.remove_rule')}>
            <IconButton onClick={onRemove} size="small" sx={{ mt: 0.5 }} data-testid={`perm-rule-${index}-remove`}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Box>
      <ConditionsField
        value={rule.conditions}
        onChange={(text) => onChange({ conditions: text })}
        placeholders={placeholders}
        fields={fields}
        readOnly={readOnly}
        testId={`perm-rule-${index}-conditions`}
      />
      <TextField
        size="small"
        sx={{ maxWidth: 480 }}
        label={translate('resources.roles.editor.reason')}
        helperText={translate('resources.roles.editor.reason_hint')}
        value={rule.reason ?? ''}
        onChange={(event) => onChange({ reason: event.target.value })}
        disabled={readOnly}
      />
      {errors.length > 0 && (
        <Alert severity="error" data-testid={`perm-rule-${index}-errors`}>
          {errors.map((error) => (
            <div key={error}>{error}</div>
          ))}
        </Alert>
      )}
    </Box>
  );
};

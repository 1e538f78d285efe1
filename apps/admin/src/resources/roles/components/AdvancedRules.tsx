import AddIcon from '@mui/icons-material/Add';
import { Box, Stack, Typography } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { ANY_SUBJECT, insertRule, removeRule, updateRule } from '../matrix';
import { isSimple, type EditableRule } from '../permissions';
import type { PermissionCatalog } from '../types';
import { RuleEditor } from './RuleEditor';

interface AdvancedRulesProps {
  subject: string;
  subjectLabel: string;
  rules: EditableRule[];
  catalog: PermissionCatalog;
  actions: readonly string[];
  errors: Record<number, string[]>;
  onChange?: (rules: EditableRule[]) => void;
}

/** The rules of one subject that a checkbox cannot say: with conditions, a field list, or "cannot". */
export const AdvancedRules = ({ subject, subjectLabel, rules, catalog, actions, errors, onChange }: AdvancedRulesProps) => {
  const translate = useTranslate();
  const readOnly = !onChange;
  const fields =
    subject === ANY_SUBJECT
      ? [...new Set(catalog.subjects.flatMap((entry) => entry.fields))].sort()
      : (catalog.subjects.find((entry) => entry.name === subject)?.fields ?? []);
  const mine = rules.flatMap((rule, index) => (rule.subject === subject && !isSimple(rule) ? [{ rule, index }] : []));
  return (
    <Box sx={{ py: 1.5, px: 1 }} data-testid={`perm-rules-${subject}`}>
      <Typography variant="subtitle2" gutterBottom>
        {translate('resources.roles.editor.rules_title', { subject: subjectLabel })}
      </Typography>
      <Stack spacing={1.5}>
        {mine.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.roles.editor.no_rules')}
          </Typography>
        )}
        {mine.map(({ rule, index }) => (
          <RuleEditor
            key={index}
            index={index}
            rule={rule}
            actions={actions}
            fields={fields}
            placeholders={catalog.placeholders}
            errors={errors[index] ?? []}
            readOnly={readOnly}
            onChange={(patch) => onChange?.(updateRule(rules, index, patch))}
            onRemove={() => onChange?.(removeRule(rules, index))}
          />
        ))}
      </Stack>
      {!readOnly && (
        <Button
          label="resources.roles.editor.add_rule"
          onClick={() => onChange(insertRule(rules, { action: 'read', subject, conditions: '' }))}
          sx={{ mt: 1 }}
          data-testid={`perm-add-rule-${subject}`}
        >
          <AddIcon />
        </Button>
      )}
    </Box>
  );
};

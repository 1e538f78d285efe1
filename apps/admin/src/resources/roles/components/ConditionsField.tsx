import { Box, Chip, TextField, Typography } from '@mui/material';
import { useRef } from 'react';
import { useTranslate } from 'react-admin';
import { conditionsError, type EditableRule } from '../permissions';

interface ConditionsFieldProps {
  value: EditableRule['conditions'];
  onChange: (text: string) => void;
  placeholders: readonly string[];
  fields: readonly string[];
  readOnly: boolean;
  testId: string;
}

const asText = (value: EditableRule['conditions']): string =>
  typeof value === 'string' ? value : value ? JSON.stringify(value, null, 2) : '';

const mono = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace';

/** A rule's conditions as JSON text, checked as it is typed, with the placeholders one click away. */
export const ConditionsField = ({ value, onChange, placeholders, fields, readOnly, testId }: ConditionsFieldProps) => {
  const translate = useTranslate();
  const input = useRef<HTMLTextAreaElement | null>(null);
  const text = asText(value);
  const invalid = conditionsError(value);

  // At the caret, quoted: a placeholder stands for a value in the query.
  const insert = (placeholder: string) => {
    const element = input.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const token = `"${placeholder}"`;
    onChange(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <Box>
      <TextField
        label={translate('resources.roles.editor.conditions')}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        inputRef={input}
        error={invalid}
        helperText={translate(invalid ? 'resources.roles.validation.invalid_json' : 'resources.roles.editor.conditions_hint')}
        multiline
        minRows={2}
        fullWidth
        size="small"
        disabled={readOnly}
        slotProps={{
          htmlInput: { 'data-testid': testId, spellCheck: false },
          input: { sx: { fontFamily: mono, fontSize: 13 } },
        }}
      />
      {!readOnly && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, mt: 0.5 }}>
          <Typography variant="caption" color="text.secondary">
            {translate('resources.roles.editor.placeholders')}
          </Typography>
          {placeholders.map((placeholder) => (
            <Chip
              key={placeholder}
              label={placeholder}
              size="small"
              variant="outlined"
              onClick={() => insert(placeholder)}
              sx={{ fontFamily: mono, fontSize: 12 }}
            />
          ))}
        </Box>
      )}
      {fields.length > 0 && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5, fontFamily: mono }}>
          {translate('resources.roles.editor.subject_fields', { fields: fields.join(', ') })}
        </Typography>
      )}
    </Box>
  );
};

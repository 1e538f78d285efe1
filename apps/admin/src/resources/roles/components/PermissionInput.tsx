import { Alert, Box, Typography } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { conditionsError, type EditableRule } from '../permissions';
import { PermissionEditor } from './PermissionEditor';

const validateRules = (rules: unknown) =>
  Array.isArray(rules) && (rules as EditableRule[]).some((rule) => conditionsError(rule.conditions))
    ? 'resources.roles.validation.fix_rules'
    : undefined;

/** The server's errors under `permissions` (a tree by rule index), as messages per rule. */
const errorsByRule = (tree: unknown): Record<number, string[]> => {
  const byRule: Record<number, string[]> = {};
  const walk = (node: unknown, index: number, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const { message, type } = node as { message?: unknown; type?: unknown };
    if (typeof message === 'string' && typeof type === 'string') {
      (byRule[index] ??= []).push(path.length ? `${path.join('.')}: ${message}` : message);
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, index, [...path, key]);
  };
  if (tree && typeof tree === 'object' && !('type' in tree)) {
    for (const [index, node] of Object.entries(tree)) if (/^\d+$/.test(index)) walk(node, Number(index), []);
  }
  return byRule;
};

/** The `permissions` of the role being edited, through the permission editor. */
export const PermissionInput = ({ readOnly = false }: { readOnly?: boolean }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source: 'permissions', defaultValue: [], validate: validateRules });
  const rules = (field.value ?? []) as EditableRule[];
  const errors = errorsByRule(fieldState.error);
  const message = fieldState.error?.message;
  const describe = (index: number) => {
    const rule = rules[index];
    const what = rule
      ? ` (${translate(`resources.roles.subjects.${rule.subject}`, { _: rule.subject })} · ${translate(
          `resources.roles.verbs.${rule.action}`,
          { _: rule.action },
        )})`
      : '';
    return translate('resources.roles.editor.rule_number', { number: index + 1 }) + what;
  };
  return (
    <Box sx={{ width: '100%' }} data-testid="permission-editor">
      <Typography variant="subtitle1" gutterBottom>
        {translate('resources.roles.fields.permissions')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, maxWidth: 880 }}>
        {translate(readOnly ? 'resources.roles.editor.read_only' : 'resources.roles.editor.hint')}
      </Typography>
      {(message || Object.keys(errors).length > 0) && (
        <Alert severity="error" sx={{ mb: 1.5 }} data-testid="permission-errors">
          {message && <div>{translate(message, { _: message })}</div>}
          {Object.entries(errors).map(([index, messages]) => (
            <div key={index}>
              {describe(Number(index))}: {messages.join('; ')}
            </div>
          ))}
        </Alert>
      )}
      <PermissionEditor rules={rules} onChange={readOnly ? undefined : field.onChange} errors={errors} />
    </Box>
  );
};

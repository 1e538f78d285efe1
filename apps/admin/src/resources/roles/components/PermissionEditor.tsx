import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import TuneIcon from '@mui/icons-material/Tune';
import {
  Alert,
  Badge,
  Box,
  Collapse,
  IconButton,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
} from '@mui/material';
import { Fragment, useState } from 'react';
import { useTranslate } from 'react-admin';
import { translateError } from '../../../errors';
import { axes, cellState, toggleCell } from '../matrix';
import { isSimple, type EditableRule } from '../permissions';
import { usePermissionCatalog } from '../usePermissionCatalog';
import { AdvancedRules } from './AdvancedRules';
import { MatrixCell } from './MatrixCell';

export interface PermissionEditorProps {
  rules: EditableRule[];
  /** Absent: the matrix is read-only. */
  onChange?: (rules: EditableRule[]) => void;
  /** Messages per rule index (the server's verdict on a save). */
  errors?: Record<number, string[]>;
}

const sticky = { position: 'sticky', left: 0, zIndex: 2, bgcolor: 'background.paper' } as const;

/**
 * A role's permissions as a matrix of subjects (rows) by actions (columns): a ticked cell is a
 * plain "can" rule. Each row opens onto its advanced rules (conditions, fields, "cannot").
 */
export const PermissionEditor = ({ rules, onChange, errors = {} }: PermissionEditorProps) => {
  const translate = useTranslate();
  const catalog = usePermissionCatalog();
  const [open, setOpen] = useState<Set<string>>(new Set());
  if (catalog.isPending) return <Skeleton variant="rounded" height={320} />;
  if (catalog.error || !catalog.data) {
    return (
      <Alert severity="error">
        {translate('resources.roles.editor.catalog_error', { error: translateError(translate, catalog.error) })}
      </Alert>
    );
  }
  const { rows, columns } = axes(
    rules,
    catalog.data.subjects.map((subject) => subject.name),
    catalog.data.actions,
  );
  const subjectLabel = (subject: string) => translate(`resources.roles.subjects.${subject}`, { _: subject });
  const actionLabel = (action: string) => translate(`resources.roles.verbs.${action}`, { _: action });
  const withErrors = new Set(Object.keys(errors).map((index) => rules[Number(index)]?.subject));
  const toggleOpen = (subject: string, value?: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (value ?? !next.has(subject)) next.add(subject);
      else next.delete(subject);
      return next;
    });

  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxWidth: '100%' }}>
      <Table size="small" data-testid="permission-matrix" sx={{ '& td, & th': { borderColor: 'divider' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ ...sticky, zIndex: 3, minWidth: 150 }}>{translate('resources.roles.editor.subject')}</TableCell>
            {columns.map((action) => (
              <TableCell
                key={action}
                align="center"
                padding="none"
                sx={{ fontSize: 12, lineHeight: 1.2, px: 0.5, py: 1, minWidth: 52, maxWidth: 72 }}
              >
                {actionLabel(action)}
              </TableCell>
            ))}
            <TableCell padding="none" />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((subject) => {
            const advanced = rules.filter((rule) => rule.subject === subject && !isSimple(rule)).length;
            const expanded = open.has(subject) || withErrors.has(subject);
            return (
              <Fragment key={subject}>
                <TableRow data-testid={`perm-row-${subject}`}>
                  <TableCell sx={{ ...sticky, whiteSpace: 'nowrap', fontWeight: 500 }}>{subjectLabel(subject)}</TableCell>
                  {columns.map((action) => (
                    <MatrixCell
                      key={action}
                      subject={subject}
                      action={action}
                      label={`${subjectLabel(subject)} · ${actionLabel(action)}`}
                      state={cellState(rules, subject, action)}
                      readOnly={!onChange}
                      onToggle={(on) => onChange?.(toggleCell(rules, subject, action, on))}
                      onOpenRules={() => toggleOpen(subject, true)}
                    />
                  ))}
                  <TableCell padding="none" align="center" sx={{ px: 1 }}>
                    <Tooltip title={translate('resources.roles.editor.open_rules')}>
                      <IconButton
                        size="small"
                        onClick={() => toggleOpen(subject)}
                        aria-expanded={expanded}
                        data-testid={`perm-advanced-${subject}`}
                      >
                        {expanded ? (
                          <ExpandLessIcon fontSize="small" />
                        ) : (
                          <Badge badgeContent={advanced} color="info" overlap="circular">
                            <TuneIcon fontSize="small" />
                          </Badge>
                        )}
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell colSpan={columns.length + 2} sx={{ py: 0, ...(expanded ? {} : { borderBottom: 0 }) }}>
                    <Collapse in={expanded} unmountOnExit>
                      <Box sx={{ position: 'sticky', left: 0, maxWidth: 960 }}>
                        <AdvancedRules
                          subject={subject}
                          subjectLabel={subjectLabel(subject)}
                          rules={rules}
                          catalog={catalog.data}
                          actions={columns}
                          errors={errors}
                          onChange={onChange}
                        />
                      </Box>
                    </Collapse>
                  </TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

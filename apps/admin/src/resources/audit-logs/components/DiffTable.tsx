import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import { formatValue, markLines, type MarkedLine } from '../diff';
import type { FieldChange } from '../types';

const REMOVED = 'rgba(211, 47, 47, 0.14)';
const ADDED = 'rgba(46, 125, 50, 0.16)';

const Lines = ({ lines, tint }: { lines: MarkedLine[]; tint: string }) => (
  <Box component="pre" sx={{ m: 0, fontFamily: MONO, fontSize: 12.5, lineHeight: 1.5, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
    {lines.map((line, index) => (
      <Box
        component="span"
        key={index}
        data-changed={line.changed || undefined}
        sx={{ display: 'block', px: 0.5, bgcolor: line.changed ? tint : undefined }}
      >
        {line.text || ' '}
      </Box>
    ))}
  </Box>
);

const Value = ({ text }: { text: string }) => (
  <Box component="span" sx={{ fontFamily: MONO, fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
    {text}
  </Box>
);

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.disabled" sx={{ fontStyle: 'italic' }}>
      {translate('resources.audit-logs.diff.empty_value')}
    </Typography>
  );
};

/**
 * Field / before / after, one row per changed field. Short values are tinted whole (red
 * before, green after); long ones line by line, only where the two versions differ.
 */
export const DiffTable = ({ changes }: { changes: FieldChange[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="audit-diff" sx={{ tableLayout: 'fixed', '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '20%' }}>{translate('resources.audit-logs.diff.field')}</TableCell>
          <TableCell sx={{ width: '40%' }}>{translate('resources.audit-logs.diff.before')}</TableCell>
          <TableCell sx={{ width: '40%' }}>{translate('resources.audit-logs.diff.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map(({ field, before, after }) => {
          const oldText = formatValue(before);
          const newText = formatValue(after);
          const multiline = (oldText ?? '').includes('\n') || (newText ?? '').includes('\n');
          const marked = multiline ? markLines(oldText ?? '', newText ?? '') : null;
          return (
            <TableRow key={field} data-testid={`audit-diff-row-${field}`}>
              <TableCell sx={{ fontFamily: MONO, fontWeight: 500, wordBreak: 'break-word' }}>{field}</TableCell>
              <TableCell data-testid="audit-diff-before" sx={{ bgcolor: marked || oldText === null ? undefined : REMOVED }}>
                {oldText === null ? <Empty /> : marked ? <Lines lines={marked.before} tint={REMOVED} /> : <Value text={oldText} />}
              </TableCell>
              <TableCell data-testid="audit-diff-after" sx={{ bgcolor: marked || newText === null ? undefined : ADDED }}>
                {newText === null ? <Empty /> : marked ? <Lines lines={marked.after} tint={ADDED} /> : <Value text={newText} />}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

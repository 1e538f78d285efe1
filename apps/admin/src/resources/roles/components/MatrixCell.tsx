import BlockIcon from '@mui/icons-material/Block';
import TuneIcon from '@mui/icons-material/Tune';
import { Box, Checkbox, TableCell, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CellState } from '../matrix';

interface MatrixCellProps {
  subject: string;
  action: string;
  label: string;
  state: CellState;
  readOnly: boolean;
  onToggle: (on: boolean) => void;
  onOpenRules: () => void;
}

const marker = { position: 'absolute', fontSize: 13, cursor: 'pointer' } as const;

/** One action on one subject: a checkbox for the plain rule, with markers for limited and "cannot" rules. */
export const MatrixCell = ({ subject, action, label, state, readOnly, onToggle, onOpenRules }: MatrixCellProps) => {
  const translate = useTranslate();
  const checked = state.granted || state.implied;
  const status = state.granted ? 'granted' : state.implied ? 'implied' : 'none';
  return (
    <TableCell
      align="center"
      padding="none"
      data-testid={`perm-cell-${subject}-${action}`}
      data-state={status}
      data-limited={state.limited > 0 || undefined}
      data-denied={state.denied > 0 || undefined}
    >
      <Box sx={{ position: 'relative', display: 'inline-flex' }}>
        <Tooltip title={state.implied ? translate('resources.roles.editor.implied') : ''}>
          <span>
            <Checkbox
              size="small"
              checked={checked}
              disabled={readOnly || state.implied}
              onChange={(event) => onToggle(event.target.checked)}
              slotProps={{ input: { 'aria-label': label, 'data-testid': `perm-${subject}-${action}` } as object }}
            />
          </span>
        </Tooltip>
        {state.limited > 0 && (
          <Tooltip title={translate('resources.roles.editor.limited')}>
            <TuneIcon color="info" onClick={onOpenRules} sx={{ ...marker, top: 2, right: -2 }} />
          </Tooltip>
        )}
        {state.denied > 0 && (
          <Tooltip title={translate('resources.roles.editor.denied')}>
            <BlockIcon color="error" onClick={onOpenRules} sx={{ ...marker, bottom: 2, right: -2 }} />
          </Tooltip>
        )}
      </Box>
    </TableCell>
  );
};

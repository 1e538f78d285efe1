import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { DeadLetter, DeadLetterStatus } from '../types';

const COLORS: Record<DeadLetterStatus, ChipProps['color']> = {
  failed: 'error',
  replayed: 'info',
  resolved: 'success',
};

export const DeadLetterStatusField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<DeadLetter>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[record.status] ?? 'default'}
      label={translate(`resources.dead-letters.statuses.${record.status}`, { _: record.status })}
      sx={{ width: 'fit-content' }}
      data-testid="dead-letter-status"
      data-status={record.status}
    />
  );
};

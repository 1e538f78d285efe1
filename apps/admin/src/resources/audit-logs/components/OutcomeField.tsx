import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditLog, AuditOutcome } from '../types';

const COLORS: Record<AuditOutcome, ChipProps['color']> = {
  success: 'success',
  denied: 'warning',
  failed: 'error',
};

export const OutcomeField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<AuditLog>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[record.outcome] ?? 'default'}
      label={translate(`resources.audit-logs.outcomes.${record.outcome}`, { _: record.outcome })}
      sx={{ width: 'fit-content' }}
      data-testid="audit-outcome"
      data-outcome={record.outcome}
    />
  );
};

import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditLog } from '../types';

/** What happened, in words when the action is a known one, with its code underneath. */
export const ActionField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<AuditLog>();
  const translate = useTranslate();
  if (!record) return null;
  const label = translate(`resources.audit-logs.actions.${record.action}`, { _: '' });
  return (
    <Box>
      {label && <Box sx={{ whiteSpace: 'nowrap' }}>{label}</Box>}
      <Box sx={{ fontFamily: 'monospace', fontSize: label ? '0.75rem' : undefined, color: label ? 'text.secondary' : undefined }}>
        {record.action}
      </Box>
    </Box>
  );
};

import AuditLogIcon from '@mui/icons-material/History';
import { lazy } from 'react';
import type { AuditLog } from './types';

/** Who did what, when and from where: sign-ins, changes to users and roles, refused actions. Read-only. */
export default {
  list: lazy(() => import('./AuditLogList')),
  show: lazy(() => import('./AuditLogShow')),
  icon: AuditLogIcon,
  recordRepresentation: (record: AuditLog) => record.action,
};

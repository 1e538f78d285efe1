import DeadLetterIcon from '@mui/icons-material/MarkEmailUnread';
import { lazy } from 'react';
import type { DeadLetter } from './types';

/** Events whose handler failed after every retry; admins inspect and replay them. */
export default {
  list: lazy(() => import('./DeadLetterList')),
  show: lazy(() => import('./DeadLetterShow')),
  icon: DeadLetterIcon,
  recordRepresentation: (record: DeadLetter) => `${record.eventType} → ${record.handler}`,
};

import { StatusChip, type StatusChipMap } from '../../../components/StatusChip';
import type { DeadLetterStatus } from '../types';

const STATUSES: StatusChipMap<DeadLetterStatus> = {
  failed: { color: 'error', label: 'resources.dead-letters.statuses.failed' },
  replayed: { color: 'info', label: 'resources.dead-letters.statuses.replayed' },
  resolved: { color: 'success', label: 'resources.dead-letters.statuses.resolved' },
};

export const DeadLetterStatusField = (_props: { label?: string; source?: string }) => (
  <StatusChip source="status" map={STATUSES} testId="dead-letter-status" />
);

import { StatusChip, type StatusChipMap } from '../../../components/StatusChip';
import type { AuditOutcome } from '../types';

const OUTCOMES: StatusChipMap<AuditOutcome> = {
  success: { color: 'success', label: 'resources.audit-logs.outcomes.success' },
  denied: { color: 'warning', label: 'resources.audit-logs.outcomes.denied' },
  failed: { color: 'error', label: 'resources.audit-logs.outcomes.failed' },
};

export const OutcomeField = (_props: { label?: string; source?: string }) => (
  <StatusChip source="outcome" map={OUTCOMES} testId="audit-outcome" />
);

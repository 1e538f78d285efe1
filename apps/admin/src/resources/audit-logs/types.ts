export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One entry of the audit log (`GET /api/audit-logs`): who did what to which record, and what changed. */
export interface AuditLog {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  /** `<entity>.<verb>`, e.g. `user.create`, `auth.login_failed`, `access.denied`. */
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes: FieldChange[] | null;
  details?: Record<string, unknown> | null;
  requestId: string | null;
}

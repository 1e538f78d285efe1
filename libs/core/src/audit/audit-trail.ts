import { Injectable } from '@nestjs/common';
import { RequestContext } from '../auth/request-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { newId } from '../ids/ids.js';
import { diff, redact } from './redact.js';

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `user.create`, `auth.login_failed`, `access.denied`. */
  action: string;
  entityType?: string;
  entityId?: string;
  before?: object | null;
  after?: object | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
  /** Who acted, when it is not the signed-in user of the request (a sign-in attempt). */
  actor?: { id?: string | null; email?: string | null };
}

/**
 * Appends to the audit log through the ambient transaction: called inside `uow.run`, the entry
 * commits or rolls back with the change it describes. Actor, IP, user agent and request id come
 * from the request context. Secrets are redacted before anything is stored.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly uow: UnitOfWork) {}

  async record(entry: AuditEntry): Promise<void> {
    const ctx = RequestContext.current();
    const raw = { before: entry.before as Record<string, unknown> | null, after: entry.after as Record<string, unknown> | null };
    const before = raw.before ? redact(raw.before) : null;
    const after = raw.after ? redact(raw.after) : null;
    const changes = raw.before || raw.after ? diff(raw.before ?? null, raw.after ?? null) : null;
    await this.uow.manager.query(
      `INSERT INTO audit_log (id, actor_id, actor_email, ip, user_agent, request_id, action, entity_type, entity_id,
                              outcome, before, after, changes, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        newId(),
        entry.actor ? (entry.actor.id ?? null) : (ctx?.user?.id ?? null),
        entry.actor ? (entry.actor.email ?? null) : (ctx?.user?.email ?? null),
        ctx?.ip ?? null,
        ctx?.userAgent ?? null,
        ctx?.requestId ?? null,
        entry.action,
        entry.entityType ?? null,
        entry.entityId ?? null,
        entry.outcome ?? 'success',
        before ? JSON.stringify(before) : null,
        after ? JSON.stringify(after) : null,
        changes ? JSON.stringify(changes) : null,
        entry.details ? JSON.stringify(redact(entry.details)) : null,
      ],
    );
  }
}

import { RequestContext } from '../auth/request-context.js';
import { assertCan, assertWritable } from './field-access.js';
import type { Action, Subject } from './permissions.js';

/**
 * The signed-in user's check on one record: the rule's conditions against it, then the fields
 * written. Work outside a request (jobs, demo data) runs on the system's own authority.
 */
export function assertAllowed(action: Action, subject: Subject, record: object, fields: string[] = []): void {
  const ability = RequestContext.current()?.ability;
  if (!ability) return;
  assertCan(ability, action, subject, record as Record<string, unknown>);
  assertWritable(ability, action, subject, fields, record as Record<string, unknown>);
}

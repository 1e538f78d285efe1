import { subject as asSubject } from '@casl/ability';
import { DomainError } from '../errors/domain-error.js';
import type { Action, AppAbility, Subject } from './permissions.js';

/** Turns a value the user may not read into one they may see. */
export type Masker = (value: unknown) => unknown;

/** Keeps the country prefix and the last four digits: `13812345678` -> `138****5678`. */
export const maskPhone: Masker = (value) => {
  if (value === null || value === undefined) return value;
  const raw = String(value).trim();
  // Separators are dropped first: left in, `138-1234-5678` would show one digit more than intended.
  const digits = raw.replace(/\D/g, '');
  // Below eight digits the last four are half the number.
  if (digits.length < 8) return '****';
  const phone = (raw.startsWith('+') ? '+' : '') + digits;
  return `${phone.slice(0, phone.length - 8)}****${phone.slice(-4)}`;
};

/** Keeps the first character and the domain: `alice@example.com` -> `a***@example.com`. */
export const maskEmail: Masker = (value) => {
  if (value === null || value === undefined) return value;
  const email = String(value);
  const at = email.lastIndexOf('@');
  if (at < 1) return '****';
  return `${[...email][0]}***${email.slice(at)}`;
};

/**
 * The row as the user may read it: a field they may not read is masked when `masks` knows how,
 * otherwise left out. `id` is always kept, since the admin panel cannot address a row without it.
 */
export function applyReadRules<T extends Record<string, unknown>>(
  ability: AppAbility,
  subject: Subject,
  row: T,
  masks: Record<string, Masker> = {},
): T {
  // Tagging a copy: CASL marks the object itself, and the caller's row may be tagged differently.
  const target = asSubject(subject, { ...row });
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(row)) {
    if (key === 'id' || ability.can('read', target, key)) entries.push([key, value]);
    else if (Object.hasOwn(masks, key)) entries.push([key, masks[key](value)]);
  }
  return Object.fromEntries(entries) as T;
}

/**
 * The fields among `fields` the user may not touch with `action`. Without `record`, a rule with
 * conditions counts as allowing (CASL's answer for a subject type); pass the record to apply them.
 */
export function forbiddenFields(
  ability: AppAbility,
  action: Action,
  subject: Subject,
  fields: string[],
  record?: Record<string, unknown>,
): string[] {
  const target = record ? asSubject(subject, { ...record }) : subject;
  return fields.filter((field) => !ability.can(action, target, field));
}

export class FieldForbiddenError extends DomainError {
  constructor(action: Action, subject: Subject, fields: string[]) {
    const noun = fields.length === 1 ? 'field' : 'fields';
    super('access.field_forbidden', 'forbidden', `You may not ${action} the ${subject} ${noun} ${fields.join(', ')}`, {
      action,
      subject,
      fields,
    });
  }
}

/** Throws FieldForbiddenError naming every field among `fields` the user may not touch. */
export function assertWritable(
  ability: AppAbility,
  action: Action,
  subject: Subject,
  fields: string[],
  record?: Record<string, unknown>,
): void {
  const forbidden = forbiddenFields(ability, action, subject, fields, record);
  if (forbidden.length) throw new FieldForbiddenError(action, subject, forbidden);
}

export class ActionForbiddenError extends DomainError {
  constructor(action: Action, subject: Subject, id?: unknown) {
    super('access.forbidden', 'forbidden', `Your roles do not allow ${action} on this ${subject}`, {
      action,
      subject,
      ...(id !== undefined ? { id } : {}),
    });
  }
}

/**
 * The row-level check of an action on one record the user can see: a route's @Can only says
 * the user may do it to some records; the rule's conditions decide whether this one is among them.
 */
export function assertCan(ability: AppAbility, action: Action, subject: Subject, record: Record<string, unknown>): void {
  if (!ability.can(action, asSubject(subject, { ...record }))) throw new ActionForbiddenError(action, subject, record.id);
}

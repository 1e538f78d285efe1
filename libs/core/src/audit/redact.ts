/** Keys whose values never reach the audit log, at any depth. */
const SECRET_KEY = /pass(word)?|secret|token|hash|credential|api[-_]?key/i;
export const REDACTED = '[redacted]';

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redact(v)]),
    );
  }
  return value;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Top-level fields that differ between two snapshots, compared on the real values (so a new
 * password counts as a change) and reported redacted (so it never shows).
 */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...keys].sort()) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const secret = SECRET_KEY.test(field);
    const shown = (v: unknown) => (v === null ? null : secret ? REDACTED : redact(v));
    changes.push({ field, before: shown(b), after: shown(a) });
  }
  return changes;
}

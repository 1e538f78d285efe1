import type { PermissionRule } from '../../access/ability';

/**
 * A role's permissions as the editor holds them: one action on one subject per rule, so each
 * cell of the matrix is one rule. `conditions` is the JSON text being typed until it is saved.
 */
export interface EditableRule {
  action: string;
  subject: string;
  conditions?: Record<string, unknown> | string;
  fields?: string[];
  inverted?: boolean;
  reason?: string;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Splits rules naming several actions or subjects into one rule per pair, in place, and drops
 * empty parts (`conditions: null`, `fields: []`, `inverted: false`).
 */
export const expandRules = (rules: readonly PermissionRule[] | undefined): EditableRule[] =>
  (rules ?? []).flatMap(({ action, subject, conditions, fields, inverted, reason }) => {
    const rest: Omit<EditableRule, 'action' | 'subject'> = {
      ...(conditions && Object.keys(conditions).length > 0 ? { conditions } : {}),
      ...(list(fields).length > 0 ? { fields: list(fields) } : {}),
      ...(inverted ? { inverted: true } : {}),
      ...(reason ? { reason } : {}),
    };
    return list(action).flatMap((one) => list(subject).map((target) => ({ action: one, subject: target, ...rest })));
  });

/** The conditions of a rule as an object, or undefined for none; throws on text that is not a JSON object. */
export const parseConditions = (conditions: EditableRule['conditions']): Record<string, unknown> | undefined => {
  let value: unknown = conditions;
  if (typeof conditions === 'string') {
    if (conditions.trim() === '') return undefined;
    value = JSON.parse(conditions);
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new SyntaxError('not a JSON object');
  return Object.keys(value).length > 0 ? (value as Record<string, unknown>) : undefined;
};

export const conditionsError = (conditions: EditableRule['conditions']): boolean => {
  try {
    parseConditions(conditions);
    return false;
  } catch {
    return true;
  }
};

/**
 * A rule the matrix shows as a plain checkbox: "can", with no conditions and no field list.
 * A rule added as an advanced rule has (still empty) conditions, so it stays in the advanced
 * list while it is being written.
 */
export const isSimple = (rule: EditableRule): boolean =>
  !rule.inverted && rule.conditions === undefined && rule.fields === undefined;

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

type Base = Omit<PermissionRule, 'action' | 'subject'>;

interface Merged {
  actions: string[];
  subjects: string[];
  base: Base;
  members: number[];
}

const addOnce = (values: string[], value: string) => {
  if (!values.includes(value)) values.push(value);
};

const one = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);

/**
 * Rules for the API, written the way people write them: actions on one subject merged, then
 * subjects sharing the same actions merged. Merging never crosses a change between "can" and
 * "cannot" (later rules win in CASL), so the rules mean exactly what the editor showed.
 * `origin[i]` lists the editor rules behind rule `i`, to put the server's errors back on them.
 */
export const compactRules = (rules: readonly EditableRule[]): { rules: PermissionRule[]; origin: number[][] } => {
  const clean = rules.map((rule, index) => {
    const conditions = parseConditions(rule.conditions);
    const fields = rule.fields?.length ? rule.fields : undefined;
    const base: Base = {
      ...(conditions ? { conditions } : {}),
      ...(fields ? { fields } : {}),
      ...(rule.inverted ? { inverted: true } : {}),
      ...(rule.reason?.trim() ? { reason: rule.reason.trim() } : {}),
    };
    return { action: rule.action, subject: rule.subject, base, index };
  });
  const runs: Array<typeof clean> = [];
  for (const rule of clean) {
    const run = runs[runs.length - 1];
    if (run && !!run[0].base.inverted === !!rule.base.inverted) run.push(rule);
    else runs.push([rule]);
  }
  const out: PermissionRule[] = [];
  const origin: number[][] = [];
  for (const run of runs) {
    const bySubject = new Map<string, Merged>();
    for (const rule of run) {
      const key = stable([rule.subject, rule.base]);
      const merged = bySubject.get(key) ?? { actions: [], subjects: [rule.subject], base: rule.base, members: [] };
      bySubject.set(key, merged);
      addOnce(merged.actions, rule.action);
      merged.members.push(rule.index);
    }
    const byActions = new Map<string, Merged>();
    for (const merged of bySubject.values()) {
      const key = stable([merged.actions, merged.base]);
      const group = byActions.get(key) ?? { actions: merged.actions, subjects: [], base: merged.base, members: [] };
      byActions.set(key, group);
      addOnce(group.subjects, merged.subjects[0]);
      group.members.push(...merged.members);
    }
    for (const group of byActions.values()) {
      out.push({ action: one(group.actions), subject: one(group.subjects), ...group.base });
      origin.push(group.members);
    }
  }
  return { rules: out, origin };
};

import { isSimple, type EditableRule } from './permissions';

export const ANY_SUBJECT = 'all';
export const ANY_ACTION = 'manage';

export interface CellState {
  /** A plain "can" rule for exactly this action and subject. */
  granted: boolean;
  /** No such rule, but `manage` or `all` covers the cell. */
  implied: boolean;
  /** "Can" rules for this cell limited by conditions or fields. */
  limited: number;
  /** "Cannot" rules for this cell. */
  denied: number;
}

export const cellState = (rules: readonly EditableRule[], subject: string, action: string): CellState => {
  const here = rules.filter((rule) => rule.subject === subject && rule.action === action);
  const granted = here.some(isSimple);
  const implied =
    !granted &&
    rules.some(
      (rule) =>
        isSimple(rule) &&
        (rule.subject === subject || rule.subject === ANY_SUBJECT) &&
        (rule.action === action || rule.action === ANY_ACTION),
    );
  return {
    granted,
    implied,
    limited: here.filter((rule) => !rule.inverted && !isSimple(rule)).length,
    denied: here.filter((rule) => rule.inverted).length,
  };
};

/**
 * Adds a rule where it means what it says: "can" rules before the first "cannot" rule (a
 * later "can" would override it), "cannot" rules at the end.
 */
export const insertRule = (rules: readonly EditableRule[], rule: EditableRule): EditableRule[] => {
  if (rule.inverted) return [...rules, rule];
  const firstDenial = rules.findIndex((existing) => existing.inverted);
  const at = firstDenial < 0 ? rules.length : firstDenial;
  return [...rules.slice(0, at), rule, ...rules.slice(at)];
};

export const toggleCell = (
  rules: readonly EditableRule[],
  subject: string,
  action: string,
  on: boolean,
): EditableRule[] => {
  const exact = (rule: EditableRule) => rule.subject === subject && rule.action === action && isSimple(rule);
  if (!on) return rules.filter((rule) => !exact(rule));
  return rules.some(exact) ? [...rules] : insertRule(rules, { action, subject });
};

export const removeRule = (rules: readonly EditableRule[], index: number): EditableRule[] =>
  rules.filter((_rule, at) => at !== index);

/** Changes one rule; turning it into a "can" or a "cannot" rule moves it where that works. */
export const updateRule = (rules: readonly EditableRule[], index: number, patch: Partial<EditableRule>): EditableRule[] => {
  const next = { ...rules[index], ...patch };
  if (patch.inverted !== undefined && !!patch.inverted !== !!rules[index].inverted) {
    return insertRule(removeRule(rules, index), next);
  }
  return rules.map((rule, at) => (at === index ? next : rule));
};

/** The rows and columns of the matrix: the catalog's, plus any a rule names that the catalog does not. */
export const axes = (rules: readonly EditableRule[], subjects: readonly string[], actions: readonly string[]) => {
  const extra = (known: readonly string[], values: string[]) => values.filter((v, i) => !known.includes(v) && values.indexOf(v) === i);
  const rows = [ANY_SUBJECT, ...subjects.filter((subject) => subject !== ANY_SUBJECT)];
  const columns = [ANY_ACTION, ...actions.filter((action) => action !== ANY_ACTION)];
  return {
    rows: [...rows, ...extra(rows, rules.map((rule) => rule.subject))],
    columns: [...columns, ...extra(columns, rules.map((rule) => rule.action))],
  };
};

import { PLACEHOLDER_NAMES } from './build-ability.js';
import { ACTIONS, SUBJECT_FIELDS, SUBJECTS, type Subject } from './permissions.js';

type Problem = { field: string; message: string };

export const MAX_RULES = 200;
const MAX_REASON = 500;
const MAX_LIST = 1000;
/** Deep enough for any sensible role; bounds the work one request can ask of the validator and matcher. */
const MAX_DEPTH = 6;

const RULE_KEYS = ['action', 'subject', 'conditions', 'fields', 'inverted', 'reason'];
const FIELD_OPERATORS = ['$eq', '$ne', '$in', '$nin', '$lt', '$lte', '$gt', '$gte', '$exists'];
const LOGICAL_OPERATORS = ['$and', '$or'];
const LIST_PLACEHOLDERS = ['${user.warehouseIds}', '${user.channelIds}'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (values: readonly string[]) => values.join(', ');

class Checker {
  readonly problems: Problem[] = [];

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** One name or a non-empty list of names, each among `allowed`; returns the names when all are. */
  names(path: string, value: unknown, what: string, allowed: readonly string[]): string[] | undefined {
    if (value === undefined) {
      this.add(path, `${what} is required`);
      return undefined;
    }
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0) {
      this.add(path, `${what} must name at least one ${what}`);
      return undefined;
    }
    const before = this.problems.length;
    items.forEach((item, i) => {
      if (typeof item !== 'string' || !allowed.includes(item)) {
        const at = Array.isArray(value) ? `${path}[${i}]` : path;
        this.add(at, `unknown ${what} ${JSON.stringify(item)}; allowed: ${list(allowed)}`);
      }
    });
    return this.problems.length === before ? (items as string[]) : undefined;
  }

  /** A condition field: a subject field, or a path into one (`shippingAddress.city`). */
  conditionField(path: string, key: string, subjects: Subject[]): boolean {
    const parts = key.split('.');
    for (const s of subjects) {
      const fields: readonly string[] = SUBJECT_FIELDS[s];
      if (!fields.includes(parts[0]) || parts.some((part) => part === '')) {
        this.add(path, `${s} has no field ${key}; fields: ${list(fields)}`);
        return false;
      }
    }
    return true;
  }

  /** A value a rule compares with: a scalar or a placeholder; `lists` allows the list placeholders. */
  scalar(path: string, value: unknown, lists: boolean): void {
    if (typeof value === 'string') {
      if (!value.includes('${')) return;
      if (!PLACEHOLDER_NAMES.includes(value)) {
        this.add(path, `unknown placeholder ${value}; allowed: ${list(PLACEHOLDER_NAMES)}`);
      } else if (!lists && LIST_PLACEHOLDERS.includes(value)) {
        this.add(path, `${value} is a list: compare with $in or $nin`);
      }
      return;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) this.add(path, 'numbers must be finite');
    else if (Array.isArray(value)) this.add(path, 'a list of values needs $in or $nin');
    else if (value !== null && typeof value === 'object') this.add(path, 'values must be text, numbers, true/false or null');
  }

  operator(path: string, op: string, value: unknown): void {
    if (op === '$in' || op === '$nin') {
      if (typeof value === 'string' && LIST_PLACEHOLDERS.includes(value)) return;
      if (!Array.isArray(value)) return this.add(path, `${op} takes a list of values or a list placeholder`);
      if (value.length > MAX_LIST) return this.add(path, `${op} lists more than ${MAX_LIST} values`);
      value.forEach((item, i) => {
        if (Array.isArray(item)) this.add(`${path}[${i}]`, `${op} takes a flat list`);
        else this.scalar(`${path}[${i}]`, item, true);
      });
    } else if (op === '$exists') {
      if (typeof value !== 'boolean') this.add(path, '$exists takes true or false');
    } else if (op === '$eq' || op === '$ne') {
      this.scalar(path, value, false);
    } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      this.scalar(path, value, false);
    } else {
      this.add(path, `${op} takes a number or text`);
    }
  }

  /** A MongoDB-style query over `subjects`, limited to operators SQL can also express. */
  query(path: string, query: unknown, subjects: Subject[], depth: number): void {
    if (!isObject(query)) return this.add(path, 'conditions must be an object');
    if (depth > MAX_DEPTH) return this.add(path, `conditions may nest at most ${MAX_DEPTH} levels`);
    for (const [key, value] of Object.entries(query)) {
      const at = `${path}.${key}`;
      if (key.startsWith('$')) {
        if (!LOGICAL_OPERATORS.includes(key)) {
          this.add(at, `operator ${key} is not allowed here; use ${list(LOGICAL_OPERATORS)} or a field name`);
        } else if (!Array.isArray(value) || value.length === 0) {
          this.add(at, `${key} takes a non-empty list of conditions`);
        } else {
          value.forEach((item, i) => this.query(`${at}[${i}]`, item, subjects, depth + 1));
        }
        continue;
      }
      if (!this.conditionField(at, key, subjects)) continue;
      if (!isObject(value)) {
        this.scalar(at, value, false);
        continue;
      }
      const ops = Object.keys(value);
      if (ops.length === 0 || ops.some((op) => !op.startsWith('$'))) {
        this.add(at, 'a condition is a value or an object of operators such as {"$in": [...]}');
        continue;
      }
      for (const op of ops) {
        if (FIELD_OPERATORS.includes(op)) this.operator(`${at}.${op}`, op, value[op]);
        else this.add(`${at}.${op}`, `operator ${op} is not allowed; allowed: ${list(FIELD_OPERATORS)}`);
      }
    }
  }

  rule(path: string, rule: unknown): void {
    if (!isObject(rule)) return this.add(path, 'each permission must be an object');
    for (const key of Object.keys(rule)) {
      if (!RULE_KEYS.includes(key)) this.add(`${path}.${key}`, `unknown key ${key}; allowed: ${list(RULE_KEYS)}`);
    }
    this.names(`${path}.action`, rule.action, 'action', ACTIONS);
    const subjects = this.names(`${path}.subject`, rule.subject, 'subject', [...SUBJECTS, 'all']);
    const concrete = subjects?.filter((s): s is Subject => s !== 'all');
    const hasAll = subjects?.includes('all') ?? false;

    if (rule.fields !== undefined) {
      const at = `${path}.fields`;
      if (!Array.isArray(rule.fields) || rule.fields.length === 0) {
        this.add(at, 'fields must be a non-empty list of field names');
      } else if (hasAll) {
        this.add(at, 'fields cannot be used with subject all');
      } else if (concrete && concrete.length !== 1) {
        this.add(at, 'fields need a single subject');
      } else if (concrete) {
        const known: readonly string[] = SUBJECT_FIELDS[concrete[0]];
        rule.fields.forEach((f, i) => {
          if (typeof f !== 'string' || !known.includes(f)) {
            this.add(`${at}[${i}]`, `${concrete[0]} has no field ${JSON.stringify(f)}; fields: ${list(known)}`);
          }
        });
      }
    }

    if (rule.conditions !== undefined) {
      const at = `${path}.conditions`;
      if (hasAll) this.add(at, 'conditions cannot be used with subject all');
      else if (concrete) this.query(at, rule.conditions, concrete, 1);
      else if (!isObject(rule.conditions)) this.add(at, 'conditions must be an object');
    }

    if (rule.inverted !== undefined && typeof rule.inverted !== 'boolean') {
      this.add(`${path}.inverted`, 'inverted must be true or false');
    }
    if (rule.reason !== undefined) {
      if (typeof rule.reason !== 'string') this.add(`${path}.reason`, 'reason must be text');
      else if (rule.reason.length > MAX_REASON) this.add(`${path}.reason`, `reason is longer than ${MAX_REASON} characters`);
    }
  }
}

/**
 * The problems with a role's permissions as sent to the roles API, each naming where it is
 * (`permissions[2].conditions.warehouseId`); empty when the rules may be stored.
 */
export function validatePermissionRules(input: unknown): Problem[] {
  const checker = new Checker();
  if (!Array.isArray(input)) {
    checker.add('permissions', 'permissions must be a list of rules');
  } else if (input.length > MAX_RULES) {
    checker.add('permissions', `permissions may hold at most ${MAX_RULES} rules`);
  } else {
    input.forEach((rule, i) => checker.rule(`permissions[${i}]`, rule));
  }
  return checker.problems;
}

import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, Subject } from './permissions.js';

/** A WHERE condition with its parameters, ready for `listResource(..., scope)`. */
export interface SqlScope {
  sql: string;
  params: unknown[];
}

type Bind = (value: unknown, type: string) => string;

/** A boolean SQL expression before parameters are numbered; `nullable` when it may yield NULL. */
type Node =
  | { kind: 'const'; value: boolean }
  | { kind: 'leaf'; nullable: boolean; render: (bind: Bind) => string }
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node };

const TRUE: Node = { kind: 'const', value: true };
const FALSE: Node = { kind: 'const', value: false };

/** Thrown inside a rule's translation when it names something SQL cannot express. */
class Untranslatable extends Error {}

function combine(kind: 'and' | 'or', nodes: Node[]): Node {
  const absorbing = kind === 'or';
  const items: Node[] = [];
  for (const node of nodes) {
    if (node.kind === 'const') {
      if (node.value === absorbing) return node;
      continue;
    }
    if (node.kind === kind) items.push(...node.items);
    else items.push(node);
  }
  if (items.length === 0) return absorbing ? FALSE : TRUE;
  return items.length === 1 ? items[0] : { kind, items };
}

function negate(node: Node): Node {
  if (node.kind === 'const') return node.value ? FALSE : TRUE;
  if (node.kind === 'not') return node.item;
  return { kind: 'not', item: node };
}

function nullable(node: Node): boolean {
  if (node.kind === 'const' || node.kind === 'not') return false;
  if (node.kind === 'leaf') return node.nullable;
  return node.items.some(nullable);
}

function render(node: Node, bind: Bind): string {
  switch (node.kind) {
    case 'const':
      return node.value ? 'TRUE' : 'FALSE';
    case 'leaf':
      return node.render(bind);
    case 'and':
    case 'or':
      return `(${node.items.map((item) => render(item, bind)).join(` ${node.kind.toUpperCase()} `)})`;
    case 'not':
      // NOT NULL is NULL, which would drop a row CASL lets through (`$ne` on a NULL column).
      if (nullable(node.item)) return `NOT COALESCE(${render(node.item, bind)}, FALSE)`;
      return node.item.kind === 'leaf' ? `NOT (${render(node.item, bind)})` : `NOT ${render(node.item, bind)}`;
  }
}

/** A column's SQL type, declared so that a scope compares with the column's own operators. */
export type ColumnType = 'uuid' | 'text' | 'integer' | 'numeric' | 'boolean' | 'timestamptz' | 'list';
type ScalarType = Exclude<ColumnType, 'list'>;

/** A field's SQL expression and, when declared, its type. */
interface Column {
  expr: string;
  type?: ColumnType;
}

/** The parameter type each declared column compares with; bigint also serves smallint and int columns. */
const PARAMETER_TYPE: Record<ScalarType, string> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'bigint',
  numeric: 'numeric',
  boolean: 'boolean',
  timestamptz: 'timestamptz',
};

/**
 * PostgreSQL prints uuids in lower case and CASL compares strings as they are, so an upper-case
 * id matches no row in `ability.can`; refusing it keeps the SQL from granting more than CASL.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An instant with its offset: without one PostgreSQL would read it in the session's time zone. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Checked here because PostgreSQL fails the whole query on a date it cannot read (2026-02-30). */
function isTimestamp(value: unknown): value is string {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((part) => Number(part ?? 0));
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}

const VALID: Record<ScalarType, (value: unknown) => boolean> = {
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  text: (v) => typeof v === 'string',
  integer: (v) => Number.isSafeInteger(v),
  numeric: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  timestamptz: isTimestamp,
};

/** The SQL type a JS value is compared as; anything else (objects, arrays, dates) is refused. */
function sqlType(value: unknown): 'text' | 'numeric' | 'boolean' {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' && Number.isFinite(value)) return 'numeric';
  if (typeof value === 'boolean') return 'boolean';
  throw new Untranslatable(`cannot compare with ${JSON.stringify(value)}`);
}

const leaf = (render: (bind: Bind) => string, isNullable = true): Node => ({ kind: 'leaf', nullable: isNullable, render });

/**
 * How a value meets a column: a declared column as it is, against a parameter of its own type, so
 * its indexes apply; any other column cast to the type of the value. A value the declared type
 * cannot hold is refused, as an unknown field is, before it can reach SQL and fail the query.
 */
function operand(column: Column, value: unknown): { left: string; type: string } {
  // A list (roleIds, warehouseIds) would compare as text and never match: a refusal on it
  // would then refuse nothing. Such conditions are not translated, so they fail closed.
  if (column.type === 'list') throw new Untranslatable('a list field cannot be compared');
  if (column.type === undefined) {
    const type = sqlType(value);
    return { left: `${column.expr}::${type}`, type };
  }
  if (!Object.hasOwn(VALID, column.type) || !VALID[column.type](value)) {
    throw new Untranslatable(`${JSON.stringify(value)} is not a ${column.type}`);
  }
  return { left: column.expr, type: PARAMETER_TYPE[column.type] };
}

function equals(column: Column, value: unknown): Node {
  if (value === null) return leaf(() => `${column.expr} IS NULL`, false);
  const { left, type } = operand(column, value);
  return leaf((bind) => `${left} = ${bind(value, type)}`);
}

function within(column: Column, values: unknown): Node {
  if (!Array.isArray(values)) throw new Untranslatable('$in needs a list');
  const byType = new Map<string, { left: string; type: string; list: unknown[] }>();
  let withNull = false;
  for (const value of values) {
    if (value === null) withNull = true;
    else {
      const { left, type } = operand(column, value);
      const group = byType.get(type) ?? { left, type, list: [] };
      group.list.push(value);
      byType.set(type, group);
    }
  }
  const parts = [...byType.values()].map(({ left, type, list }) => leaf((bind) => `${left} = ANY(${bind(list, `${type}[]`)})`));
  if (withNull) parts.push(equals(column, null));
  return combine('or', parts);
}

const ORDER: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

function ordered(column: Column, operator: string, value: unknown): Node {
  const comparable =
    column.type === undefined
      ? (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string'
      : column.type !== 'boolean';
  if (!comparable) throw new Untranslatable(`cannot order by ${JSON.stringify(value)}`);
  const { left, type } = operand(column, value);
  // Byte order, as JavaScript compares strings; the database's collation would order them differently.
  const collated = type === 'text' ? `${left} COLLATE "C"` : left;
  return leaf((bind) => `${collated} ${ORDER[operator]} ${bind(value, type)}`);
}

interface AstNode {
  operator: string;
  value: unknown;
  field?: unknown;
}

interface Columns {
  exprs: Record<string, string>;
  types: Readonly<Record<string, ColumnType>>;
}

function translate(node: AstNode, columns: Columns): Node {
  if (!('field' in node)) {
    if (!Array.isArray(node.value)) throw new Untranslatable(`unsupported operator ${node.operator}`);
    const items = (node.value as AstNode[]).map((child) => translate(child, columns));
    if (node.operator === 'and' || node.operator === 'or') return combine(node.operator, items);
    if (node.operator === 'not' && items.length === 1) return negate(items[0]);
    throw new Untranslatable(`unsupported operator ${node.operator}`);
  }
  const field = node.field;
  if (typeof field !== 'string' || !Object.hasOwn(columns.exprs, field)) throw new Untranslatable(`no column for ${String(field)}`);
  const column: Column = {
    expr: `(${columns.exprs[field]})`,
    type: Object.hasOwn(columns.types, field) ? columns.types[field] : undefined,
  };
  switch (node.operator) {
    case 'eq':
      return equals(column, node.value);
    case 'ne':
      return negate(equals(column, node.value));
    case 'in':
      return within(column, node.value);
    case 'nin':
      return negate(within(column, node.value));
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return ordered(column, node.operator, node.value);
    case 'exists':
      if (typeof node.value !== 'boolean') throw new Untranslatable('$exists needs true or false');
      return leaf(() => `${column.expr} IS ${node.value ? 'NOT ' : ''}NULL`, false);
    default:
      throw new Untranslatable(`unsupported operator ${node.operator}`);
  }
}

/**
 * The rows a rule's conditions select; FALSE for a rule that cannot be expressed in SQL, which
 * denies in both directions: a `can` grants nothing and a `cannot` forbids every row it could reach.
 */
function ruleCondition(rule: { ast: unknown; inverted: boolean }, columns: Columns): Node {
  try {
    const ast = rule.ast as AstNode | undefined;
    if (!ast) return FALSE;
    const node = translate(ast, columns);
    return rule.inverted ? negate(node) : node;
  } catch {
    // Untranslatable, or CASL refusing to parse the stored conditions: either way, deny.
    return FALSE;
  }
}

/**
 * The SQL condition selecting exactly the rows `ability` lets `action` reach on `subject`.
 * `columns` maps each condition field to its SQL expression (as `ResourceDefinition.fields`);
 * parameters are numbered from `$${paramOffset + 1}`.
 *
 * A field with a type in `types` (as `ResourceDefinition.columnTypes`) compares natively, e.g.
 * `expr = ANY($n::uuid[])`, so an index on the column serves the scope; a rule value its type
 * cannot hold (a non-uuid or upper-case id, a string for a number, a fraction for an integer, a
 * timestamp without an offset) makes the rule untranslatable, like a field without a column.
 * Any other field compares by the type of the value in the rule: a string as
 * `expr::text = $n::text` (so one rule works on uuid, text and enum columns), a number as
 * `expr::numeric`, a boolean as `expr::boolean`. String ordering uses the C collation to match
 * JavaScript. Conditions on array or JSON columns are not supported.
 */
export function scopeFor(
  ability: AppAbility,
  action: Action,
  subject: Subject,
  columns: Record<string, string>,
  paramOffset = 0,
  types: Readonly<Record<string, ColumnType>> = {},
): SqlScope {
  const rules = ability.rulesFor(action, subject);
  const known: Columns = { exprs: columns, types };
  // rulesToCondition applies CASL's priority: each `can` is bounded by the `cannot`s that outrank it.
  const node =
    rulesToCondition<AppAbility, Node, Node>(rules, (rule) => ruleCondition(rule, known), {
      and: (items) => combine('and', items),
      or: (items) => combine('or', items),
      empty: () => TRUE,
    }) ?? FALSE;
  const params: unknown[] = [];
  const bind: Bind = (value, type) => {
    params.push(value);
    return `$${paramOffset + params.length}::${type}`;
  };
  return { sql: render(node, bind), params };
}

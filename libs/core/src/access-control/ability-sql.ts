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

/** The SQL type a JS value is compared as; anything else (objects, arrays, dates) is refused. */
function sqlType(value: unknown): 'text' | 'numeric' | 'boolean' {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' && Number.isFinite(value)) return 'numeric';
  if (typeof value === 'boolean') return 'boolean';
  throw new Untranslatable(`cannot compare with ${JSON.stringify(value)}`);
}

const leaf = (render: (bind: Bind) => string, isNullable = true): Node => ({ kind: 'leaf', nullable: isNullable, render });

function equals(expr: string, value: unknown): Node {
  if (value === null) return leaf(() => `${expr} IS NULL`, false);
  const type = sqlType(value);
  return leaf((bind) => `${expr}::${type} = ${bind(value, type)}`);
}

function within(expr: string, values: unknown): Node {
  if (!Array.isArray(values)) throw new Untranslatable('$in needs a list');
  const byType = new Map<string, unknown[]>();
  let withNull = false;
  for (const value of values) {
    if (value === null) withNull = true;
    else {
      const type = sqlType(value);
      byType.set(type, [...(byType.get(type) ?? []), value]);
    }
  }
  const parts = [...byType].map(([type, list]) => leaf((bind) => `${expr}::${type} = ANY(${bind(list, `${type}[]`)})`));
  if (withNull) parts.push(equals(expr, null));
  return combine('or', parts);
}

const ORDER: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

function ordered(expr: string, operator: string, value: unknown): Node {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return leaf((bind) => `${expr}::numeric ${ORDER[operator]} ${bind(value, 'numeric')}`);
  }
  // Byte order, as JavaScript compares strings; the database's collation would order them differently.
  if (typeof value === 'string') return leaf((bind) => `${expr}::text COLLATE "C" ${ORDER[operator]} ${bind(value, 'text')}`);
  throw new Untranslatable(`cannot order by ${JSON.stringify(value)}`);
}

interface AstNode {
  operator: string;
  value: unknown;
  field?: unknown;
}

function translate(node: AstNode, columns: Record<string, string>): Node {
  if (!('field' in node)) {
    if (!Array.isArray(node.value)) throw new Untranslatable(`unsupported operator ${node.operator}`);
    const items = (node.value as AstNode[]).map((child) => translate(child, columns));
    if (node.operator === 'and' || node.operator === 'or') return combine(node.operator, items);
    if (node.operator === 'not' && items.length === 1) return negate(items[0]);
    throw new Untranslatable(`unsupported operator ${node.operator}`);
  }
  const field = node.field;
  if (typeof field !== 'string' || !Object.hasOwn(columns, field)) throw new Untranslatable(`no column for ${String(field)}`);
  const expr = `(${columns[field]})`;
  switch (node.operator) {
    case 'eq':
      return equals(expr, node.value);
    case 'ne':
      return negate(equals(expr, node.value));
    case 'in':
      return within(expr, node.value);
    case 'nin':
      return negate(within(expr, node.value));
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return ordered(expr, node.operator, node.value);
    case 'exists':
      if (typeof node.value !== 'boolean') throw new Untranslatable('$exists needs true or false');
      return leaf(() => `${expr} IS ${node.value ? 'NOT ' : ''}NULL`, false);
    default:
      throw new Untranslatable(`unsupported operator ${node.operator}`);
  }
}

/**
 * The rows a rule's conditions select; FALSE for a rule that cannot be expressed in SQL, which
 * denies in both directions: a `can` grants nothing and a `cannot` forbids every row it could reach.
 */
function ruleCondition(rule: { ast: unknown; inverted: boolean }, columns: Record<string, string>): Node {
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
 * Comparisons follow the type of the value in the rule, never the column's: a string compares as
 * `expr::text = $n::text` (so one rule works on uuid, text and enum columns), a number as
 * `expr::numeric`, a boolean as `expr::boolean`; string ordering uses the C collation to match
 * JavaScript. Conditions on array or JSON columns are not supported.
 */
export function scopeFor(
  ability: AppAbility,
  action: Action,
  subject: Subject,
  columns: Record<string, string>,
  paramOffset = 0,
): SqlScope {
  const rules = ability.rulesFor(action, subject);
  // rulesToCondition applies CASL's priority: each `can` is bounded by the `cannot`s that outrank it.
  const node =
    rulesToCondition<AppAbility, Node, Node>(rules, (rule) => ruleCondition(rule, columns), {
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

import { buildMongoQueryMatcher, createMongoAbility, type RawRuleOf } from '@casl/ability';
import type { AppAbility, PermissionRule } from './permissions.js';

/** The parts of the signed-in user that rule placeholders may refer to. */
export interface AbilityUser {
  id: string;
  email: string;
  warehouseIds: string[];
  channelIds: string[];
}

const PLACEHOLDERS: Record<string, (user: AbilityUser) => string | string[]> = {
  '${user.id}': (u) => u.id,
  '${user.email}': (u) => u.email,
  '${user.warehouseIds}': (u) => [...u.warehouseIds],
  '${user.channelIds}': (u) => [...u.channelIds],
};

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS);

function placeholderValue(value: unknown, user: AbilityUser): string | string[] | undefined {
  return typeof value === 'string' && Object.hasOwn(PLACEHOLDERS, value) ? PLACEHOLDERS[value](user) : undefined;
}

function interpolate(value: unknown, user: AbilityUser): unknown {
  const replaced = placeholderValue(value, user);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) {
    // `{"$in": ["${user.warehouseIds}", "<some id>"]}` means one flat list, not a list holding a list.
    return value.flatMap((item) => {
      const list = placeholderValue(item, user);
      return Array.isArray(list) ? list : [interpolate(item, user)];
    });
  }
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a stored `__proto__` key cannot reach the prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, user)]));
  }
  return value;
}

/** Replaces the user placeholders inside each rule's conditions; the input rules are left untouched. */
export function interpolateRules(rules: PermissionRule[], user: AbilityUser): PermissionRule[] {
  return rules.map((rule) =>
    rule.conditions === undefined
      ? { ...rule }
      : { ...rule, conditions: interpolate(rule.conditions, user) as Record<string, unknown> },
  );
}

interface FieldNode {
  field: string;
  value: unknown;
}
interface CompoundNode {
  value: unknown[];
}
interface MatchContext {
  get(object: unknown, field: string): unknown;
  compare(a: unknown, b: unknown): number;
  interpret(node: unknown, object: unknown): boolean;
}

const nonEmptyList = (instruction: { name: string }, value: unknown) => {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`"${instruction.name}" expects a non-empty list of conditions`);
  }
};

/** Null never satisfies an ordering comparison (as in MongoDB and SQL); CASL's JS compare ranks it lowest. */
function ordered(accept: (comparison: number) => boolean) {
  return (node: FieldNode, object: unknown, { get, compare }: MatchContext) => {
    const value = get(object, node.field);
    const test = (v: unknown) => v !== null && v !== undefined && accept(compare(v, node.value));
    return Array.isArray(value) ? value.some(test) : test(value);
  };
}

/**
 * CASL's default matcher silently reads `$and`/`$or` as field names (a `cannot` with `$or` would
 * never match), so they are registered here. `$exists` and ordering comparisons follow SQL null
 * semantics so that a rule means the same in `ability.can` and in the SQL from `scopeFor`:
 * every column of a loaded row is present, so key-presence `$exists` would always be true.
 */
const conditionsMatcher = buildMongoQueryMatcher(
  {
    $and: { type: 'compound', validate: nonEmptyList },
    $or: { type: 'compound', validate: nonEmptyList },
  },
  {
    or: (node: CompoundNode, object: unknown, { interpret }: MatchContext) =>
      node.value.some((condition) => interpret(condition, object)),
    exists: (node: FieldNode, object: unknown, { get }: MatchContext) => {
      const value = get(object, node.field);
      return (value !== null && value !== undefined) === node.value;
    },
    lt: ordered((c) => c < 0),
    lte: ordered((c) => c <= 0),
    gt: ordered((c) => c > 0),
    gte: ordered((c) => c >= 0),
  },
);

/** The ability of one user: their roles' rules with the placeholders filled in. */
export function buildAbility(rules: PermissionRule[], user: AbilityUser): AppAbility {
  const raw = interpolateRules(rules, user) as RawRuleOf<AppAbility>[];
  return createMongoAbility<AppAbility>(raw, { conditionsMatcher });
}

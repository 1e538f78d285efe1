import type { OrderSnapshot } from '../order.types.js';
import type { AuditFacts, AuditFlag, AuditFlagCode, FlagParams, RuleResult } from './audit.types.js';

/** The shape of one audit rule and its settable parameters; the rules are in audit-rules.ts. */

export type ParamSpec =
  | { type: 'integer'; default: number; min: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string_list'; default: readonly string[]; allowed?: readonly string[]; description: string };

export type ParamValue = number | boolean | readonly string[];
export type RuleParams = Record<string, ParamValue>;

type ValueOf<S extends ParamSpec> = S extends { type: 'integer' } ? number : S extends { type: 'boolean' } ? boolean : readonly string[];
export type ParamsOf<S extends Record<string, ParamSpec>> = { [K in keyof S]: ValueOf<S[K]> };

export interface AuditRule<C extends string = string> {
  /** Stable rule key, used in settings and in the order's audit results. */
  code: C;
  /** The flag codes this rule can raise. */
  flags: readonly AuditFlagCode[];
  description: string;
  /** Whether the rule runs when settings say nothing about it. */
  enabled: boolean;
  params: Record<string, ParamSpec>;
  check(order: OrderSnapshot, facts: AuditFacts, params: RuleParams): RuleResult;
}

interface RuleDefinition<C extends string, S extends Record<string, ParamSpec>> {
  code: C;
  flags: readonly AuditFlagCode[];
  description: string;
  enabled: boolean;
  params: S;
  /** The flags the order earns; none means it passes. */
  evaluate(order: OrderSnapshot, facts: AuditFacts, params: ParamsOf<S>): AuditFlag[];
}

export function defineRule<const C extends string, const S extends Record<string, ParamSpec>>(
  definition: RuleDefinition<C, S>,
): AuditRule<C> {
  const { evaluate, ...rest } = definition;
  return {
    ...rest,
    check(order, facts, params) {
      const flags = evaluate(order, facts, params as ParamsOf<S>);
      return { rule: definition.code, passed: flags.length === 0, flags };
    },
  };
}

export function flag(code: AuditFlagCode, message: string, params: FlagParams): AuditFlag {
  return { code, message, params };
}

/** Total ordered per SKU, in the order the SKUs first appear (a SKU may be on several lines). */
export function quantitiesBySku(order: OrderSnapshot): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of order.lines ?? []) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return totals;
}

/** Minor units as money for a message, e.g. 500000 CNY -> "CN¥5,000.00". */
export function formatMoney(minor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch (_unknownCurrency) {
    return `${minor} ${currency} (minor units)`;
  }
}

import type { OrderSnapshot } from '../order.types.js';
import type { AuditRule, ParamSpec, ParamValue, RuleParams } from './audit-rule.js';
import { AUDIT_RULES, type AuditRuleKey } from './audit-rules.js';
import type { AuditFacts, AuditReport, RuleResult } from './audit.types.js';

/**
 * Runs the audit rules on an order and keeps their settings: which rules run, their
 * parameters, and whether a clean order is approved without staff.
 */

export interface RuleSettings {
  enabled: boolean;
  params: RuleParams;
}

export interface AuditSettings {
  rules: Record<AuditRuleKey, RuleSettings>;
  /** Approve an order automatically when every rule passes (a channel may still opt out). */
  autoApprove: boolean;
}

/** Settings as stored: a rule or parameter added in a later release takes its default. */
export interface StoredAuditSettings {
  rules?: Partial<Record<AuditRuleKey, { enabled?: boolean; params?: Partial<RuleParams> }>>;
  autoApprove?: boolean;
}

function defaultParams(rule: AuditRule): RuleParams {
  return Object.fromEntries(Object.entries(rule.params).map(([name, spec]) => [name, spec.default]));
}

/** Every rule on with its default parameters; auto-approval off until the shop turns it on. */
export const DEFAULT_AUDIT_SETTINGS: AuditSettings = Object.freeze({
  rules: Object.freeze(
    Object.fromEntries(AUDIT_RULES.map((rule) => [rule.code, Object.freeze({ enabled: rule.enabled, params: Object.freeze(defaultParams(rule)) })])),
  ) as Record<AuditRuleKey, RuleSettings>,
  autoApprove: false,
});

/** Stored settings completed with the defaults; unknown rules and parameters are dropped. */
export function resolveAuditSettings(stored: StoredAuditSettings | null | undefined): AuditSettings {
  const rules = {} as Record<AuditRuleKey, RuleSettings>;
  for (const rule of AUDIT_RULES) {
    const own = stored?.rules?.[rule.code];
    const params: RuleParams = {};
    for (const [name, spec] of Object.entries(rule.params)) params[name] = (own?.params?.[name] as ParamValue | undefined) ?? spec.default;
    rules[rule.code] = { enabled: own?.enabled ?? rule.enabled, params };
  }
  return { rules, autoApprove: stored?.autoApprove ?? DEFAULT_AUDIT_SETTINGS.autoApprove };
}

/** The windows the application needs to look the facts up with. */
export function auditLookups(stored: StoredAuditSettings | null | undefined): { purchasePeriodDays: number; duplicateWindowHours: number } {
  const { rules } = resolveAuditSettings(stored);
  return { purchasePeriodDays: rules.purchase_limit.params.periodDays as number, duplicateWindowHours: rules.duplicate_order.params.windowHours as number };
}

/**
 * Runs every enabled rule, in catalogue order; disabled rules are listed as skipped so the
 * order shows what was and was not checked. The order passes when no rule raised a flag.
 */
export function runAudit(
  order: OrderSnapshot,
  facts: AuditFacts,
  stored: StoredAuditSettings | null | undefined = DEFAULT_AUDIT_SETTINGS,
  now: Date = new Date(),
): AuditReport {
  const settings = resolveAuditSettings(stored);
  const results: RuleResult[] = AUDIT_RULES.map((rule) => {
    const own = settings.rules[rule.code];
    if (!own.enabled) return { rule: rule.code, passed: true, skipped: true, flags: [] };
    return rule.check(order, facts, own.params);
  });
  return {
    ranAt: now.toISOString(),
    results,
    passed: results.every((r) => r.passed),
    flags: results.flatMap((r) => r.flags),
  };
}

/**
 * Whether a passing order is approved without staff: the global switch must be on and the
 * order's channel must not have turned it off (null: the channel follows the global switch).
 */
export function autoApproveFor(stored: StoredAuditSettings | null | undefined, channelAutoApprove?: boolean | null): boolean {
  return resolveAuditSettings(stored).autoApprove && channelAutoApprove !== false;
}

export interface AuditSettingsError {
  /** Dotted path of the offending value, e.g. `rules.amount_review.params.thresholdMinor`. */
  path: string;
  code: 'invalid_type' | 'required' | 'unknown_rule' | 'unknown_param' | 'unknown_field' | 'too_small' | 'not_allowed';
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function validateParam(path: string, spec: ParamSpec, value: unknown): AuditSettingsError[] {
  switch (spec.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return [{ path, code: 'invalid_type', message: `${path} must be a whole number` }];
      if (value < spec.min) return [{ path, code: 'too_small', message: `${path} must be at least ${spec.min}` }];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [{ path, code: 'invalid_type', message: `${path} must be true or false` }];
    case 'string_list': {
      if (!Array.isArray(value)) return [{ path, code: 'invalid_type', message: `${path} must be a list of strings` }];
      return value.flatMap((item, i): AuditSettingsError[] => {
        const at = `${path}.${i}`;
        if (typeof item !== 'string' || !item.trim()) return [{ path: at, code: 'invalid_type', message: `${at} must be a non-empty string` }];
        if (spec.allowed && !spec.allowed.includes(item)) {
          return [{ path: at, code: 'not_allowed', message: `${at} must be one of ${spec.allowed.join(', ')}` }];
        }
        return [];
      });
    }
  }
}

function validateRule(rule: AuditRule, value: unknown): AuditSettingsError[] {
  const path = `rules.${rule.code}`;
  if (!isObject(value)) return [{ path, code: 'invalid_type', message: `${path} must be an object with enabled and params` }];
  const errors: AuditSettingsError[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'enabled' && key !== 'params') errors.push({ path: `${path}.${key}`, code: 'unknown_field', message: `${path}.${key} is not a rule setting` });
  }
  if (value.enabled === undefined) errors.push({ path: `${path}.enabled`, code: 'required', message: `${path}.enabled is required` });
  else if (typeof value.enabled !== 'boolean') errors.push({ path: `${path}.enabled`, code: 'invalid_type', message: `${path}.enabled must be true or false` });
  if (value.params === undefined) return errors;
  if (!isObject(value.params)) return [...errors, { path: `${path}.params`, code: 'invalid_type', message: `${path}.params must be an object` }];
  for (const [name, param] of Object.entries(value.params)) {
    const spec = rule.params[name];
    const at = `${path}.params.${name}`;
    if (!spec) errors.push({ path: at, code: 'unknown_param', message: `${rule.code} has no parameter ${name}` });
    else errors.push(...validateParam(at, spec, param));
  }
  return errors;
}

/**
 * What is wrong with settings sent to the settings API (empty: they may be saved). Rules and
 * parameters left out take their defaults; unknown ones and wrong types are refused.
 */
export function validateAuditSettings(input: unknown): AuditSettingsError[] {
  if (!isObject(input)) return [{ path: '', code: 'invalid_type', message: 'audit settings must be an object with rules and autoApprove' }];
  const errors: AuditSettingsError[] = [];
  for (const key of Object.keys(input)) {
    if (key !== 'rules' && key !== 'autoApprove') errors.push({ path: key, code: 'unknown_field', message: `${key} is not an audit setting` });
  }
  if (input.autoApprove === undefined) errors.push({ path: 'autoApprove', code: 'required', message: 'autoApprove is required' });
  else if (typeof input.autoApprove !== 'boolean') errors.push({ path: 'autoApprove', code: 'invalid_type', message: 'autoApprove must be true or false' });
  if (input.rules === undefined) return [...errors, { path: 'rules', code: 'required', message: 'rules is required' }];
  if (!isObject(input.rules)) return [...errors, { path: 'rules', code: 'invalid_type', message: 'rules must be an object keyed by rule' }];
  const byCode = new Map<string, AuditRule>(AUDIT_RULES.map((rule) => [rule.code, rule]));
  for (const [code, value] of Object.entries(input.rules)) {
    const rule = byCode.get(code);
    if (!rule) errors.push({ path: `rules.${code}`, code: 'unknown_rule', message: `${code} is not an audit rule` });
    else errors.push(...validateRule(rule, value));
  }
  return errors;
}

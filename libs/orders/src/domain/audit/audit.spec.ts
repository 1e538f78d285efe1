import type { OrderSnapshot } from '../order.types.js';
import { AUDIT_RULE_KEYS } from './audit-rules.js';
import { auditLookups, autoApproveFor, DEFAULT_AUDIT_SETTINGS, resolveAuditSettings, runAudit, validateAuditSettings } from './audit.js';
import type { AuditFacts } from './audit.types.js';

const NOW = new Date('2025-03-01T02:05:00.000Z');

function order(over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: 'o1',
    number: 'SO-1001',
    channelId: 'ch1',
    externalId: 'TB-88',
    externalNumber: 'TB-88',
    status: 'pending_review',
    currency: 'CNY',
    customer: { name: '李四', phone: '+86 139 0000 1111' },
    shippingAddress: { country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: '科技园路 1 号' },
    lines: [{ id: 'l1', sku: 'TEA-01', name: '龙井茶', quantity: 1, unitPriceMinor: 600000, discountMinor: 0, taxMinor: 0, totalMinor: 600000 }],
    payment: { method: 'bank_transfer', instant: false, status: 'pending', paidAmountMinor: 0, paidAt: null, reference: null },
    delivery: {},
    buyerRemark: null,
    sellerRemark: null,
    tags: [],
    priority: 0,
    flags: [],
    warehouseIds: [],
    parentId: null,
    subtotalMinor: 600000,
    shippingFeeMinor: 0,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 600000,
    createdAt: '2025-03-01T02:00:00.000Z',
    ...over,
  };
}

const paid = { method: 'bank_transfer', instant: false, status: 'paid' as const, paidAmountMinor: 600000, paidAt: '2025-03-01T03:00:00Z', reference: 'B1' };

function facts(over: Partial<AuditFacts> = {}): AuditFacts {
  return {
    skus: { 'TEA-01': { known: true, active: true, purchaseLimit: null, available: 10 } },
    servesAddress: true,
    purchasedInPeriod: {},
    blockList: [],
    similarRecentOrders: [],
    ...over,
  };
}

describe('runAudit', () => {
  it('runs every rule in catalogue order and passes a clean order', () => {
    const report = runAudit(order({ payment: paid, totalMinor: 20000 }), facts(), DEFAULT_AUDIT_SETTINGS, NOW);
    expect(report.ranAt).toBe('2025-03-01T02:05:00.000Z');
    expect(report.results.map((r) => r.rule)).toEqual(AUDIT_RULE_KEYS);
    expect(report.results.every((r) => r.passed && !r.skipped)).toBe(true);
    expect(report).toMatchObject({ passed: true, flags: [] });
  });

  it('fails when any rule fails and gathers every flag', () => {
    const report = runAudit(order(), facts(), DEFAULT_AUDIT_SETTINGS, NOW);
    expect(report.passed).toBe(false);
    expect(report.flags.map((f) => f.code)).toEqual(['PAYMENT_UNCONFIRMED', 'AMOUNT_NEEDS_REVIEW']);
    const failed = report.results.filter((r) => !r.passed).map((r) => r.rule);
    expect(failed).toEqual(['payment_confirmed', 'amount_review']);
  });

  it('lists a disabled rule as skipped, without flags, and does not let it block', () => {
    const settings = resolveAuditSettings({ rules: { payment_confirmed: { enabled: false }, amount_review: { enabled: false } } });
    const report = runAudit(order(), facts(), settings, NOW);
    expect(report.results.find((r) => r.rule === 'amount_review')).toEqual({ rule: 'amount_review', passed: true, skipped: true, flags: [] });
    expect(report.results.filter((r) => r.skipped).map((r) => r.rule)).toEqual(['payment_confirmed', 'amount_review']);
    expect(report.passed).toBe(true);
  });

  it('applies changed parameters', () => {
    const report = runAudit(order({ payment: paid }), facts(), { rules: { amount_review: { enabled: true, params: { thresholdMinor: 1_000_000 } } } }, NOW);
    expect(report.passed).toBe(true);
  });

  it('falls back to defaults for rules and parameters the stored settings lack', () => {
    const report = runAudit(order({ payment: paid }), facts(), { rules: { amount_review: { enabled: true, params: {} } } }, NOW);
    expect(report.flags.map((f) => f.code)).toEqual(['AMOUNT_NEEDS_REVIEW']);
    expect(runAudit(order(), facts(), null, NOW).results).toHaveLength(AUDIT_RULE_KEYS.length);
  });
});

describe('audit settings', () => {
  it('turns every rule on with its default parameters and auto-approval off', () => {
    expect(DEFAULT_AUDIT_SETTINGS.autoApprove).toBe(false);
    expect(Object.keys(DEFAULT_AUDIT_SETTINGS.rules)).toEqual(AUDIT_RULE_KEYS);
    expect(Object.values(DEFAULT_AUDIT_SETTINGS.rules).every((r) => r.enabled)).toBe(true);
    expect(DEFAULT_AUDIT_SETTINGS.rules.amount_review.params).toEqual({ thresholdMinor: 500000 });
    expect(DEFAULT_AUDIT_SETTINGS.rules.duplicate_order.params).toEqual({ windowHours: 24 });
    expect(DEFAULT_AUDIT_SETTINGS.rules.purchase_limit.params).toEqual({ periodDays: 30 });
    expect(DEFAULT_AUDIT_SETTINGS.rules.payment_confirmed.params).toEqual({ exemptMethods: ['cash_on_delivery'] });
    expect(Object.isFrozen(DEFAULT_AUDIT_SETTINGS.rules.amount_review.params)).toBe(true);
    expect(validateAuditSettings(DEFAULT_AUDIT_SETTINGS)).toEqual([]);
  });

  it('tells the application which windows to look facts up in', () => {
    expect(auditLookups(null)).toEqual({ purchasePeriodDays: 30, duplicateWindowHours: 24 });
    expect(auditLookups({ rules: { duplicate_order: { enabled: true, params: { windowHours: 72 } } } }).duplicateWindowHours).toBe(72);
  });

  it('auto-approves only when the global switch is on and the channel has not turned it off', () => {
    expect(autoApproveFor({ autoApprove: true })).toBe(true);
    expect(autoApproveFor({ autoApprove: true }, null)).toBe(true);
    expect(autoApproveFor({ autoApprove: true }, false)).toBe(false);
    expect(autoApproveFor({ autoApprove: false }, true)).toBe(false);
    expect(autoApproveFor(DEFAULT_AUDIT_SETTINGS)).toBe(false);
  });
});

describe('validateAuditSettings', () => {
  const valid = { autoApprove: true, rules: { amount_review: { enabled: true, params: { thresholdMinor: 800000 } } } };
  const errorsOf = (input: unknown) => validateAuditSettings(input).map((e) => `${e.path} ${e.code}`);

  it('accepts settings naming only some rules, and rules without params', () => {
    expect(validateAuditSettings(valid)).toEqual([]);
    expect(validateAuditSettings({ autoApprove: false, rules: { phone_valid: { enabled: false } } })).toEqual([]);
    expect(validateAuditSettings({ autoApprove: false, rules: {} })).toEqual([]);
  });

  it('refuses something that is not an object, and missing top-level fields', () => {
    expect(errorsOf(null)).toEqual([' invalid_type']);
    expect(errorsOf([])).toEqual([' invalid_type']);
    expect(errorsOf({})).toEqual(['autoApprove required', 'rules required']);
  });

  it('refuses unknown rules, parameters and fields', () => {
    expect(
      errorsOf({
        autoApprove: true,
        colour: 'red',
        rules: {
          weather_check: { enabled: true },
          amount_review: { enabled: true, note: 'x', params: { thresholdMinor: 1, currency: 'CNY' } },
        },
      }),
    ).toEqual(['colour unknown_field', 'rules.weather_check unknown_rule', 'rules.amount_review.note unknown_field', 'rules.amount_review.params.currency unknown_param']);
  });

  it('refuses wrong types', () => {
    expect(
      errorsOf({
        autoApprove: 'yes',
        rules: {
          amount_review: { enabled: 1, params: { thresholdMinor: '500000' } },
          duplicate_order: { enabled: true, params: { windowHours: 1.5 } },
          purchase_limit: { enabled: true, params: [] },
          block_list: { enabled: true, params: { matchOn: 'phone' } },
          payment_confirmed: { enabled: true, params: { exemptMethods: ['cash_on_delivery', 3, ' '] } },
          phone_valid: true,
        },
      }),
    ).toEqual([
      'autoApprove invalid_type',
      'rules.amount_review.enabled invalid_type',
      'rules.amount_review.params.thresholdMinor invalid_type',
      'rules.duplicate_order.params.windowHours invalid_type',
      'rules.purchase_limit.params invalid_type',
      'rules.block_list.params.matchOn invalid_type',
      'rules.payment_confirmed.params.exemptMethods.1 invalid_type',
      'rules.payment_confirmed.params.exemptMethods.2 invalid_type',
      'rules.phone_valid invalid_type',
    ]);
    expect(errorsOf({ autoApprove: true, rules: { amount_review: { params: {} } } })).toEqual(['rules.amount_review.enabled required']);
    expect(errorsOf({ autoApprove: true, rules: { amount_review: { enabled: true, params: { thresholdMinor: Number.NaN } } } })).toEqual([
      'rules.amount_review.params.thresholdMinor invalid_type',
    ]);
  });

  it('refuses negative numbers and zero-length windows, with a readable message', () => {
    const errors = validateAuditSettings({
      autoApprove: true,
      rules: {
        amount_review: { enabled: true, params: { thresholdMinor: -1 } },
        duplicate_order: { enabled: true, params: { windowHours: 0 } },
        purchase_limit: { enabled: true, params: { periodDays: -30 } },
      },
    });
    expect(errors).toEqual([
      { path: 'rules.amount_review.params.thresholdMinor', code: 'too_small', message: 'rules.amount_review.params.thresholdMinor must be at least 0' },
      { path: 'rules.duplicate_order.params.windowHours', code: 'too_small', message: 'rules.duplicate_order.params.windowHours must be at least 1' },
      { path: 'rules.purchase_limit.params.periodDays', code: 'too_small', message: 'rules.purchase_limit.params.periodDays must be at least 1' },
    ]);
    expect(errorsOf({ autoApprove: true, rules: { amount_review: { enabled: true, params: { thresholdMinor: 0 } } } })).toEqual([]);
  });

  it('refuses block-list kinds that do not exist', () => {
    expect(errorsOf({ autoApprove: true, rules: { block_list: { enabled: true, params: { matchOn: ['phone', 'ip_address'] } } } })).toEqual([
      'rules.block_list.params.matchOn.1 not_allowed',
    ]);
  });
});

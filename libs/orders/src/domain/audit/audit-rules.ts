import type { OrderSnapshot } from '../order.types.js';
import { addressMatchKeys, addressProblems, normalizeForMatch } from './address.js';
import { defineRule, flag, formatMoney, quantitiesBySku } from './audit-rule.js';
import { BLOCK_LIST_KINDS, type AuditFacts, type AuditFlag, type BlockListEntry, type FlagItem, type SkuFacts } from './audit.types.js';
import { isValidPhone, normalizePhone } from './phone.js';

/**
 * The automatic order audit's rules, run on intake and whenever the order's data changes.
 * Each rule's key and flag codes are stable: settings, stored audit results and the admin's
 * translations (`errors.<FLAG_CODE>`) refer to them. Each rule raises at most one flag per
 * code, listing every offending SKU or match, because the order keeps one open flag per code.
 */

const list = (values: readonly string[]) => values.join(', ');

// Own keys only: a SKU may be spelled like an Object.prototype member ("constructor").
const skuFacts = (facts: AuditFacts, sku: string): SkuFacts | undefined => (Object.hasOwn(facts.skus, sku) ? facts.skus[sku] : undefined);
const bought = (facts: AuditFacts, sku: string): number => (Object.hasOwn(facts.purchasedInPeriod, sku) ? facts.purchasedInPeriod[sku] : 0);

export const addressComplete = defineRule({
  code: 'address_complete',
  flags: ['ADDRESS_INCOMPLETE'],
  description: 'The shipping address has a country, province, city and street, and a valid postcode if any.',
  enabled: true,
  params: {},
  evaluate(order) {
    const problems = addressProblems(order.shippingAddress);
    if (!problems.length) return [];
    return [
      flag('ADDRESS_INCOMPLETE', `Shipping address is incomplete: ${problems.map((p) => p.message).join('; ')}`, {
        fields: list(problems.map((p) => p.field)),
        items: problems.map((p) => ({ field: p.field, problem: p.problem })),
      }),
    ];
  },
});

export const deliveryArea = defineRule({
  code: 'delivery_area',
  flags: ['OUTSIDE_DELIVERY_AREA'],
  description: 'An active warehouse delivers to the shipping address.',
  enabled: true,
  params: {},
  evaluate(order, facts) {
    if (facts.servesAddress) return [];
    const { country = '', province = '', city = '' } = order.shippingAddress ?? {};
    const place = [province, city].filter((p) => p?.trim()).join(' ') || '(no province or city)';
    return [flag('OUTSIDE_DELIVERY_AREA', `No active warehouse delivers to ${place} (${country})`, { country, province, city })];
  },
});

export const phoneValid = defineRule({
  code: 'phone_valid',
  flags: ['PHONE_INVALID'],
  description: "The customer's phone is a valid number for the shipping country.",
  enabled: true,
  params: {},
  evaluate(order) {
    const phone = order.customer?.phone ?? '';
    const country = order.shippingAddress?.country ?? '';
    if (isValidPhone(country, phone)) return [];
    const message = phone.trim() ? `Phone "${phone}" is not a valid phone number for ${country || 'the country'}` : 'Phone is missing';
    return [flag('PHONE_INVALID', message, { phone, country })];
  },
});

export const skuActive = defineRule({
  code: 'sku_active',
  flags: ['UNKNOWN_SKU', 'INACTIVE_SKU'],
  description: 'Every SKU on the order is in the catalogue and active.',
  enabled: true,
  params: {},
  evaluate(order, facts) {
    const skus = [...quantitiesBySku(order).keys()];
    const unknown = skus.filter((sku) => !skuFacts(facts, sku)?.known);
    const inactive = skus.filter((sku) => skuFacts(facts, sku)?.known && !skuFacts(facts, sku)?.active);
    const flags: AuditFlag[] = [];
    if (unknown.length) {
      flags.push(flag('UNKNOWN_SKU', `SKUs not in the catalogue: ${list(unknown)}`, { skus: list(unknown), count: unknown.length }));
    }
    if (inactive.length) {
      flags.push(flag('INACTIVE_SKU', `SKUs no longer sold (inactive): ${list(inactive)}`, { skus: list(inactive), count: inactive.length }));
    }
    return flags;
  },
});

export const stockAvailable = defineRule({
  code: 'stock_available',
  flags: ['OUT_OF_STOCK'],
  description: 'Every SKU has enough available stock, counting all warehouses together.',
  enabled: true,
  params: {},
  evaluate(order, facts) {
    const short: FlagItem[] = [];
    for (const [sku, ordered] of quantitiesBySku(order)) {
      const available = Math.max(0, skuFacts(facts, sku)?.available ?? 0);
      if (available < ordered) short.push({ sku, ordered, available });
    }
    if (!short.length) return [];
    const details = short.map((s) => `${s.sku} (ordered ${s.ordered}, available ${s.available})`).join('; ');
    return [flag('OUT_OF_STOCK', `Not enough stock in any warehouse: ${details}`, { skus: list(short.map((s) => String(s.sku))), items: short })];
  },
});

export const paymentConfirmed = defineRule({
  code: 'payment_confirmed',
  flags: ['PAYMENT_UNCONFIRMED'],
  description: 'Payment by a method that does not settle at once (bank transfer...) is confirmed for the full total.',
  enabled: true,
  params: {
    exemptMethods: {
      type: 'string_list',
      default: ['cash_on_delivery'],
      description: 'Payment methods collected after shipping, which cannot be confirmed before approval.',
    },
  },
  evaluate(order, _facts, params) {
    const { payment, totalMinor, currency } = order;
    const exempt = params.exemptMethods.map((m) => m.toLowerCase());
    if (!payment || payment.instant || exempt.includes((payment.method ?? '').toLowerCase())) return [];
    if (payment.status === 'paid' && payment.paidAmountMinor >= totalMinor) return [];
    const paid = `paid ${formatMoney(payment.paidAmountMinor, currency)} of ${formatMoney(totalMinor, currency)}`;
    return [
      flag('PAYMENT_UNCONFIRMED', `Payment by ${payment.method} is not confirmed (status ${payment.status}, ${paid})`, {
        method: payment.method,
        status: payment.status,
        paidMinor: payment.paidAmountMinor,
        totalMinor,
        currency,
      }),
    ];
  },
});

export const purchaseLimit = defineRule({
  code: 'purchase_limit',
  flags: ['PURCHASE_LIMIT_EXCEEDED'],
  description: "No SKU goes over its per-customer purchase limit, counting the customer's other orders in the period.",
  enabled: true,
  params: {
    periodDays: { type: 'integer', default: 30, min: 1, description: 'Days of past orders counted towards the limit.' },
  },
  evaluate(order, facts, params) {
    const over: FlagItem[] = [];
    for (const [sku, ordered] of quantitiesBySku(order)) {
      const limit = skuFacts(facts, sku)?.purchaseLimit;
      if (limit === null || limit === undefined) continue;
      const alreadyBought = bought(facts, sku);
      if (alreadyBought + ordered > limit) over.push({ sku, ordered, alreadyBought, limit });
    }
    if (!over.length) return [];
    const period = `the last ${params.periodDays} days`;
    const details = over.map((o) => `${o.sku} (${o.ordered} on this order + ${o.alreadyBought} bought in ${period}, limit ${o.limit})`);
    return [
      flag('PURCHASE_LIMIT_EXCEEDED', `Purchase limit exceeded: ${details.join('; ')}`, {
        skus: list(over.map((o) => String(o.sku))),
        periodDays: params.periodDays,
        items: over,
      }),
    ];
  },
});

export const amountReview = defineRule({
  code: 'amount_review',
  flags: ['AMOUNT_NEEDS_REVIEW'],
  description: 'Orders whose total is over the threshold are reviewed by staff.',
  enabled: true,
  params: {
    thresholdMinor: {
      type: 'integer',
      default: 500000,
      min: 0,
      description: "Order total, in minor units of the order's currency, above which staff review the order.",
    },
  },
  evaluate(order, _facts, params) {
    const { totalMinor, currency } = order;
    if (totalMinor <= params.thresholdMinor) return [];
    const message = `Order total ${formatMoney(totalMinor, currency)} is over the review threshold ${formatMoney(params.thresholdMinor, currency)}`;
    return [flag('AMOUNT_NEEDS_REVIEW', message, { totalMinor, thresholdMinor: params.thresholdMinor, currency })];
  },
});

const sameText = (a: string | null | undefined, b: string | null | undefined) => {
  const norm = (v: string | null | undefined) => (v ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return norm(a) !== '' && norm(a) === norm(b);
};

function matchesEntry(order: OrderSnapshot, entry: BlockListEntry): boolean {
  switch (entry.kind) {
    case 'customer_name':
      return sameText(order.customer?.name, entry.value);
    case 'email':
      return sameText(order.customer?.email, entry.value);
    case 'phone': {
      const phone = normalizePhone(order.customer?.phone, order.shippingAddress?.country);
      return phone !== '' && phone === normalizePhone(entry.value);
    }
    case 'address': {
      const key = normalizeForMatch(entry.value);
      return key !== '' && addressMatchKeys(order.shippingAddress).includes(key);
    }
    default:
      return false;
  }
}

export const blockList = defineRule({
  code: 'block_list',
  flags: ['BLOCK_LISTED'],
  description: "The customer's name, phone, email or address is not on the block list.",
  enabled: true,
  params: {
    matchOn: {
      type: 'string_list',
      default: BLOCK_LIST_KINDS,
      allowed: BLOCK_LIST_KINDS,
      description: 'Which kinds of block-list entry are checked.',
    },
  },
  evaluate(order, facts, params) {
    const matched = facts.blockList.filter((entry) => params.matchOn.includes(entry.kind) && matchesEntry(order, entry));
    const unique = [...new Map(matched.map((e) => [`${e.kind}:${e.value}`, e])).values()];
    if (!unique.length) return [];
    const details = unique.map((e) => `${e.kind.replace('_', ' ')} "${e.value}"`).join('; ');
    return [
      flag('BLOCK_LISTED', `On the block list: ${details}`, {
        kinds: list([...new Set(unique.map((e) => e.kind))]),
        items: unique.map((e) => ({ kind: e.kind, value: e.value })),
      }),
    ];
  },
});

export const duplicateOrder = defineRule({
  code: 'duplicate_order',
  flags: ['SUSPECTED_DUPLICATE'],
  description: 'No other order by the same customer with the same items was placed within the window.',
  enabled: true,
  params: {
    windowHours: { type: 'integer', default: 24, min: 1, description: 'Hours either side of this order in which a similar order counts as a duplicate.' },
  },
  evaluate(order, facts, params) {
    const created = Date.parse(order.createdAt);
    const windowMs = params.windowHours * 3_600_000;
    // The application already looked within the window; this keeps a re-audit days later honest.
    const similar = facts.similarRecentOrders.filter((other) => {
      if (other.id === order.id) return false;
      const distance = Math.abs(Date.parse(other.createdAt) - created);
      return Number.isNaN(distance) || distance <= windowMs;
    });
    if (!similar.length) return [];
    const numbers = list(similar.map((o) => o.number));
    const message = `Same customer and items as order ${numbers}, placed within ${params.windowHours} h of this one`;
    return [
      flag('SUSPECTED_DUPLICATE', message, {
        orders: numbers,
        count: similar.length,
        windowHours: params.windowHours,
        items: similar.map((o) => ({ id: o.id, number: o.number, createdAt: o.createdAt })),
      }),
    ];
  },
});

/** Every rule, in the order they run and are shown. */
export const AUDIT_RULES = [
  addressComplete,
  deliveryArea,
  phoneValid,
  skuActive,
  stockAvailable,
  paymentConfirmed,
  purchaseLimit,
  amountReview,
  blockList,
  duplicateOrder,
] as const;

export type AuditRuleKey = (typeof AUDIT_RULES)[number]['code'];
export const AUDIT_RULE_KEYS = AUDIT_RULES.map((rule) => rule.code) as AuditRuleKey[];

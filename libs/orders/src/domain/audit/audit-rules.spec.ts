import type { OrderSnapshot } from '../order.types.js';
import type { AuditRule, RuleParams } from './audit-rule.js';
import {
  addressComplete,
  amountReview,
  AUDIT_RULES,
  blockList,
  deliveryArea,
  duplicateOrder,
  paymentConfirmed,
  phoneValid,
  purchaseLimit,
  skuActive,
  stockAvailable,
} from './audit-rules.js';
import { AUDIT_FLAG_CODES, type AuditFacts, type SkuFacts } from './audit.types.js';

const line = (sku: string, quantity: number) => ({
  id: `l-${sku}-${quantity}`,
  sku,
  name: sku,
  quantity,
  unitPriceMinor: 10000,
  discountMinor: 0,
  taxMinor: 0,
  totalMinor: 10000 * quantity,
});

function order(over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: 'o1',
    number: 'SO-1001',
    channelId: 'ch1',
    externalId: null,
    externalNumber: null,
    status: 'pending_review',
    currency: 'CNY',
    customer: { name: '张三', phone: '138 1234 5678', email: 'zhang.san@example.cn' },
    shippingAddress: { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 100 号', postcode: '310012' },
    lines: [line('TEA-01', 2)],
    payment: { method: 'alipay', instant: true, status: 'paid', paidAmountMinor: 20000, paidAt: '2025-03-01T02:00:00Z', reference: 'A1' },
    delivery: {},
    buyerRemark: null,
    sellerRemark: null,
    tags: [],
    priority: 0,
    flags: [],
    warehouseIds: [],
    parentId: null,
    subtotalMinor: 20000,
    shippingFeeMinor: 0,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 20000,
    createdAt: '2025-03-01T02:00:00.000Z',
    ...over,
  };
}

const sku = (over: Partial<SkuFacts> = {}): SkuFacts => ({ known: true, active: true, purchaseLimit: null, available: 100, ...over });

function facts(over: Partial<AuditFacts> = {}): AuditFacts {
  return {
    skus: { 'TEA-01': sku(), 'CUP-02': sku() },
    servesAddress: true,
    purchasedInPeriod: {},
    blockList: [],
    similarRecentOrders: [],
    ...over,
  };
}

const defaults = (rule: AuditRule): RuleParams => Object.fromEntries(Object.entries(rule.params).map(([k, s]) => [k, s.default]));
const run = (rule: AuditRule, o = order(), f = facts(), params: RuleParams = {}) => rule.check(o, f, { ...defaults(rule), ...params });

describe('the rule catalogue', () => {
  it('has unique rule keys and raises only known flag codes', () => {
    const codes = AUDIT_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of AUDIT_RULES) {
      expect(rule.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      for (const code of rule.flags) expect(AUDIT_FLAG_CODES).toContain(code);
    }
    expect(new Set(AUDIT_RULES.flatMap((r) => r.flags))).toEqual(new Set(AUDIT_FLAG_CODES));
  });

  it('passes a clean order on every rule, each result naming its rule', () => {
    for (const rule of AUDIT_RULES) expect(run(rule)).toEqual({ rule: rule.code, passed: true, flags: [] });
  });
});

describe('address_complete', () => {
  it('flags ADDRESS_INCOMPLETE naming the missing and invalid fields', () => {
    const r = run(addressComplete, order({ shippingAddress: { country: 'CN', province: '浙江省', city: ' ', line1: '100', postcode: '3100' } }));
    expect(r.passed).toBe(false);
    expect(r.flags).toEqual([
      {
        code: 'ADDRESS_INCOMPLETE',
        message: 'Shipping address is incomplete: city is missing; street address "100" has no street or place name; postcode "3100" must be 6 digits',
        params: {
          fields: 'city, line1, postcode',
          items: [
            { field: 'city', problem: 'missing' },
            { field: 'line1', problem: 'invalid' },
            { field: 'postcode', problem: 'invalid' },
          ],
        },
      },
    ]);
  });
});

describe('delivery_area', () => {
  it('flags OUTSIDE_DELIVERY_AREA when no active warehouse serves the address', () => {
    const r = run(deliveryArea, order({ shippingAddress: { country: 'CN', province: '西藏自治区', city: '阿里地区', line1: '狮泉河镇 1 号' } }), facts({ servesAddress: false }));
    expect(r.passed).toBe(false);
    expect(r.flags).toEqual([
      {
        code: 'OUTSIDE_DELIVERY_AREA',
        message: 'No active warehouse delivers to 西藏自治区 阿里地区 (CN)',
        params: { country: 'CN', province: '西藏自治区', city: '阿里地区' },
      },
    ]);
  });
});

describe('phone_valid', () => {
  it('flags PHONE_INVALID with the phone as typed and the country', () => {
    const r = run(phoneValid, order({ customer: { name: '张三', phone: '138 1234 567' } }));
    expect(r.flags).toEqual([
      { code: 'PHONE_INVALID', message: 'Phone "138 1234 567" is not a valid phone number for CN', params: { phone: '138 1234 567', country: 'CN' } },
    ]);
  });

  it('says a missing phone is missing', () => {
    expect(run(phoneValid, order({ customer: { name: '张三', phone: '' } })).flags[0].message).toBe('Phone is missing');
  });

  it('accepts a landline and a privacy number with extension', () => {
    expect(run(phoneValid, order({ customer: { name: '张三', phone: '0571-8888 8888' } })).passed).toBe(true);
    expect(run(phoneValid, order({ customer: { name: '张三', phone: '18412345678-8765' } })).passed).toBe(true);
  });
});

describe('sku_active', () => {
  it('flags UNKNOWN_SKU and INACTIVE_SKU once each, listing every SKU', () => {
    const o = order({ lines: [line('TEA-01', 1), line('GHOST-1', 1), line('OLD-1', 1), line('GHOST-2', 1), line('GHOST-1', 1)] });
    const r = run(skuActive, o, facts({ skus: { 'TEA-01': sku(), 'OLD-1': sku({ active: false }), 'GHOST-2': sku({ known: false, active: false }) } }));
    expect(r.passed).toBe(false);
    expect(r.flags).toEqual([
      { code: 'UNKNOWN_SKU', message: 'SKUs not in the catalogue: GHOST-1, GHOST-2', params: { skus: 'GHOST-1, GHOST-2', count: 2 } },
      { code: 'INACTIVE_SKU', message: 'SKUs no longer sold (inactive): OLD-1', params: { skus: 'OLD-1', count: 1 } },
    ]);
  });

  it('does not mistake a SKU spelled like an object member for a known one', () => {
    const r = run(skuActive, order({ lines: [line('constructor', 1), line('toString', 1)] }), facts({ skus: {} }));
    expect(r.flags.map((f) => f.params.skus)).toEqual(['constructor, toString']);
  });
});

describe('stock_available', () => {
  it('flags OUT_OF_STOCK with ordered and available per SKU, adding up lines of the same SKU', () => {
    const o = order({ lines: [line('TEA-01', 3), line('CUP-02', 1), line('TEA-01', 2)] });
    const r = run(stockAvailable, o, facts({ skus: { 'TEA-01': sku({ available: 4 }), 'CUP-02': sku({ available: 1 }) } }));
    expect(r.flags).toEqual([
      {
        code: 'OUT_OF_STOCK',
        message: 'Not enough stock in any warehouse: TEA-01 (ordered 5, available 4)',
        params: { skus: 'TEA-01', items: [{ sku: 'TEA-01', ordered: 5, available: 4 }] },
      },
    ]);
  });

  it('counts a SKU without facts as having nothing available', () => {
    const r = run(stockAvailable, order({ lines: [line('GHOST-1', 1)] }), facts({ skus: {} }));
    expect(r.flags[0].params.items).toEqual([{ sku: 'GHOST-1', ordered: 1, available: 0 }]);
  });
});

describe('payment_confirmed', () => {
  const bankTransfer = { method: 'bank_transfer', instant: false, status: 'pending' as const, paidAmountMinor: 0, paidAt: null, reference: null };

  it('flags PAYMENT_UNCONFIRMED for an unpaid bank transfer', () => {
    const r = run(paymentConfirmed, order({ payment: bankTransfer }));
    expect(r.flags).toEqual([
      {
        code: 'PAYMENT_UNCONFIRMED',
        message: 'Payment by bank_transfer is not confirmed (status pending, paid CN¥0.00 of CN¥200.00)',
        params: { method: 'bank_transfer', status: 'pending', paidMinor: 0, totalMinor: 20000, currency: 'CNY' },
      },
    ]);
  });

  it('flags a transfer marked paid for less than the total', () => {
    expect(run(paymentConfirmed, order({ payment: { ...bankTransfer, status: 'paid', paidAmountMinor: 15000 } })).passed).toBe(false);
  });

  it('passes a confirmed transfer, an instant method, and the exempt cash on delivery', () => {
    expect(run(paymentConfirmed, order({ payment: { ...bankTransfer, status: 'paid', paidAmountMinor: 20000 } })).passed).toBe(true);
    expect(run(paymentConfirmed, order({ payment: { ...bankTransfer, method: 'wechat_pay', instant: true } })).passed).toBe(true);
    expect(run(paymentConfirmed, order({ payment: { ...bankTransfer, method: 'cash_on_delivery' } })).passed).toBe(true);
  });

  it('checks cash on delivery too when it is no longer exempt', () => {
    const cod = order({ payment: { ...bankTransfer, method: 'cash_on_delivery' } });
    expect(run(paymentConfirmed, cod, facts(), { exemptMethods: [] }).flags[0].code).toBe('PAYMENT_UNCONFIRMED');
  });
});

describe('purchase_limit', () => {
  it('flags PURCHASE_LIMIT_EXCEEDED counting the period’s other orders', () => {
    const o = order({ lines: [line('TEA-01', 3), line('CUP-02', 5)] });
    const f = facts({
      skus: { 'TEA-01': sku({ purchaseLimit: 4 }), 'CUP-02': sku({ purchaseLimit: null }) },
      purchasedInPeriod: { 'TEA-01': 2, 'CUP-02': 50 },
    });
    const r = run(purchaseLimit, o, f);
    expect(r.flags).toEqual([
      {
        code: 'PURCHASE_LIMIT_EXCEEDED',
        message: 'Purchase limit exceeded: TEA-01 (3 on this order + 2 bought in the last 30 days, limit 4)',
        params: { skus: 'TEA-01', periodDays: 30, items: [{ sku: 'TEA-01', ordered: 3, alreadyBought: 2, limit: 4 }] },
      },
    ]);
  });

  it('passes at exactly the limit', () => {
    const f = facts({ skus: { 'TEA-01': sku({ purchaseLimit: 4 }) }, purchasedInPeriod: { 'TEA-01': 2 } });
    expect(run(purchaseLimit, order({ lines: [line('TEA-01', 2)] }), f).passed).toBe(true);
  });
});

describe('amount_review', () => {
  it('flags AMOUNT_NEEDS_REVIEW over the default ¥5,000', () => {
    const r = run(amountReview, order({ totalMinor: 500001 }));
    expect(r.flags).toEqual([
      {
        code: 'AMOUNT_NEEDS_REVIEW',
        message: 'Order total CN¥5,000.01 is over the review threshold CN¥5,000.00',
        params: { totalMinor: 500001, thresholdMinor: 500000, currency: 'CNY' },
      },
    ]);
  });

  it('passes at exactly the threshold and follows a changed one', () => {
    expect(run(amountReview, order({ totalMinor: 500000 })).passed).toBe(true);
    expect(run(amountReview, order({ totalMinor: 20000 }), facts(), { thresholdMinor: 19999 }).passed).toBe(false);
  });
});

describe('block_list', () => {
  it('matches names and emails case-insensitively, phones normalized, addresses without spaces or punctuation', () => {
    const f = facts({
      blockList: [
        { kind: 'customer_name', value: ' 张 三 ' },
        { kind: 'email', value: 'ZHANG.SAN@example.cn' },
        { kind: 'phone', value: '+86 138-1234-5678' },
        { kind: 'address', value: '浙江省杭州市，文三路100号' },
        { kind: 'phone', value: '13900000000' },
        { kind: 'address', value: '浙江省杭州市文三路200号' },
      ],
    });
    const r = run(blockList, order(), f);
    expect(r.flags).toEqual([
      {
        code: 'BLOCK_LISTED',
        message:
          'On the block list: customer name " 张 三 "; email "ZHANG.SAN@example.cn"; phone "+86 138-1234-5678"; address "浙江省杭州市，文三路100号"',
        params: {
          kinds: 'customer_name, email, phone, address',
          items: [
            { kind: 'customer_name', value: ' 张 三 ' },
            { kind: 'email', value: 'ZHANG.SAN@example.cn' },
            { kind: 'phone', value: '+86 138-1234-5678' },
            { kind: 'address', value: '浙江省杭州市，文三路100号' },
          ],
        },
      },
    ]);
  });

  it('matches an address typed with its district', () => {
    const r = run(blockList, order(), facts({ blockList: [{ kind: 'address', value: '浙江省 杭州市 西湖区 文三路 100 号' }] }));
    expect(r.flags[0].params.kinds).toBe('address');
  });

  it('checks only the kinds it is told to', () => {
    const f = facts({ blockList: [{ kind: 'customer_name', value: '张三' }] });
    expect(run(blockList, order(), f, { matchOn: ['phone', 'address'] }).passed).toBe(true);
  });

  it('never matches a blank entry or a blank order value', () => {
    const f = facts({ blockList: [{ kind: 'email', value: '' }, { kind: 'phone', value: ' ' }, { kind: 'address', value: '，' }] });
    expect(run(blockList, order({ customer: { name: '张三', phone: '' } }), f).passed).toBe(true);
  });
});

describe('duplicate_order', () => {
  const other = (number: string, createdAt: string) => ({ id: `id-${number}`, number, createdAt });

  it('flags SUSPECTED_DUPLICATE listing the similar orders within the window', () => {
    const f = facts({ similarRecentOrders: [other('SO-0998', '2025-02-28T10:00:00.000Z'), other('SO-0999', '2025-03-01T01:30:00.000Z')] });
    const r = run(duplicateOrder, order(), f);
    expect(r.flags).toEqual([
      {
        code: 'SUSPECTED_DUPLICATE',
        message: 'Same customer and items as order SO-0998, SO-0999, placed within 24 h of this one',
        params: {
          orders: 'SO-0998, SO-0999',
          count: 2,
          windowHours: 24,
          items: [
            { id: 'id-SO-0998', number: 'SO-0998', createdAt: '2025-02-28T10:00:00.000Z' },
            { id: 'id-SO-0999', number: 'SO-0999', createdAt: '2025-03-01T01:30:00.000Z' },
          ],
        },
      },
    ]);
  });

  it('ignores the order itself and orders outside the window of its creation', () => {
    const f = facts({ similarRecentOrders: [{ id: 'o1', number: 'SO-1001', createdAt: '2025-03-01T02:00:00.000Z' }, other('SO-0990', '2025-02-28T01:59:59.000Z')] });
    expect(run(duplicateOrder, order(), f).passed).toBe(true);
    expect(run(duplicateOrder, order(), f, { windowHours: 48 }).passed).toBe(false);
  });
});

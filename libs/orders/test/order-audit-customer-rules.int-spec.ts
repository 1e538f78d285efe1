import { adminToken, bearer } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, failedRules, newPhone, orderApi, orderBody, type OrderView, settingsApi } from './fixtures.js';

/**
 * The audit rules that weigh the order against the customer and the shop's settings (purchase
 * limits, the review threshold, the block list, duplicates), each on orders entered through
 * POST /api/orders: held with exactly that flag open, and passed once the rule is turned off.
 */
describe('audit rules on the customer and the settings', () => {
  let t: TestApp;
  let admin: string;
  let orders: ReturnType<typeof orderApi>;
  let settings: ReturnType<typeof settingsApi>;
  const token = () => admin;

  const expectHeldFor = (order: OrderView, flag: string, rule: string) => {
    expect(order.status).toBe('on_hold');
    expect(order.openFlags).toEqual([flag]);
    expect(order.flags.filter((f) => !f.resolvedAt).map((f) => f.code)).toEqual([flag]);
    expect(order.audit?.passed).toBe(false);
    expect(failedRules(order)).toEqual([rule]);
  };
  const expectClean = (order: OrderView) => {
    expect(order.status).toBe('pending_review');
    expect(order.openFlags).toEqual([]);
    expect(order.audit?.passed).toBe(true);
  };
  const expectSkipped = (order: OrderView, rule: string) => {
    expectClean(order);
    expect(order.audit?.results.find((r) => r.rule === rule)).toMatchObject({ passed: true, skipped: true });
  };
  const turnOff = (rule: string) => settings.changeAudit((a) => (a.rules[rule].enabled = false));
  const line = (sku: string, quantity: number, unitPriceMinor = 1000) => ({ lines: [{ sku, quantity, unitPriceMinor }] });

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    orders = orderApi(t, token);
    settings = settingsApi(t, token);
    const warehouse = (
      await t.http
        .post('/api/warehouses')
        .auth(admin, bearer)
        .send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS, regions: [{ country: 'CN', province: '浙江省' }] })
        .expect(201)
    ).body.id;
    for (const [sku, purchaseLimit] of [['CUS-OK', null], ['CUS-LIMITED', 2]] as const) {
      await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 1000, currency: 'CNY', purchaseLimit }).expect(201);
      await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: warehouse, type: 'receipt', quantity: 1000, reason: 'r' }).expect(201);
    }
  });
  afterEach(() => settings.reset());
  afterAll(() => t.close());

  describe('PURCHASE_LIMIT_EXCEEDED', () => {
    it("holds the order that takes a customer's purchases of a SKU over its limit, counting their earlier orders", async () => {
      const phone = newPhone();
      const customer = { name: '限购', phone };
      const first = await orders.create(orderBody('CUS-LIMITED', { customer, ...line('CUS-LIMITED', 2) }));
      expectClean(first);
      const second = await orders.create(orderBody('CUS-LIMITED', { customer, ...line('CUS-LIMITED', 1) }));
      expectHeldFor(second, 'PURCHASE_LIMIT_EXCEEDED', 'purchase_limit');
      expect(second.flags[0].message).toContain('CUS-LIMITED (1 on this order + 2 bought in the last 30 days, limit 2)');
      // Another customer buying as much is within the limit.
      expectClean(await orders.create(orderBody('CUS-LIMITED', line('CUS-LIMITED', 2))));
      // Over the limit on one order alone.
      expectHeldFor(await orders.create(orderBody('CUS-LIMITED', line('CUS-LIMITED', 3))), 'PURCHASE_LIMIT_EXCEEDED', 'purchase_limit');
    });

    it("counts the customer's earlier orders however their phone was spelt", async () => {
      await orders.create(orderBody('CUS-LIMITED', { customer: { name: '拼写', phone: '138 0013 9001' }, ...line('CUS-LIMITED', 2) }));
      const again = await orders.create(orderBody('CUS-LIMITED', { customer: { name: '拼写', phone: '+86 138-0013-9001' }, ...line('CUS-LIMITED', 1) }));
      expectHeldFor(again, 'PURCHASE_LIMIT_EXCEEDED', 'purchase_limit');
    });

    it('leaves cancelled orders out of the count, and raises nothing once the rule is off', async () => {
      const customer = { name: '限购二', phone: newPhone() };
      const first = await orders.create(orderBody('CUS-LIMITED', { customer, ...line('CUS-LIMITED', 2) }));
      await orders.act(first.id, 'cancel', { reason: '客户取消' }).expect(200);
      expectClean(await orders.create(orderBody('CUS-LIMITED', { customer, ...line('CUS-LIMITED', 1) })));
      await turnOff('purchase_limit');
      expectSkipped(await orders.create(orderBody('CUS-LIMITED', { customer, ...line('CUS-LIMITED', 5) })), 'purchase_limit');
    });
  });

  describe('AMOUNT_NEEDS_REVIEW', () => {
    it('holds an order over the default threshold of ¥5,000', async () => {
      expectClean(await orders.create(orderBody('CUS-OK', line('CUS-OK', 1, 500000))));
      const over = await orders.create(orderBody('CUS-OK', line('CUS-OK', 1, 500001)));
      expectHeldFor(over, 'AMOUNT_NEEDS_REVIEW', 'amount_review');
    });

    it('holds an order over the threshold set in the settings, not one at it, and none once the rule is off', async () => {
      await settings.changeAudit((a) => (a.rules.amount_review.params.thresholdMinor = 10000));
      expectClean(await orders.create(orderBody('CUS-OK', line('CUS-OK', 1, 10000))));
      const over = await orders.create(orderBody('CUS-OK', line('CUS-OK', 1, 10001)));
      expectHeldFor(over, 'AMOUNT_NEEDS_REVIEW', 'amount_review');
      expect(over.flags[0].message).toMatch(/over the review threshold/);
      await turnOff('amount_review');
      expectSkipped(await orders.create(orderBody('CUS-OK', line('CUS-OK', 1, 10001))), 'amount_review');
    });
  });

  describe('BLOCK_LISTED', () => {
    // A new customer each time (so that no order is a duplicate of another), but for the blocked phone.
    const blocked = () => ({
      name: { customer: { name: '黑 名单', phone: newPhone() } },
      phone: { customer: { name: '号码', phone: '+86 136-0000-0666' } },
      email: { customer: { name: '邮箱', phone: newPhone(), email: 'blocked@example.com' } },
      address: { shippingAddress: { ...ADDRESS, line1: '文三路 666 号' } },
    });

    it('holds an order whose customer name, phone, email or address is on the block list, however it is spelt', async () => {
      await settings.setBlockList([
        { kind: 'customer_name', value: '黑名单' },
        { kind: 'phone', value: '13600000666' },
        { kind: 'email', value: 'Blocked@Example.COM' },
        { kind: 'address', value: '浙江省 杭州市 西湖区 文三路666号' },
      ]);
      for (const over of Object.values(blocked())) {
        expectHeldFor(await orders.create(orderBody('CUS-OK', over)), 'BLOCK_LISTED', 'block_list');
      }
      expectClean(await orders.create(orderBody('CUS-OK')));
    });

    it('checks only the kinds of entry the rule matches on, and nothing once the rule is off', async () => {
      await settings.setBlockList([
        { kind: 'customer_name', value: '黑名单' },
        { kind: 'phone', value: '13600000666' },
      ]);
      await settings.changeAudit((a) => (a.rules.block_list.params.matchOn = ['phone']));
      expectClean(await orders.create(orderBody('CUS-OK', blocked().name)));
      expectHeldFor(await orders.create(orderBody('CUS-OK', { ...blocked().phone, ...line('CUS-OK', 3) })), 'BLOCK_LISTED', 'block_list');
      await turnOff('block_list');
      expectSkipped(await orders.create(orderBody('CUS-OK', { customer: { name: '号码', phone: '13600000666' }, ...line('CUS-OK', 2) })), 'block_list');
    });
  });

  describe('SUSPECTED_DUPLICATE', () => {
    it('holds the second order of the same customer and items, naming the first', async () => {
      const customer = { name: '重复', phone: newPhone() };
      const first = await orders.create(orderBody('CUS-OK', { customer, ...line('CUS-OK', 2) }));
      expectClean(first);
      const second = await orders.create(orderBody('CUS-OK', { customer, ...line('CUS-OK', 2) }));
      expectHeldFor(second, 'SUSPECTED_DUPLICATE', 'duplicate_order');
      expect(second.flags[0].message).toContain(first.number);
      // Other items, or the same items for someone else, are no duplicate.
      expectClean(await orders.create(orderBody('CUS-OK', { customer, ...line('CUS-OK', 3) })));
      expectClean(await orders.create(orderBody('CUS-OK', line('CUS-OK', 2))));
    });

    it('knows the customer however their phone was spelt', async () => {
      const first = await orders.create(orderBody('CUS-OK', { customer: { name: '拼写', phone: '138-0013-9002' } }));
      const second = await orders.create(orderBody('CUS-OK', { customer: { name: '拼写', phone: '0086 13800139002' } }));
      expectHeldFor(second, 'SUSPECTED_DUPLICATE', 'duplicate_order');
      expect(second.flags[0].message).toContain(first.number);
    });

    it('does not count a cancelled order, and raises nothing once the rule is off', async () => {
      const customer = { name: '重复二', phone: newPhone() };
      const first = await orders.create(orderBody('CUS-OK', { customer }));
      await orders.act(first.id, 'cancel', { reason: '重下' }).expect(200);
      const again = await orders.create(orderBody('CUS-OK', { customer }));
      expectClean(again);
      await turnOff('duplicate_order');
      expectSkipped(await orders.create(orderBody('CUS-OK', { customer })), 'duplicate_order');
    });
  });
});

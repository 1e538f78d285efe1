import { adminToken, bearer } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, failedRules, orderApi, orderBody, type OrderView, settingsApi } from './fixtures.js';

/**
 * The audit rules that look at the order's own data (address, delivery area, phone, SKUs, stock,
 * payment), each on an order entered through POST /api/orders: the order is held with exactly
 * that rule's flag open, and with the rule turned off in the settings the same order passes.
 */
describe('audit rules on the order data', () => {
  let t: TestApp;
  let admin: string;
  const token = () => admin;
  let orders: ReturnType<typeof orderApi>;
  let settings: ReturnType<typeof settingsApi>;

  /** Held, with this one flag open, and this one rule failed in the order's audit. */
  const expectHeldFor = (order: OrderView, flag: string, rule: string) => {
    expect(order.status).toBe('on_hold');
    expect(order.openFlags).toEqual([flag]);
    expect(order.flags.filter((f) => !f.resolvedAt).map((f) => f.code)).toEqual([flag]);
    expect(order.audit?.passed).toBe(false);
    expect(failedRules(order)).toEqual([rule]);
    expect(order.audit?.results.find((r) => r.rule === rule)?.flags.map((f) => f.code)).toEqual([flag]);
  };
  /** In review with nothing open; the rule turned off shows as skipped. */
  const expectPassedWithout = (order: OrderView, rule: string) => {
    expect(order.status).toBe('pending_review');
    expect(order.openFlags).toEqual([]);
    expect(order.audit?.passed).toBe(true);
    expect(order.audit?.results.find((r) => r.rule === rule)).toMatchObject({ passed: true, skipped: true });
  };
  const turnOff = (...rules: string[]) => settings.changeAudit((a) => rules.forEach((r) => (a.rules[r].enabled = false)));

  beforeAll(async () => {
    t = await bootTestApp();
    orders = orderApi(t, token);
    settings = settingsApi(t, token);
    admin = await adminToken(t);
    const warehouse = (
      await t.http
        .post('/api/warehouses')
        .auth(admin, bearer)
        .send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS, regions: [{ country: 'CN', province: '浙江省' }] })
        .expect(201)
    ).body.id;
    for (const [sku, stock] of [['AUD-OK', 1000], ['AUD-EMPTY', 0], ['AUD-RETIRED', 1000]] as const) {
      await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 1000, currency: 'CNY' }).expect(201);
      if (stock) {
        await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: warehouse, type: 'receipt', quantity: stock, reason: 'r' }).expect(201);
      }
    }
  });
  afterEach(() => settings.reset());
  afterAll(() => t.close());

  it('passes an order that breaks no rule, and holds nothing', async () => {
    const order = await orders.create(orderBody('AUD-OK'));
    expect(order).toMatchObject({ status: 'pending_review', openFlags: [], flags: [] });
    expect(order.audit?.passed).toBe(true);
    expect(order.audit?.results.map((r) => r.rule)).toEqual([
      'address_complete',
      'delivery_area',
      'phone_valid',
      'sku_active',
      'stock_available',
      'payment_confirmed',
      'purchase_limit',
      'amount_review',
      'block_list',
      'duplicate_order',
    ]);
  });

  it('holds an order without a street address (ADDRESS_INCOMPLETE), and not once the rule is off', async () => {
    const body = () => orderBody('AUD-OK', { shippingAddress: { ...ADDRESS, line1: '' } });
    const held = await orders.create(body());
    expectHeldFor(held, 'ADDRESS_INCOMPLETE', 'address_complete');
    expect(held.flags[0].message).toMatch(/street address is missing/);
    const badPostcode = await orders.create(orderBody('AUD-OK', { shippingAddress: { ...ADDRESS, postcode: '3100' } }));
    expectHeldFor(badPostcode, 'ADDRESS_INCOMPLETE', 'address_complete');
    await turnOff('address_complete');
    expectPassedWithout(await orders.create(body()), 'address_complete');
  });

  it('holds an order to a province no active warehouse serves (OUTSIDE_DELIVERY_AREA), and not once the rule is off', async () => {
    const body = () => orderBody('AUD-OK', { shippingAddress: { ...ADDRESS, province: '广东省', city: '广州市', postcode: '510000' } });
    const held = await orders.create(body());
    expectHeldFor(held, 'OUTSIDE_DELIVERY_AREA', 'delivery_area');
    expect(held.flags[0].message).toContain('广东省');
    await turnOff('delivery_area');
    expectPassedWithout(await orders.create(body()), 'delivery_area');
  });

  it('holds an order whose phone is no number of the country (PHONE_INVALID), and not once the rule is off', async () => {
    let n = 0;
    const body = () => orderBody('AUD-OK', { customer: { name: '号码错', phone: `12${++n}45` } });
    const held = await orders.create(body());
    expectHeldFor(held, 'PHONE_INVALID', 'phone_valid');
    await turnOff('phone_valid');
    expectPassedWithout(await orders.create(body()), 'phone_valid');
  });

  it('holds an order of a SKU the catalogue does not know (UNKNOWN_SKU), and not once the rule is off', async () => {
    // Unknown, it has no stock either: the stock rule is off here so that only the SKU rule speaks.
    await turnOff('stock_available');
    const body = () => orderBody('AUD-GHOST');
    const held = await orders.create(body());
    expectHeldFor(held, 'UNKNOWN_SKU', 'sku_active');
    expect(held.flags[0].message).toContain('AUD-GHOST');
    await turnOff('sku_active');
    expectPassedWithout(await orders.create(body()), 'sku_active');
  });

  it('holds an order of a product taken off sale (INACTIVE_SKU), and not once the rule is off', async () => {
    const before = await orders.create(orderBody('AUD-RETIRED'));
    expect(before.openFlags).toEqual([]);
    const [product] = (await t.http.get('/api/products').query({ filter: JSON.stringify({ q: 'AUD-RETIRED' }) }).auth(admin, bearer).expect(200)).body;
    await t.http.put(`/api/products/${product.id}`).auth(admin, bearer).send({ active: false }).expect(200);
    const held = await orders.create(orderBody('AUD-RETIRED'));
    expectHeldFor(held, 'INACTIVE_SKU', 'sku_active');
    expect(held.flags[0].message).toContain('AUD-RETIRED');
    await turnOff('sku_active');
    expectPassedWithout(await orders.create(orderBody('AUD-RETIRED')), 'sku_active');
  });

  it('holds an order of more than any warehouse has (OUT_OF_STOCK), and not once the rule is off', async () => {
    const empty = await orders.create(orderBody('AUD-EMPTY'));
    expectHeldFor(empty, 'OUT_OF_STOCK', 'stock_available');
    const tooMany = await orders.create(orderBody('AUD-OK', { lines: [{ sku: 'AUD-OK', quantity: 1001, unitPriceMinor: 1 }] }));
    expectHeldFor(tooMany, 'OUT_OF_STOCK', 'stock_available');
    expect(tooMany.flags[0].message).toContain('ordered 1001, available 1000');
    await turnOff('stock_available');
    expectPassedWithout(await orders.create(orderBody('AUD-EMPTY')), 'stock_available');
  });

  it('holds a bank transfer not yet received (PAYMENT_UNCONFIRMED), never cash on delivery, and not once the rule is off', async () => {
    const body = () => orderBody('AUD-OK', { payment: { method: 'bank_transfer', status: 'pending' } });
    const held = await orders.create(body());
    expectHeldFor(held, 'PAYMENT_UNCONFIRMED', 'payment_confirmed');
    expect(held.flags[0].message).toContain('bank_transfer');
    const cod = await orders.create(orderBody('AUD-OK', { payment: { method: 'cash_on_delivery', status: 'pending' } }));
    expect(cod).toMatchObject({ status: 'pending_review', openFlags: [] });
    await turnOff('payment_confirmed');
    expectPassedWithout(await orders.create(body()), 'payment_confirmed');
  });

  it('raises every failing rule at once, and only the rules still on', async () => {
    let n = 0;
    const body = () =>
      orderBody('AUD-EMPTY', { customer: { name: '多项', phone: `99${++n}` }, shippingAddress: { ...ADDRESS, province: '广东省', line1: '' } });
    const held = await orders.create(body());
    expect(held.status).toBe('on_hold');
    expect([...held.openFlags].sort()).toEqual(['ADDRESS_INCOMPLETE', 'OUTSIDE_DELIVERY_AREA', 'OUT_OF_STOCK', 'PHONE_INVALID']);
    expect(failedRules(held)).toEqual(['address_complete', 'delivery_area', 'phone_valid', 'stock_available']);
    await turnOff('address_complete', 'phone_valid');
    const fewer = await orders.create(body());
    expect([...fewer.openFlags].sort()).toEqual(['OUTSIDE_DELIVERY_AREA', 'OUT_OF_STOCK']);
  });
});

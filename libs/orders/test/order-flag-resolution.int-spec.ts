import { adminToken, bearer, createUser, type CreatedUser } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, orderApi, orderBody, type OrderFlagView, type OrderView } from './fixtures.js';

/**
 * How an audit flag is resolved, over HTTP: by fixing the data (the next audit no longer raises
 * it), by approving anyway with a reason, by rejecting, or by cancelling. Each flag records when,
 * by whom and how.
 */
describe('resolving audit flags', () => {
  let t: TestApp;
  let admin: string;
  let operator: CreatedUser;
  let warehouse: string;
  let orders: ReturnType<typeof orderApi>;

  const flag = (order: OrderView, code: string) => {
    const found = order.flags.find((f) => f.code === code);
    if (!found) throw new Error(`${order.number} has no flag ${code}: ${JSON.stringify(order.flags)}`);
    return found;
  };
  /** Resolved this way, by the operator, during the request that started at `since`. */
  const expectResolved = (f: OrderFlagView, resolution: string, since: number) => {
    expect(f).toMatchObject({ resolution, resolvedBy: operator.id });
    expect(Date.parse(f.resolvedAt!)).toBeGreaterThanOrEqual(since - 1000);
    expect(Date.parse(f.resolvedAt!)).toBeLessThanOrEqual(Date.now() + 1000);
  };
  const held = async (over: Record<string, unknown>, sku = 'RES-OK') => {
    const order = await orders.create(orderBody(sku, over));
    expect(order.status).toBe('on_hold');
    return order;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    orders = orderApi(t, () => operator.token);
    operator = await createUser(t, { roleKeys: ['order_operator'] });
    warehouse = (
      await t.http
        .post('/api/warehouses')
        .auth(admin, bearer)
        .send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS, regions: [{ country: 'CN', province: '浙江省' }] })
        .expect(201)
    ).body.id;
    for (const sku of ['RES-OK', 'RES-LATE']) {
      await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 1000, currency: 'CNY' }).expect(201);
    }
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'RES-OK', warehouseId: warehouse, type: 'receipt', quantity: 100, reason: 'r' }).expect(201);
  });
  afterAll(() => t.close());

  describe('by fixing the data', () => {
    it('clears PAYMENT_UNCONFIRMED when the payment is confirmed, and audits the order again', async () => {
      const order = await held({ payment: { method: 'bank_transfer', status: 'pending' } });
      expect(order.openFlags).toEqual(['PAYMENT_UNCONFIRMED']);
      const since = Date.now();
      const paid = (await orders.act(order.id, 'confirm-payment', { reference: 'BANK-0001' }).expect(200)).body as OrderView;
      expect(paid).toMatchObject({ status: 'pending_review', openFlags: [], payment: { status: 'paid', reference: 'BANK-0001' } });
      expectResolved(flag(paid, 'PAYMENT_UNCONFIRMED'), 'fixed', since);
      expect(paid.audit).toMatchObject({ passed: true });
      expect(paid.audit?.results.find((r) => r.rule === 'payment_confirmed')).toMatchObject({ passed: true });
      const steps = (await orders.timeline(order.id)).map((e) => [e.type, e.fromStatus, e.toStatus]);
      expect(steps.slice(-2)).toEqual([
        ['orders.order-payment-confirmed', 'on_hold', 'pending_review'],
        ['orders.order-audited', 'pending_review', 'pending_review'],
      ]);
      await orders.act(order.id, 'approve').expect(200);
    });

    it('holds a paid order again when another rule still fails, with only that flag open', async () => {
      const order = await held({ payment: { method: 'bank_transfer', status: 'pending' }, shippingAddress: { ...ADDRESS, line1: '' } });
      expect([...order.openFlags].sort()).toEqual(['ADDRESS_INCOMPLETE', 'PAYMENT_UNCONFIRMED']);
      const paid = (await orders.act(order.id, 'confirm-payment', {}).expect(200)).body as OrderView;
      expect(paid).toMatchObject({ status: 'on_hold', openFlags: ['ADDRESS_INCOMPLETE'] });
      expect(flag(paid, 'PAYMENT_UNCONFIRMED').resolution).toBe('fixed');
      expect(flag(paid, 'ADDRESS_INCOMPLETE').resolvedAt).toBeNull();
    });

    it('resolves ADDRESS_INCOMPLETE once the address is completed, and the order is approved without a reason', async () => {
      const order = await held({ shippingAddress: { ...ADDRESS, line1: '' } });
      expect(order.openFlags).toEqual(['ADDRESS_INCOMPLETE']);
      const stillBad = (await orders.act(order.id, 'update-address', { shippingAddress: { ...ADDRESS, city: '' } }).expect(200)).body as OrderView;
      expect(stillBad).toMatchObject({ status: 'on_hold', openFlags: ['ADDRESS_INCOMPLETE'] });
      // Still open, the flag says what is wrong now.
      expect(stillBad.flags).toEqual([expect.objectContaining({ code: 'ADDRESS_INCOMPLETE', raisedAt: order.flags[0].raisedAt, resolvedAt: null })]);
      expect(stillBad.flags[0].message).toBe('Shipping address is incomplete: city is missing');
      const since = Date.now();
      const fixed = (await orders.act(order.id, 'update-address', { shippingAddress: ADDRESS }).expect(200)).body as OrderView;
      expect(fixed.openFlags).toEqual([]);
      expect(fixed.flags).toHaveLength(1);
      expectResolved(flag(fixed, 'ADDRESS_INCOMPLETE'), 'fixed', since);
      // Fixed while on hold: released, it is audited again and approved without "anyway".
      await orders.act(order.id, 'release').expect(200);
      const approved = (await orders.act(order.id, 'approve').expect(200)).body as OrderView;
      expect(approved.status).toBe('approved');
      const approval = (await orders.timeline(order.id)).find((e) => e.type === 'orders.order-approved');
      expect(approval?.details).toMatchObject({ approvedAnyway: false });
    });

    it('resolves OUT_OF_STOCK when the order is released after stock arrived', async () => {
      const order = await held({}, 'RES-LATE');
      expect(order.openFlags).toEqual(['OUT_OF_STOCK']);
      await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'RES-LATE', warehouseId: warehouse, type: 'receipt', quantity: 5, reason: 'r' }).expect(201);
      const since = Date.now();
      const released = (await orders.act(order.id, 'release').expect(200)).body as OrderView;
      expect(released).toMatchObject({ status: 'pending_review', openFlags: [] });
      expectResolved(flag(released, 'OUT_OF_STOCK'), 'fixed', since);
    });

    it('keeps a resolved flag as it was when the order is audited again', async () => {
      const order = await held({ shippingAddress: { ...ADDRESS, line1: '' } });
      const fixed = (await orders.act(order.id, 'update-address', { shippingAddress: ADDRESS }).expect(200)).body as OrderView;
      const resolved = flag(fixed, 'ADDRESS_INCOMPLETE');
      await orders.act(order.id, 'release').expect(200);
      const again = (await orders.act(order.id, 'update-address', { shippingAddress: { ...ADDRESS, line1: '文三路 2 号' } }).expect(200)).body as OrderView;
      expect(again.flags).toEqual([resolved]);
    });
  });

  describe('by a decision', () => {
    it('approves anyway only with a reason, resolving every open flag as approved anyway', async () => {
      const order = await held({ shippingAddress: { ...ADDRESS, line1: '' }, customer: { name: '两项', phone: '12345' } });
      expect([...order.openFlags].sort()).toEqual(['ADDRESS_INCOMPLETE', 'PHONE_INVALID']);
      const refused = await orders.act(order.id, 'approve', {}).expect(409);
      expect(refused.body).toMatchObject({ code: 'orders.unresolved_flags' });
      expect([...refused.body.details.flags].sort()).toEqual(['ADDRESS_INCOMPLETE', 'PHONE_INVALID']);
      await orders.act(order.id, 'approve', { reason: '   ' }).expect(409);
      expect((await orders.get(order.id)).status).toBe('on_hold');
      const since = Date.now();
      const approved = (await orders.act(order.id, 'approve', { reason: '客户电话确认地址' }).expect(200)).body as OrderView;
      expect(approved).toMatchObject({ status: 'approved', openFlags: [] });
      for (const code of ['ADDRESS_INCOMPLETE', 'PHONE_INVALID']) expectResolved(flag(approved, code), 'approved_anyway', since);
      const approval = (await orders.timeline(order.id)).find((e) => e.type === 'orders.order-approved');
      expect(approval).toMatchObject({ actorKind: 'user', actorId: operator.id, details: { reason: '客户电话确认地址', approvedAnyway: true } });
    });

    it('resolves the open flags as rejected when the order is rejected', async () => {
      const order = await held({ customer: { name: '驳回', phone: '12346' } });
      expect(order.openFlags).toEqual(['PHONE_INVALID']);
      const since = Date.now();
      const rejected = (await orders.act(order.id, 'reject', { reason: '疑似欺诈' }).expect(200)).body as OrderView;
      expect(rejected).toMatchObject({ status: 'rejected', openFlags: [] });
      expectResolved(flag(rejected, 'PHONE_INVALID'), 'rejected', since);
    });

    it('resolves the open flags as cancelled when the order is cancelled, its own hold included', async () => {
      const order = await held({ customer: { name: '取消', phone: '12347' } });
      await orders.act(order.id, 'hold', { reason: '再核对' }).expect(409); // already on hold
      const since = Date.now();
      const cancelled = (await orders.act(order.id, 'cancel', { reason: '客户取消' }).expect(200)).body as OrderView;
      expect(cancelled).toMatchObject({ status: 'cancelled', openFlags: [] });
      expectResolved(flag(cancelled, 'PHONE_INVALID'), 'cancelled', since);

      const heldByHand = await orders.create(orderBody('RES-OK'));
      await orders.act(heldByHand.id, 'hold', { reason: '等客户回电' }).expect(200);
      const gone = (await orders.act(heldByHand.id, 'cancel', { reason: '客户取消' }).expect(200)).body as OrderView;
      expectResolved(flag(gone, 'HELD'), 'cancelled', since);
    });
  });
});

import { adminToken, auditEntries, bearer, createUser, type CreatedUser } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, newPhone, orderApi, orderBody, type OrderView } from './fixtures.js';

/**
 * A Viewer reads orders and changes nothing: every order command answers 403 access.forbidden
 * naming the action, is written to the audit log as refused, and leaves the order (its status,
 * its data, its timeline) as it was, though each order is in a status where the command works.
 */
describe('order commands refused to a viewer', () => {
  let t: TestApp;
  let admin: string;
  let viewer: CreatedUser;
  let operator: CreatedUser;
  let warehouse: string;
  let orders: ReturnType<typeof orderApi>;
  const o: Record<'payment' | 'review' | 'sameCustomer' | 'held' | 'approved' | 'allocated' | 'cancelRequested', OrderView> = {} as never;

  /** Everything the order page shows of an order, and its timeline. */
  const state = async (id: string) => ({ order: await orders.get(id), timeline: await orders.timeline(id) });

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    orders = orderApi(t, () => admin);
    viewer = await createUser(t, { roleKeys: ['viewer'] });
    operator = await createUser(t, { roleKeys: ['order_operator'] });
    warehouse = (
      await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)
    ).body.id;
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'VIEW-1', name: '商品', priceMinor: 1000, currency: 'CNY' }).expect(201);
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'VIEW-1', warehouseId: warehouse, type: 'receipt', quantity: 100, reason: 'r' }).expect(201);

    const customer = { name: '同一客户', phone: newPhone() };
    o.payment = await orders.create(orderBody('VIEW-1', { payment: { method: 'wechat_pay', status: 'pending' } }));
    o.review = await orders.create(orderBody('VIEW-1', { customer, lines: [{ sku: 'VIEW-1', quantity: 2, unitPriceMinor: 1000 }] }));
    o.sameCustomer = await orders.create(orderBody('VIEW-1', { customer, lines: [{ sku: 'VIEW-1', quantity: 3, unitPriceMinor: 1000 }] }));
    o.held = await orders.create(orderBody('VIEW-1'));
    await orders.act(o.held.id, 'hold', { reason: '核对' }).expect(200);
    o.approved = await orders.create(orderBody('VIEW-1'));
    await orders.act(o.approved.id, 'approve').expect(200);
    o.allocated = await orders.create(orderBody('VIEW-1'));
    await orders.act(o.allocated.id, 'approve').expect(200);
    await orders.act(o.allocated.id, 'allocate', { warehouseId: warehouse }).expect(200);
    o.cancelRequested = await orders.create(orderBody('VIEW-1'));
    await orders.act(o.cancelRequested.id, 'approve').expect(200);
    await orders.act(o.cancelRequested.id, 'allocate', { warehouseId: warehouse }).expect(200);
    await orders.act(o.cancelRequested.id, 'start-fulfillment').expect(200);
    await orders.act(o.cancelRequested.id, 'cancel', { reason: '客户取消' }).expect(200);
    const statuses = Object.fromEntries(await Promise.all(Object.entries(o).map(async ([k, v]) => [k, (await orders.get(v.id)).status])));
    expect(statuses).toEqual({
      payment: 'pending_payment',
      review: 'pending_review',
      sameCustomer: 'pending_review',
      held: 'on_hold',
      approved: 'approved',
      allocated: 'allocated',
      cancelRequested: 'in_fulfillment',
    });
  });
  afterAll(() => t.close());

  it('refuses every order command with 403 access.forbidden naming the action, and changes nothing', async () => {
    const commands: [string, keyof typeof o, object, string][] = [
      ['confirm-payment', 'payment', { reference: 'WX-1' }, 'update'],
      ['approve', 'review', { reason: '可以' }, 'approve'],
      ['reject', 'review', { reason: '不要' }, 'reject'],
      ['hold', 'review', { reason: '等等' }, 'hold'],
      ['release', 'held', {}, 'hold'],
      ['cancel', 'review', { reason: '取消' }, 'cancel'],
      ['update-address', 'review', { shippingAddress: { ...ADDRESS, line1: '文三路 9 号' } }, 'update'],
      ['update-lines', 'review', { lines: [{ sku: 'VIEW-1', quantity: 1, unitPriceMinor: 2000 }] }, 'update'],
      ['split', 'review', { parts: [{ lines: [{ lineId: '1', quantity: 1 }] }] }, 'update'],
      ['merge', 'review', { orderIds: [o.sameCustomer.id] }, 'update'],
      ['allocate', 'approved', { warehouseId: warehouse }, 'allocate'],
      ['add-remark', 'review', { remark: '备注' }, 'update'],
      ['tags', 'review', { tags: ['vip'] }, 'update'],
      ['start-fulfillment', 'allocated', {}, 'update'],
      ['confirm-cancel', 'cancelRequested', {}, 'cancel'],
      ['refuse-cancel', 'cancelRequested', { reason: '已发出' }, 'cancel'],
    ];
    const before = await Promise.all(Object.values(o).map((order) => state(order.id)));
    for (const [command, which, payload, action] of commands) {
      const res = await orders.act(o[which].id, command, payload, viewer.token);
      expect({ command, status: res.status, code: res.body.code }).toEqual({ command, status: 403, code: 'access.forbidden' });
      expect(res.body.details).toMatchObject({ action, subject: 'Order' });
    }
    for (const action of ['approve', 'hold', 'cancel']) {
      const res = await t.http.post(`/api/orders/bulk/${action}`).auth(viewer.token, bearer).send({ ids: [o.review.id, o.held.id], reason: '批量' });
      expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status: 403, code: 'access.forbidden' });
      expect(res.body.details).toMatchObject({ action, subject: 'Order' });
    }
    expect(await Promise.all(Object.values(o).map((order) => state(order.id)))).toEqual(before);
    const refusals = await auditEntries(t, { actorId: viewer.id, action: 'access.denied' });
    expect(refusals).toHaveLength(commands.length + 3);
    expect(refusals.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it('lets the viewer read what they may not change', async () => {
    for (const order of Object.values(o)) {
      await t.http.get(`/api/orders/${order.id}`).auth(viewer.token, bearer).expect(200);
      await t.http.get(`/api/orders/${order.id}/timeline`).auth(viewer.token, bearer).expect(200);
    }
    const listed = (await t.http.get('/api/orders').auth(viewer.token, bearer).expect(200)).body as { id: string }[];
    expect(listed.map((l) => l.id).sort()).toEqual(Object.values(o).map((x) => x.id).sort());
  });

  it('lets an order operator do what the viewer was refused, on the same orders', async () => {
    const as = operator.token;
    await orders.act(o.payment.id, 'confirm-payment', { reference: 'WX-1' }, as).expect(200);
    await orders.act(o.review.id, 'add-remark', { remark: '备注' }, as).expect(200);
    await orders.act(o.review.id, 'merge', { orderIds: [o.sameCustomer.id] }, as).expect(200);
    await orders.act(o.held.id, 'release', {}, as).expect(200);
    await orders.act(o.approved.id, 'allocate', { warehouseId: warehouse }, as).expect(200);
    await orders.act(o.allocated.id, 'start-fulfillment', {}, as).expect(200);
    await orders.act(o.cancelRequested.id, 'refuse-cancel', { reason: '已发出' }, as).expect(200);
    const res = await t.http.post('/api/orders/bulk/approve').auth(as, bearer).send({ ids: [o.review.id] }).expect(200);
    expect(res.body).toMatchObject({ succeeded: 1, failed: 0 });
  });
});

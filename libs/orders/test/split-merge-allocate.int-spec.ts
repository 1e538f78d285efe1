import { CommandBus } from '@nestjs/cqrs';
import { ApproveOrderCommand, HoldOrderCommand } from '@oms/orders';
import { randomUUID } from 'node:crypto';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号' };

describe('split, merge and manual allocation', () => {
  let t: TestApp;
  let admin: string;
  let hz: string;
  let bj: string;

  const order = async (over: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/orders')
        .auth(admin, bearer)
        .send({
          customer: { name: '客户', phone: '13912340000' },
          shippingAddress: ADDRESS,
          lines: [
            { sku: 'SM-A', quantity: 3, unitPriceMinor: 1000, discountMinor: 100 },
            { sku: 'SM-B', quantity: 1, unitPriceMinor: 2500 },
          ],
          currency: 'CNY',
          shippingFeeMinor: 800,
          payment: { method: 'alipay', status: 'paid' },
          ...over,
        })
        .expect(201)
    ).body as { id: string; totalMinor: number; status: string };
  const act = (id: string, action: string, payload: object = {}, token = admin) => t.http.post(`/api/orders/${id}/${action}`).auth(token, bearer).send(payload);

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    const warehouse = async (code: string) =>
      (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code, name: code, type: 'physical', address: ADDRESS }).expect(201)).body.id;
    hz = await warehouse('HZ');
    bj = await warehouse('BJ');
    for (const sku of ['SM-A', 'SM-B']) {
      await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 1000, currency: 'CNY' }).expect(201);
      await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: hz, type: 'receipt', quantity: 100, reason: 'r' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('splits lines and quantities into child orders that link to the parent; totals add up', async () => {
    const o = await order({ customer: { name: '甲', phone: '13900000001' } });
    const res = await act(o.id, 'split', { parts: [{ lines: [{ lineId: '1', quantity: 1 }] }, { lines: [{ lineId: '2', quantity: 1 }] }] }).expect(200);
    expect(res.body.children).toHaveLength(2);
    const children = await Promise.all(res.body.children.map(async (id: string) => (await t.http.get(`/api/orders/${id}`).auth(admin, bearer).expect(200)).body));
    expect(children.map((c) => c.parentId)).toEqual([o.id, o.id]);
    expect(res.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([['SM-A', 2]]);
    expect(res.body.totalMinor + children.reduce((n, c) => n + c.totalMinor, 0)).toBe(o.totalMinor);
    await act(o.id, 'split', { parts: [{ lines: [{ lineId: '1', quantity: 2 }] }] }).expect(409);
    await act(o.id, 'split', { parts: [] }).expect(400);
    await act(o.id, 'split', { parts: [{ lines: [{ lineId: '9', quantity: 1 }] }] }).expect(422);
  });

  it('merges orders of one customer and address; refuses other addresses or approved orders', async () => {
    const customer = { name: '乙', phone: '13900000002' };
    const a = await order({ customer });
    const b = await order({ customer, lines: [{ sku: 'SM-B', quantity: 2, unitPriceMinor: 2500 }] });
    const merged = await act(a.id, 'merge', { orderIds: [b.id] }).expect(200);
    expect(merged.body.totalMinor).toBe(a.totalMinor + b.totalMinor);
    expect(merged.body.lines).toHaveLength(3);
    const gone = (await t.http.get(`/api/orders/${b.id}`).auth(admin, bearer).expect(200)).body;
    expect(gone).toMatchObject({ status: 'cancelled', mergedIntoId: a.id });
    const elsewhere = await order({ customer, shippingAddress: { ...ADDRESS, line1: '文三路 99 号' } });
    expect((await act(a.id, 'merge', { orderIds: [elsewhere.id] }).expect(409)).body.code).toBe('orders.cannot_combine');
    const approved = await order({ customer });
    await act(approved.id, 'approve', { reason: 'Seen: a second order on purpose' }).expect(200);
    await act(a.id, 'merge', { orderIds: [approved.id] }).expect(409);
    await act(a.id, 'merge', { orderIds: [a.id] }).expect(422);
    await act(a.id, 'merge', { orderIds: [randomUUID()] }).expect(404);
  });

  it('allocates by hand: a warehouse for the whole order, checked against its stock', async () => {
    const o = await order({ customer: { name: '丙', phone: '13900000003' } });
    await act(o.id, 'allocate', { warehouseId: hz }).expect(409); // not approved yet
    await act(o.id, 'approve').expect(200);
    const short = await act(o.id, 'allocate', { warehouseId: bj }).expect(409);
    expect(short.body.code).toBe('stock.insufficient');
    const done = await act(o.id, 'allocate', { warehouseId: hz }).expect(200);
    expect(done.body).toMatchObject({ status: 'allocated', warehouseId: hz });
    const [{ n }] = await query<{ n: number }>(t, `SELECT sum(quantity)::int AS n FROM stock_reservation WHERE order_id = $1 AND status = 'open'`, [o.id]);
    expect(n).toBe(4);
    await act(o.id, 'allocate', {}).expect(409);
    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    await act(o.id, 'allocate', { warehouseId: hz }, viewer.token).expect(403);
  });

  it('allocates by hand per line, and what the picks leave is backordered', async () => {
    const o = await order({ customer: { name: '丁', phone: '13900000004' } });
    await act(o.id, 'approve').expect(200);
    const res = await act(o.id, 'allocate', { lines: [{ lineId: '1', warehouseId: hz, quantity: 2 }] }).expect(200);
    expect(res.body.status).toBe('partially_allocated');
    await act(o.id, 'allocate', { lines: [{ lineId: '1', warehouseId: 'nope', quantity: 1 }] }).expect(400);
    // The rest from a second warehouse (a line's picks replace what it held): the order is then
    // found under either warehouse.
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'SM-B', warehouseId: bj, type: 'receipt', quantity: 1, reason: 'r' }).expect(201);
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'SM-A', warehouseId: bj, type: 'receipt', quantity: 1, reason: 'r' }).expect(201);
    const rest = await act(o.id, 'allocate', {
      lines: [
        { lineId: '1', warehouseId: hz, quantity: 2 },
        { lineId: '1', warehouseId: bj, quantity: 1 },
        { lineId: '2', warehouseId: bj, quantity: 1 },
      ],
    }).expect(200);
    expect(rest.body.status).toBe('allocated');
    for (const warehouseId of [hz, bj]) {
      const found = await t.http.get('/api/orders').query({ filter: JSON.stringify({ warehouseId }) }).auth(admin, bearer).expect(200);
      expect(found.body.map((x: { id: string }) => x.id)).toContain(o.id);
    }
  });

  it('takes the same commands on the command bus as over HTTP, for other contexts to send', async () => {
    const o = await order({ customer: { name: '戊', phone: '13900000005' } });
    const bus = t.app.get(CommandBus);
    await expect(bus.execute(new HoldOrderCommand(o.id, '渠道通知：地址待确认'))).resolves.toMatchObject({ id: o.id, status: 'on_hold' });
    await expect(bus.execute(new ApproveOrderCommand(o.id))).rejects.toMatchObject({ code: 'orders.unresolved_flags' });
    const timeline = (await t.http.get(`/api/orders/${o.id}/timeline`).auth(admin, bearer).expect(200)).body;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('orders.order-held');
  });

  it('keeps the audit right through splits and merges: parts keep the flags, parts are no duplicates, a merged order is audited again', async () => {
    const flagged = await order({ customer: { name: '己', phone: '13900000006' }, shippingAddress: { ...ADDRESS, line1: '' } });
    expect(flagged.status).toBe('on_hold');
    const split = await act(flagged.id, 'split', { parts: [{ lines: [{ lineId: '2', quantity: 1 }] }] }).expect(200);
    const [child] = split.body.children as string[];
    const part = (await t.http.get(`/api/orders/${child}`).auth(admin, bearer).expect(200)).body;
    expect(part).toMatchObject({ status: 'on_hold', openFlags: ['ADDRESS_INCOMPLETE'] });
    await act(child, 'approve').expect(409);

    // Two equal parts of one order are not suspected duplicates of each other.
    const twin = await order({ customer: { name: '庚', phone: '13900000007' }, lines: [{ sku: 'SM-A', quantity: 2, unitPriceMinor: 1000 }] });
    expect(twin.status).toBe('pending_review');
    const halves = await act(twin.id, 'split', { parts: [{ lines: [{ lineId: '1', quantity: 1 }] }] }).expect(200);
    expect(halves.body.openFlags).toEqual([]);

    // Merged, two orders come over the review threshold: the merged order is held for it.
    const settings = (await t.http.get('/api/order-settings').auth(admin, bearer).expect(200)).body;
    settings.audit.rules.amount_review.params.thresholdMinor = 6000;
    await t.http.put('/api/order-settings').auth(admin, bearer).send({ audit: settings.audit }).expect(200);
    const customer = { name: '辛', phone: '13900000008' };
    const small = { lines: [{ sku: 'SM-B', quantity: 1, unitPriceMinor: 2500 }], shippingFeeMinor: 0 };
    const a = await order({ customer, ...small });
    const b = await order({ customer, lines: [{ sku: 'SM-A', quantity: 1, unitPriceMinor: 4000 }], shippingFeeMinor: 0 });
    expect([a.status, b.status]).toEqual(['pending_review', 'pending_review']);
    const merged = await act(a.id, 'merge', { orderIds: [b.id] }).expect(200);
    expect(merged.body).toMatchObject({ status: 'on_hold', openFlags: ['AMOUNT_NEEDS_REVIEW'] });
    settings.audit.rules.amount_review.params.thresholdMinor = 500000;
    await t.http.put('/api/order-settings').auth(admin, bearer).send({ audit: settings.audit }).expect(200);
  });
});

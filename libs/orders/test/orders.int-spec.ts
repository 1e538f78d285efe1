import { MANUAL_CHANNEL_ID } from '@oms/orders';
import { randomUUID } from 'node:crypto';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '余杭区', line1: '文一西路 969 号', postcode: '311121' };

describe('orders', () => {
  let t: TestApp;
  let admin: string;

  const body = (over: Record<string, unknown> = {}) => ({
    customer: { name: '张三', phone: '13800138000', email: 'zhang@example.com' },
    shippingAddress: ADDRESS,
    lines: [
      { sku: 'TEE-1', quantity: 2, unitPriceMinor: 9900, discountMinor: 800 },
      { sku: 'MUG-1', quantity: 1, unitPriceMinor: 4900 },
    ],
    currency: 'CNY',
    shippingFeeMinor: 1000,
    payment: { method: 'alipay', status: 'paid' },
    tags: ['vip'],
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}, token = admin) =>
    (await t.http.post('/api/orders').auth(token, bearer).send(body(over)).expect(201)).body as {
      id: string;
      number: string;
      status: string;
      totalMinor: number;
      lines: { name: string; totalMinor: number }[];
      actions: string[];
    };
  const act = (id: string, action: string, payload: object = {}, token = admin) =>
    t.http.post(`/api/orders/${id}/${action}`).auth(token, bearer).send(payload);
  const list = async (filter: object, token = admin) =>
    (await t.http.get('/api/orders').query({ filter: JSON.stringify(filter) }).auth(token, bearer).expect(200)).body as {
      id: string;
      customerPhone: string;
    }[];

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'TEE-1', name: '纯棉T恤', priceMinor: 9900, currency: 'CNY' }).expect(201);
  });
  afterAll(() => t.close());

  describe('manual entry', () => {
    it('computes the totals, numbers the order and names the lines from the catalogue', async () => {
      const order = await create();
      expect(order.number).toMatch(/^SO-\d{8}-\d{6}$/);
      expect(order).toMatchObject({
        status: 'pending_review',
        channelId: MANUAL_CHANNEL_ID,
        subtotalMinor: 2 * 9900 + 4900,
        discountMinor: 800,
        shippingFeeMinor: 1000,
        totalMinor: 2 * 9900 + 4900 - 800 + 1000,
        tags: ['vip'],
        payment: { method: 'alipay', instant: true, status: 'paid' },
      });
      expect(order.lines.map((l) => l.name)).toEqual(['纯棉T恤', 'MUG-1']);
      expect(order.actions).toEqual(['approve', 'reject', 'hold', 'cancel']);
    });

    it('ignores totals sent by the client', async () => {
      const res = await t.http.post('/api/orders').auth(admin, bearer).send({ ...body(), totalMinor: 1 }).expect(400);
      expect(JSON.stringify(res.body)).toContain('totalMinor');
    });

    it('takes the same channel order once, however often it is sent', async () => {
      const externalId = `EXT-${randomUUID()}`;
      const first = await t.http.post('/api/orders').auth(admin, bearer).send(body({ externalId })).expect(201);
      const results = await Promise.all(Array.from({ length: 5 }, () => t.http.post('/api/orders').auth(admin, bearer).send(body({ externalId }))));
      expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
      expect(new Set([first.body.id, ...results.map((r) => r.body.id)]).size).toBe(1);
      const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM sales_order WHERE external_id = $1`, [externalId]);
      expect(n).toBe(1);
    });

    it('waits for payment when an instant payment has not arrived', async () => {
      const order = await create({ payment: { method: 'wechat_pay', status: 'pending' } });
      expect(order.status).toBe('pending_payment');
      const paid = await act(order.id, 'confirm-payment', { reference: 'WX-1' }).expect(200);
      expect(paid.body).toMatchObject({ status: 'pending_review', payment: { status: 'paid', reference: 'WX-1' } });
    });

    it('refuses bad input naming the field, never a 500', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ lines: [] }, 'lines'],
        [{ lines: [{ sku: 'A', quantity: 0, unitPriceMinor: 1 }] }, 'quantity'],
        [{ lines: [{ sku: 'A', quantity: 1, unitPriceMinor: -1 }] }, 'unitPriceMinor'],
        [{ currency: 'yuan' }, 'currency'],
        [{ payment: { method: 'bitcoin', status: 'paid' } }, 'method'],
        [{ customer: { name: '', phone: '1' } }, 'name'],
        [{ shippingAddress: { ...ADDRESS, country: 'China' } }, 'country'],
        [{ channel: 'manual' }, 'channel'],
        [{ lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100, discountMinor: 101 }] }, 'discountMinor'],
      ];
      for (const [over, field] of cases) {
        const res = await t.http.post('/api/orders').auth(admin, bearer).send(body(over));
        expect([400, 422]).toContain(res.status);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      await t.http.post('/api/orders').auth(admin, bearer).send(body({ channel: randomUUID() })).expect(422);
    });
  });

  describe('the lifecycle', () => {
    it('approves, holds, releases, cancels, and refuses what the status does not allow (409 naming both)', async () => {
      const order = await create();
      await act(order.id, 'hold', { reason: 'Customer called' }).expect(200);
      const held = await t.http.get(`/api/orders/${order.id}`).auth(admin, bearer).expect(200);
      expect(held.body).toMatchObject({ status: 'on_hold', openFlags: ['HELD'] });
      await act(order.id, 'approve', {}).expect(409);
      await act(order.id, 'release').expect(200);
      await act(order.id, 'approve').expect(200);
      const cancelled = await act(order.id, 'cancel', { reason: 'Out of stock for weeks' }).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      const refused = await act(order.id, 'approve').expect(409);
      expect(refused.body).toMatchObject({ code: 'orders.illegal_transition', details: { status: 'cancelled', action: 'approve' } });
      await act(order.id, 'reject', {}).expect(400);
      await act(randomUUID(), 'approve').expect(404);
      await act('nope', 'approve').expect(400);
    });

    it('writes every step to the timeline with who did it, and to the audit log', async () => {
      const order = await create();
      await act(order.id, 'hold', { reason: 'Check address' }).expect(200);
      await act(order.id, 'update-address', { shippingAddress: { ...ADDRESS, line1: '文一西路 970 号' } }).expect(200);
      const timeline = (await t.http.get(`/api/orders/${order.id}/timeline`).auth(admin, bearer).expect(200)).body;
      expect(timeline.map((e: { type: string }) => e.type)).toEqual([
        'orders.order-created',
        'orders.order-held',
        'orders.order-address-changed',
      ]);
      expect(timeline[1]).toMatchObject({ actorKind: 'user', fromStatus: 'pending_review', toStatus: 'on_hold', details: { reason: 'Check address' } });
      const audit = await query(t, `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [order.id]);
      expect(audit.map((a) => a.action)).toEqual(['order.create', 'order.hold', 'order.update-address']);
    });

    it('changes lines only before allocation and recomputes the totals', async () => {
      const order = await create({ payment: { method: 'bank_transfer', status: 'pending' } });
      const changed = await act(order.id, 'update-lines', { lines: [{ sku: 'TEE-1', quantity: 3, unitPriceMinor: 9900 }] }).expect(200);
      expect(changed.body).toMatchObject({ subtotalMinor: 29700, totalMinor: 29700 + 1000 });
    });

    it('keeps one consistent story when approve and cancel race, and approves once when two operators approve at once', async () => {
      for (let i = 0; i < 5; i++) {
        const order = await create();
        const [approve, cancel] = await Promise.all([act(order.id, 'approve'), act(order.id, 'cancel', { reason: 'race' })]);
        // Cancel always wins in the end: before the approval (which is then refused) or after it.
        expect(cancel.status).toBe(200);
        expect([200, 409]).toContain(approve.status);
        const steps = (await t.http.get(`/api/orders/${order.id}/timeline`).auth(admin, bearer).expect(200)).body.map((e: { toStatus: string }) => e.toStatus);
        expect(steps).toEqual(approve.status === 200 ? ['pending_review', 'approved', 'cancelled'] : ['pending_review', 'cancelled']);
        const twice = await create();
        const both = await Promise.all([act(twice.id, 'approve'), act(twice.id, 'approve')]);
        expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
        const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM sales_order_event WHERE order_id = $1 AND type = 'orders.order-approved'`, [twice.id]);
        expect(n).toBe(1);
      }
    });
  });

  describe('finding orders', () => {
    it('filters by status, text, SKU, tag, exception and amount, and counts per status', async () => {
      const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const a = await create({ customer: { name: '李四', phone }, tags: ['gift'] });
      const b = await create({ customer: { name: '李四', phone }, lines: [{ sku: 'RARE-9', quantity: 1, unitPriceMinor: 100 }] });
      await act(b.id, 'hold', { reason: 'x' }).expect(200);
      const ids = async (filter: object) => (await list(filter)).map((o) => o.id).sort();
      expect(await ids({ customerPhone: phone })).toEqual([a.id, b.id].sort());
      expect(await ids({ q: phone.slice(3) })).toEqual([a.id, b.id].sort());
      expect(await ids({ customerPhone: phone, status: 'on_hold' })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, status: ['on_hold', 'pending_review'] })).toEqual([a.id, b.id].sort());
      expect(await ids({ sku: 'rare-9' })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, tag: 'gift' })).toEqual([a.id]);
      expect(await ids({ customerPhone: phone, hasException: true })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, flag: 'HELD' })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, totalMinor_lte: 5000 })).toEqual([b.id]);
      const counts = (await t.http.get('/api/orders/status-counts').auth(admin, bearer).expect(200)).body;
      const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM sales_order WHERE status = 'on_hold'`);
      expect(counts.on_hold).toBe(n);
      await t.http.get('/api/orders').query({ filter: JSON.stringify({ status: 'lost' }) }).auth(admin, bearer).expect(400);
      await t.http.get('/api/orders').query({ filter: JSON.stringify({ tag: '' }) }).auth(admin, bearer).expect(400);
    });
  });

  describe('permissions', () => {
    it('lets each role do what it may: operators act, viewers read, warehouse staff see only their own, masked', async () => {
      const order = await create();
      const viewer = await createUser(t, { roleKeys: ['viewer'] });
      const operator = await createUser(t, { roleKeys: ['order_operator'] });
      const service = await createUser(t, { roleKeys: ['customer_service'] });
      const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [randomUUID()] });
      await t.http.get(`/api/orders/${order.id}`).auth(viewer.token, bearer).expect(200);
      await t.http.post('/api/orders').auth(viewer.token, bearer).send(body()).expect(403);
      await act(order.id, 'approve', {}, viewer.token).expect(403);
      await act(order.id, 'approve', {}, service.token).expect(403);
      await act(order.id, 'hold', { reason: 'x' }, operator.token).expect(200);
      expect(await list({}, staff.token)).toEqual([]);
      await t.http.get(`/api/orders/${order.id}`).auth(staff.token, bearer).expect(404);
      await t.http.get('/api/orders').expect(401);
    });
  });
});

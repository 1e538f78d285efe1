import { MANUAL_CHANNEL_ID } from '@oms/orders';
import { randomUUID } from 'node:crypto';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '余杭区', line1: '文一西路 969 号', postcode: '311121' };

describe('orders', () => {
  let t: TestApp;
  let admin: string;

  // A new customer each time, so that orders are not taken for duplicates of each other.
  const phone = () => `13${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  const body = (over: Record<string, unknown> = {}) => ({
    customer: { name: '张三', phone: phone(), email: 'zhang@example.com' },
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
      openFlags: string[];
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
    const warehouse = (
      await t.http
        .post('/api/warehouses')
        .auth(admin, bearer)
        .send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS, regions: [{ country: 'CN', province: '浙江省' }] })
        .expect(201)
    ).body.id;
    for (const [sku, name] of [['TEE-1', '纯棉T恤'], ['MUG-1', '马克杯'], ['RARE-9', '珍品']]) {
      await t.http.post('/api/products').auth(admin, bearer).send({ sku, name, priceMinor: 9900, currency: 'CNY' }).expect(201);
      await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: warehouse, type: 'receipt', quantity: 1000, reason: 'r' }).expect(201);
    }
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
      expect(order.lines.map((l) => l.name)).toEqual(['纯棉T恤', '马克杯']);
      const withDelivery = await create({ delivery: { preferredCarrier: 'SF', promisedDate: '2026-12-01', instructions: '放门卫' }, priority: 5 });
      expect(withDelivery).toMatchObject({ delivery: { preferredCarrier: 'SF', promisedDate: '2026-12-01' }, priority: 5 });
      await t.http.post('/api/orders').auth(admin, bearer).send(body({ delivery: { promisedDate: 'soon' } })).expect(400);
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
        'orders.order-audited',
        'orders.order-held',
        'orders.order-address-changed',
        'orders.order-audited',
      ]);
      expect(timeline[2]).toMatchObject({ actorKind: 'user', fromStatus: 'pending_review', toStatus: 'on_hold', details: { reason: 'Check address' } });
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
        const steps = (await t.http.get(`/api/orders/${order.id}/timeline`).auth(admin, bearer).expect(200)).body
          .filter((e: { type: string }) => e.type !== 'orders.order-audited')
          .map((e: { toStatus: string }) => e.toStatus);
        expect(steps).toEqual(approve.status === 200 ? ['pending_review', 'approved', 'cancelled'] : ['pending_review', 'cancelled']);
        const twice = await create();
        const both = await Promise.all([act(twice.id, 'approve'), act(twice.id, 'approve')]);
        expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
        const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM sales_order_event WHERE order_id = $1 AND type = 'orders.order-approved'`, [twice.id]);
        expect(n).toBe(1);
      }
    });
  });

  describe('retries and bulk actions', () => {
    it('answers a repeated request with the same Idempotency-Key once, with one effect, even at the same moment', async () => {
      const order = await create();
      const key = `hold-${randomUUID()}`;
      const send = () => t.http.post(`/api/orders/${order.id}/hold`).auth(admin, bearer).set('Idempotency-Key', key).send({ reason: 'Check' });
      const answers = await Promise.all([send(), send(), send()]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(new Set(answers.map((a) => a.body.status))).toEqual(new Set(['on_hold']));
      const later = await send().expect(200);
      expect(later.body.status).toBe('on_hold');
      const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM sales_order_event WHERE order_id = $1 AND type = 'orders.order-held'`, [order.id]);
      expect(n).toBe(1);
      const other = await t.http.post(`/api/orders/${order.id}/hold`).auth(admin, bearer).set('Idempotency-Key', key).send({ reason: 'Other' }).expect(422);
      expect(other.body.code).toBe('request.idempotency_key_reused');
      const createKey = `create-${randomUUID()}`;
      const payload = body();
      const first = await t.http.post('/api/orders').auth(admin, bearer).set('Idempotency-Key', createKey).send(payload).expect(201);
      const second = await t.http.post('/api/orders').auth(admin, bearer).set('Idempotency-Key', createKey).send(payload).expect(201);
      expect(second.body.id).toBe(first.body.id);
      await t.http.post(`/api/orders/${order.id}/release`).auth(admin, bearer).set('Idempotency-Key', 'x'.repeat(201)).send({}).expect(400);
    });

    it('approves, holds and cancels many orders, reporting each one', async () => {
      const a = await create();
      const b = await create();
      await act(b.id, 'cancel', { reason: 'gone' }).expect(200);
      const res = await t.http.post('/api/orders/bulk/approve').auth(admin, bearer).send({ ids: [a.id, b.id, randomUUID()] }).expect(200);
      expect(res.body).toMatchObject({ action: 'approve', succeeded: 1, failed: 2 });
      expect(res.body.results.map((r: { ok: boolean; error?: { code: string } }) => r.error?.code ?? 'ok')).toEqual([
        'ok',
        'orders.illegal_transition',
        'not_found',
      ]);
      await t.http.post('/api/orders/bulk/cancel').auth(admin, bearer).send({ ids: [a.id] }).expect(422);
      await t.http.post('/api/orders/bulk/ship').auth(admin, bearer).send({ ids: [a.id], reason: 'x' }).expect(422);
      await t.http.post('/api/orders/bulk/hold').auth(admin, bearer).send({ ids: ['nope'], reason: 'x' }).expect(400);
      const viewer = await createUser(t, { roleKeys: ['viewer'] });
      await t.http.post('/api/orders/bulk/approve').auth(viewer.token, bearer).send({ ids: [a.id] }).expect(403);
    });
  });

  describe('finding orders', () => {
    it('filters by status, text, SKU, tag, exception and amount, and counts per status', async () => {
      const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const a = await create({ customer: { name: '李四', phone }, tags: ['gift'] });
      const b = await create({ customer: { name: '李四', phone }, lines: [{ sku: 'RARE-9', quantity: 1, unitPriceMinor: 100 }] });
      expect([a.status, b.status]).toEqual(['pending_review', 'pending_review']);
      await act(b.id, 'hold', { reason: 'x' }).expect(200);
      const ids = async (filter: object) => (await list(filter)).map((o) => o.id).sort();
      expect(await ids({ customerPhone: phone })).toEqual([a.id, b.id].sort());
      // However it is typed: with +86, spaces and dashes, or in full-width digits.
      expect(await ids({ customerPhone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` })).toEqual([a.id, b.id].sort());
      expect(await ids({ customerPhone: phone.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) })).toEqual([a.id, b.id].sort());
      const written = `136${phone.slice(3)}`;
      const d = await create({ customer: { name: '赵六', phone: `0086 ${written.slice(0, 3)} ${written.slice(3, 7)} ${written.slice(7)}转88` } });
      expect(await ids({ customerPhone: written })).toEqual([d.id]);
      expect(await ids({ q: phone.slice(3) })).toEqual([a.id, b.id].sort());
      expect(await ids({ customerPhone: phone, status: 'on_hold' })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, status: ['on_hold', 'pending_review'] })).toEqual([a.id, b.id].sort());
      expect(await ids({ sku: 'rare-9' })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, tag: 'gift' })).toEqual([a.id]);
      expect(await ids({ customerPhone: phone, hasException: true })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, flag: 'HELD' })).toEqual([b.id]);
      expect(await ids({ customerPhone: phone, totalMinor_lte: 5000 })).toEqual([b.id]);
      const c = await create({ customer: { name: '王五', phone: `137${phone.slice(3)}`, email: 'Wang.Wu@Example.com' } });
      expect(await ids({ customerEmail: 'wang.wu@example.COM' })).toEqual([c.id]);
      const counts = (await t.http.get('/api/orders/status-counts').auth(admin, bearer).expect(200)).body;
      const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM sales_order WHERE status = 'on_hold'`);
      expect(counts.on_hold).toBe(n);
      await t.http.get('/api/orders').query({ filter: JSON.stringify({ status: 'lost' }) }).auth(admin, bearer).expect(400);
      await t.http.get('/api/orders').query({ filter: JSON.stringify({ tag: '' }) }).auth(admin, bearer).expect(400);
    });
  });

  describe('the automatic audit', () => {
    /** Settings are replaced whole, as the settings screen sends them back. */
    const setAudit = async (change: (audit: { autoApprove: boolean; rules: Record<string, unknown> }) => void) => {
      const { audit } = (await t.http.get('/api/order-settings').auth(admin, bearer).expect(200)).body;
      change(audit);
      return t.http.put('/api/order-settings').auth(admin, bearer).send({ audit });
    };
    afterEach(async () => {
      expect((await setAudit((a) => (a.autoApprove = false))).status).toBe(200);
      await t.http.put('/api/order-settings').auth(admin, bearer).send({ blockList: [] }).expect(200);
    });

    it('flags what fails and holds the order; the order shows which rules ran', async () => {
      const order = await create({
        shippingAddress: { country: 'CN', province: '广东省', city: '广州市', line1: '' },
        lines: [{ sku: 'GHOST-1', quantity: 1, unitPriceMinor: 100 }],
        customer: { name: '王五', phone: '12345' },
      });
      const full = (await t.http.get(`/api/orders/${order.id}`).auth(admin, bearer).expect(200)).body;
      expect(full.status).toBe('on_hold');
      expect(full.openFlags).toEqual(expect.arrayContaining(['ADDRESS_INCOMPLETE', 'OUTSIDE_DELIVERY_AREA', 'PHONE_INVALID', 'UNKNOWN_SKU', 'OUT_OF_STOCK']));
      expect(full.audit.passed).toBe(false);
      expect(full.audit.results.map((r: { rule: string }) => r.rule)).toEqual(expect.arrayContaining(['address_complete', 'phone_valid', 'duplicate_order']));
    });

    it('re-audits a fixed address: the flag resolves and the order can be approved without a reason', async () => {
      const order = await create({ shippingAddress: { ...ADDRESS, line1: '' } });
      expect(order.status).toBe('on_hold');
      await act(order.id, 'approve').expect(409);
      const fixed = await act(order.id, 'update-address', { shippingAddress: ADDRESS }).expect(200);
      expect(fixed.body.openFlags).toEqual([]);
      expect(fixed.body.flags).toEqual([expect.objectContaining({ code: 'ADDRESS_INCOMPLETE', resolution: 'fixed' })]);
      await act(order.id, 'approve').expect(200);
    });

    it('approves anyway only with a reason', async () => {
      const order = await create({ payment: { method: 'bank_transfer', status: 'pending' } });
      expect(order.status).toBe('on_hold');
      const refused = await act(order.id, 'approve').expect(409);
      expect(refused.body).toMatchObject({ code: 'orders.unresolved_flags', details: { flags: ['PAYMENT_UNCONFIRMED'] } });
      const approved = await act(order.id, 'approve', { reason: 'Transfer seen on the statement' }).expect(200);
      expect(approved.body.flags[0]).toMatchObject({ resolution: 'approved_anyway' });
    });

    it('approves by itself when every rule passes and auto-approval is on; the block list holds', async () => {
      expect((await setAudit((a) => (a.autoApprove = true))).status).toBe(200);
      expect((await create()).status).toBe('approved');
      await t.http.put('/api/order-settings').auth(admin, bearer).send({ blockList: [{ kind: 'phone', value: '13900000001' }] }).expect(200);
      const blocked = await create({ customer: { name: '赵六', phone: '139-0000-0001' } });
      expect(blocked).toMatchObject({ status: 'on_hold', openFlags: ['BLOCK_LISTED'] });
    });

    it("lets a channel turn auto-approval off (or on) whatever the global switch says", async () => {
      expect((await setAudit((a) => (a.autoApprove = true))).status).toBe(200);
      const settings = await t.http.put(`/api/order-settings/channels/${MANUAL_CHANNEL_ID}`).auth(admin, bearer).send({ autoApprove: false }).expect(200);
      expect(settings.body.channels).toEqual([expect.objectContaining({ code: 'manual', autoApprove: false })]);
      expect((await create()).status).toBe('pending_review');
      await t.http.put(`/api/order-settings/channels/${MANUAL_CHANNEL_ID}`).auth(admin, bearer).send({ autoApprove: null }).expect(200);
      expect((await create()).status).toBe('approved');
      await t.http.put(`/api/order-settings/channels/${MANUAL_CHANNEL_ID}`).auth(admin, bearer).send({ autoApprove: 'yes' }).expect(400);
      await t.http.put(`/api/order-settings/channels/${randomUUID()}`).auth(admin, bearer).send({ autoApprove: true }).expect(404);
    });

    it('suspects a duplicate: the same customer and items twice within the window', async () => {
      const customer = { name: '钱七', phone: '13700000007' };
      await create({ customer });
      const second = await create({ customer });
      expect(second.openFlags).toContain('SUSPECTED_DUPLICATE');
    });

    it('refuses settings it does not understand, and only administrators change them', async () => {
      const bad = await setAudit((a) => (a.rules.nope = { enabled: true, params: {} }));
      expect(bad.status).toBe(422);
      expect(JSON.stringify(bad.body)).toContain('nope');
      const negative = await setAudit((a) => ((a.rules.amount_review as { params: { thresholdMinor: number } }).params.thresholdMinor = -1));
      expect(negative.status).toBe(422);
      await t.http.put('/api/order-settings').auth(admin, bearer).send({ audit: 'yes' }).expect(400);
      await t.http.put('/api/order-settings').auth(admin, bearer).send({ blockList: [{ kind: 'ip', value: 'x' }] }).expect(422);
      const operator = await createUser(t, { roleKeys: ['order_operator'] });
      await t.http.put('/api/order-settings').auth(operator.token, bearer).send({ audit: { autoApprove: true } }).expect(403);
      await t.http.get('/api/order-settings').auth(operator.token, bearer).expect(403);
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
      // The status tabs count only what the caller may see.
      const staffCounts = (await t.http.get('/api/orders/status-counts').auth(staff.token, bearer).expect(200)).body;
      expect(Object.values(staffCounts).every((c) => c === 0)).toBe(true);
      const all = (await t.http.get('/api/orders/status-counts').auth(viewer.token, bearer).expect(200)).body;
      expect(all.on_hold).toBeGreaterThan(0);
      await t.http.get('/api/orders').expect(401);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { bearer } from '../../../test/support/access.js';
import { bootTestApp, login, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, orderApi, orderBody, type OrderView } from './fixtures.js';

/**
 * Order commands that cannot go through, over HTTP: an order the warehouse has keeps its lines
 * and address (409), bad input is a 400 naming the field, an unknown order is a 404 and a
 * malformed id a 400; none of them changes anything.
 */
describe('order commands that fail', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let warehouse: string;
  let orders: ReturnType<typeof orderApi>;

  const state = async (id: string) => ({ order: await orders.get(id), timeline: await orders.timeline(id) });
  /** Every command with a body it would accept. */
  const COMMANDS: [string, object][] = [
    ['confirm-payment', {}],
    ['approve', { reason: '可以' }],
    ['reject', { reason: '不要' }],
    ['hold', { reason: '等等' }],
    ['release', {}],
    ['cancel', { reason: '取消' }],
    ['update-address', { shippingAddress: ADDRESS }],
    ['update-lines', { lines: [{ sku: 'FAIL-1', quantity: 1, unitPriceMinor: 1000 }] }],
    ['split', { parts: [{ lines: [{ lineId: '1', quantity: 1 }] }] }],
    ['merge', { orderIds: [randomUUID()] }],
    ['allocate', { warehouseId: randomUUID() }],
    ['add-remark', { remark: '备注' }],
    ['tags', { tags: ['vip'] }],
    ['start-fulfillment', {}],
    ['confirm-cancel', {}],
    ['refuse-cancel', { reason: '已发出' }],
  ];

  beforeAll(async () => {
    t = await bootTestApp();
    ({ accessToken: admin, user: { id: adminId } } = await login(t.http));
    orders = orderApi(t, () => admin);
    warehouse = (
      await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)
    ).body.id;
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'FAIL-1', name: '商品', priceMinor: 1000, currency: 'CNY' }).expect(201);
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'FAIL-1', warehouseId: warehouse, type: 'receipt', quantity: 100, reason: 'r' }).expect(201);
  });
  afterAll(() => t.close());

  it('keeps the lines and the address of an order the warehouse has: 409 orders.not_editable, nothing changed', async () => {
    const order = await orders.create(orderBody('FAIL-1', { lines: [{ sku: 'FAIL-1', quantity: 2, unitPriceMinor: 1000 }] }));
    await orders.act(order.id, 'approve').expect(200);
    await orders.act(order.id, 'allocate', { warehouseId: warehouse }).expect(200);
    await orders.act(order.id, 'start-fulfillment').expect(200);
    const before = await state(order.id);
    expect(before.order.status).toBe('in_fulfillment');

    const lines = await orders.act(order.id, 'update-lines', { lines: [{ sku: 'FAIL-1', quantity: 1, unitPriceMinor: 2000 }] }).expect(409);
    expect(lines.body).toMatchObject({ code: 'orders.not_editable', details: { status: 'in_fulfillment' } });
    const address = await orders.act(order.id, 'update-address', { shippingAddress: { ...ADDRESS, line1: '文三路 5 号' } }).expect(409);
    expect(address.body).toMatchObject({ code: 'orders.not_editable', details: { status: 'in_fulfillment' } });
    for (const [command, payload] of [
      ['split', { parts: [{ lines: [{ lineId: '1', quantity: 1 }] }] }],
      ['merge', { orderIds: [(await orders.create(orderBody('FAIL-1'))).id] }],
    ] as const) {
      const res = await orders.act(order.id, command, payload).expect(409);
      expect(res.body.code).toBe('orders.not_editable');
    }
    expect(await state(order.id)).toEqual(before);
  });

  it('refuses a bad remark or bad tags with a 400 naming the field, and changes nothing', async () => {
    const order = await orders.create(orderBody('FAIL-1', { tags: ['gift'] }));
    const before = await state(order.id);
    const cases: [string, object, string][] = [
      ['add-remark', {}, 'remark'],
      ['add-remark', { remark: '' }, 'remark'],
      ['add-remark', { remark: 42 }, 'remark'],
      ['add-remark', { remark: 'x'.repeat(1001) }, 'remark'],
      ['add-remark', { remark: '备注', by: 'someone' }, 'by'],
      ['tags', {}, 'tags'],
      ['tags', { tags: 'vip' }, 'tags'],
      ['tags', { tags: [1] }, 'tags'],
      ['tags', { tags: ['x'.repeat(41)] }, 'tags'],
      ['tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ];
    for (const [command, payload, field] of cases) {
      const res = await orders.act(order.id, command, payload);
      expect({ command, payload, status: res.status, code: res.body.code }).toEqual({ command, payload, status: 400, code: 'validation.failed' });
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await state(order.id)).toEqual(before);
  });

  it('answers 404 for an order that does not exist, to every command and read', async () => {
    const id = randomUUID();
    for (const [command, payload] of COMMANDS) {
      const res = await orders.act(id, command, payload);
      expect({ command, status: res.status, code: res.body.code }).toEqual({ command, status: 404, code: 'not_found' });
    }
    await t.http.get(`/api/orders/${id}`).auth(admin, bearer).expect(404);
    await t.http.get(`/api/orders/${id}/timeline`).auth(admin, bearer).expect(404);
    const logged = await t.http.get('/api/audit-logs').query({ filter: JSON.stringify({ entityId: id }) }).auth(admin, bearer).expect(200);
    expect(logged.body).toEqual([]);
  });

  it('answers 400 for an id that is no UUID, to every command and read', async () => {
    for (const id of ['nope', '123', `${randomUUID()}x`]) {
      for (const [command, payload] of COMMANDS) {
        const res = await orders.act(id, command, payload);
        expect({ id, command, status: res.status }).toEqual({ id, command, status: 400 });
      }
      await t.http.get(`/api/orders/${id}`).auth(admin, bearer).expect(400);
      await t.http.get(`/api/orders/${id}/timeline`).auth(admin, bearer).expect(400);
    }
  });

  describe('remarks and tags', () => {
    it('adds remarks one after another, and shows them on the order', async () => {
      const order = await orders.create(orderBody('FAIL-1', { remark: '买家留言' }));
      await orders.act(order.id, 'add-remark', { remark: '已电话联系' }).expect(200);
      const second = (await orders.act(order.id, 'add-remark', { remark: '周末送货' }).expect(200)).body as OrderView;
      expect(second).toMatchObject({ sellerRemark: '已电话联系\n周末送货', buyerRemark: '买家留言', status: 'pending_review' });
    });

    it('writes each remark to the timeline with who wrote it', async () => {
      const order = await orders.create(orderBody('FAIL-1'));
      await orders.act(order.id, 'add-remark', { remark: '已电话联系' }).expect(200);
      const entries = (await orders.timeline(order.id)).filter((e) => e.type === 'orders.order-remark-added');
      expect(entries).toEqual([
        expect.objectContaining({
          actorKind: 'user',
          actorId: adminId,
          fromStatus: 'pending_review',
          toStatus: 'pending_review',
          details: expect.objectContaining({ remark: '已电话联系' }),
        }),
      ]);
    });

    it('replaces the tags, once each, and finds the order by its new tag only', async () => {
      const order = await orders.create(orderBody('FAIL-1', { tags: ['gift'] }));
      const tagged = (await orders.act(order.id, 'tags', { tags: ['vip', 'urgent', 'vip'] }).expect(200)).body as OrderView;
      expect(tagged.tags).toEqual(['vip', 'urgent']);
      const find = async (tag: string) =>
        ((await t.http.get('/api/orders').query({ filter: JSON.stringify({ tag }) }).auth(admin, bearer).expect(200)).body as { id: string }[]).map((o) => o.id);
      expect(await find('urgent')).toEqual([order.id]);
      expect(await find('gift')).not.toContain(order.id);
      const cleared = (await orders.act(order.id, 'tags', { tags: [] }).expect(200)).body as OrderView;
      expect(cleared.tags).toEqual([]);
    });

    it('writes each change of the tags to the timeline, and nothing when they stay the same', async () => {
      const order = await orders.create(orderBody('FAIL-1', { tags: ['gift'] }));
      await orders.act(order.id, 'tags', { tags: ['gift', 'vip'] }).expect(200);
      await orders.act(order.id, 'tags', { tags: ['gift', 'vip', 'gift'] }).expect(200);
      const entries = (await orders.timeline(order.id)).filter((e) => e.type === 'orders.order-tags-changed');
      expect(entries).toEqual([
        expect.objectContaining({ actorKind: 'user', actorId: adminId, details: expect.objectContaining({ before: ['gift'], after: ['gift', 'vip'] }) }),
      ]);
    });
  });
});

import { adminToken, bearer, createUser, type CreatedUser } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, orderApi, orderBody, type OrderView } from './fixtures.js';

const IN_MY_WAREHOUSES = { warehouseId: { $in: '${user.warehouseIds}' } };

/**
 * Users scoped to warehouses see and act on the orders allocated to their warehouses only: an
 * order elsewhere answers 404, for reading and for acting on it alike (docs/access-control.md).
 * Warehouse staff read orders and change none; a role granting actions in one's own warehouses
 * acts there and nowhere else.
 */
describe("orders outside a user's warehouses", () => {
  let t: TestApp;
  let admin: string;
  let hz: string;
  let bj: string;
  let orders: ReturnType<typeof orderApi>;
  let order: OrderView;
  let unallocated: OrderView;
  const staff: Record<'hz' | 'bj', CreatedUser> = {} as never;
  const lead: Record<'hz' | 'bj', CreatedUser> = {} as never;

  const state = async (id: string) => ({ order: await orders.get(id), timeline: await orders.timeline(id) });
  const get = (id: string, as: CreatedUser) => t.http.get(`/api/orders/${id}`).auth(as.token, bearer);
  const listed = async (as: CreatedUser) => ((await t.http.get('/api/orders').auth(as.token, bearer).expect(200)).body as { id: string }[]).map((o) => o.id);

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    orders = orderApi(t, () => admin);
    const warehouse = async (code: string) =>
      (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code, name: code, type: 'physical', address: ADDRESS }).expect(201)).body.id as string;
    hz = await warehouse('HZ');
    bj = await warehouse('BJ');
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'SCOPE-1', name: '商品', priceMinor: 1000, currency: 'CNY' }).expect(201);
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'SCOPE-1', warehouseId: hz, type: 'receipt', quantity: 100, reason: 'r' }).expect(201);
    const role = await t.http
      .post('/api/roles')
      .auth(admin, bearer)
      .send({
        name: 'Warehouse lead',
        permissions: [{ action: ['read', 'update', 'hold', 'cancel'], subject: 'Order', conditions: IN_MY_WAREHOUSES }],
      })
      .expect(201);
    for (const [key, id] of [['hz', hz], ['bj', bj]] as const) {
      staff[key] = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [id] });
      lead[key] = await createUser(t, { roleIds: [role.body.id], warehouseIds: [id] });
    }
    order = await orders.create(orderBody('SCOPE-1', { customer: { name: '客户', phone: '13912345678', email: 'buyer@example.com' } }));
    await orders.act(order.id, 'approve').expect(200);
    order = (await orders.act(order.id, 'allocate', { warehouseId: hz }).expect(200)).body;
    expect(order).toMatchObject({ status: 'allocated', warehouseId: hz });
    unallocated = await orders.create(orderBody('SCOPE-1'));
  });
  afterAll(() => t.close());

  it("shows warehouse staff the orders of their warehouse, with the customer's contact masked", async () => {
    const seen = (await get(order.id, staff.hz).expect(200)).body as OrderView;
    expect(seen).toMatchObject({ id: order.id, warehouseId: hz, customerPhone: '139****5678' });
    expect(seen.customerEmail).not.toBe('buyer@example.com');
    await t.http.get(`/api/orders/${order.id}/timeline`).auth(staff.hz.token, bearer).expect(200);
    expect(await listed(staff.hz)).toEqual([order.id]);
  });

  it('answers 404 to warehouse staff for an order of another warehouse or of none, and lists neither', async () => {
    for (const id of [order.id, unallocated.id]) {
      const res = await get(id, staff.bj).expect(404);
      expect(res.body.code).toBe('not_found');
      await t.http.get(`/api/orders/${id}/timeline`).auth(staff.bj.token, bearer).expect(404);
    }
    await get(unallocated.id, staff.hz).expect(404);
    expect(await listed(staff.bj)).toEqual([]);
    const filtered = await t.http.get('/api/orders').query({ filter: JSON.stringify({ warehouseId: hz }) }).auth(staff.bj.token, bearer).expect(200);
    expect(filtered.body).toEqual([]);
  });

  it('refuses warehouse staff every order command, in their warehouse or not, and changes nothing', async () => {
    const before = await state(order.id);
    for (const as of [staff.hz, staff.bj]) {
      for (const [command, payload] of [
        ['hold', { reason: '缺货' }],
        ['cancel', { reason: '缺货' }],
        ['add-remark', { remark: '已拣货' }],
        ['tags', { tags: ['picked'] }],
        ['start-fulfillment', {}],
        ['update-address', { shippingAddress: ADDRESS }],
      ] as const) {
        const res = await orders.act(order.id, command, payload, as.token);
        expect({ command, status: res.status, code: res.body.code }).toEqual({ command, status: 403, code: 'access.forbidden' });
      }
    }
    expect(await state(order.id)).toEqual(before);
  });

  it('lets a role scoped to warehouses act on the orders of its own, and answers 404 for the others, changing nothing', async () => {
    const before = await state(order.id);
    for (const [command, payload] of [
      ['add-remark', { remark: '外仓备注' }],
      ['tags', { tags: ['外仓'] }],
      ['hold', { reason: '外仓挂起' }],
      ['cancel', { reason: '外仓取消' }],
      ['update-address', { shippingAddress: { ...ADDRESS, line1: '文三路 3 号' } }],
    ] as const) {
      const res = await orders.act(order.id, command, payload, lead.bj.token);
      expect({ command, status: res.status, code: res.body.code }).toEqual({ command, status: 404, code: 'not_found' });
    }
    const bulk = await t.http.post('/api/orders/bulk/hold').auth(lead.bj.token, bearer).send({ ids: [order.id], reason: '外仓挂起' }).expect(200);
    expect(bulk.body).toMatchObject({ succeeded: 0, failed: 1, results: [{ id: order.id, ok: false, error: { code: 'not_found' } }] });
    expect(await state(order.id)).toEqual(before);

    await orders.act(order.id, 'add-remark', { remark: '本仓备注' }, lead.hz.token).expect(200);
    const held = (await orders.act(order.id, 'hold', { reason: '本仓挂起' }, lead.hz.token).expect(200)).body as OrderView;
    expect(held).toMatchObject({ status: 'on_hold', sellerRemark: '本仓备注' });
  });
});

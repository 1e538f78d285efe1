import { OrderApproved } from '@oms/orders';
import { randomUUID } from 'node:crypto';
import { adminToken, bearer, query } from '../../../test/support/access.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';
import { AllocateApprovedOrder } from '../src/application/sagas/order-fulfilment.saga.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号', postcode: '310000' };

describe('the order saga', () => {
  let t: TestApp;
  let admin: string;
  let warehouse: string;

  const product = async (sku: string, stock: number) => {
    await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 1000, currency: 'CNY' }).expect(201);
    if (stock) await receive(sku, stock);
  };
  const receive = (sku: string, quantity: number) =>
    t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: warehouse, type: 'receipt', quantity, reason: 'r' }).expect(201);
  const order = async (sku: string, quantity = 1) =>
    (
      await t.http
        .post('/api/orders')
        .auth(admin, bearer)
        .send({
          customer: { name: '客户', phone: `13${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}` },
          shippingAddress: ADDRESS,
          lines: [{ sku, quantity, unitPriceMinor: 1000 }],
          currency: 'CNY',
          payment: { method: 'alipay', status: 'paid' },
        })
        .expect(201)
    ).body as { id: string; status: string };
  const approve = (id: string) => t.http.post(`/api/orders/${id}/approve`).auth(admin, bearer).send({});
  const statusOf = async (id: string) => (await query<{ status: string }>(t, `SELECT status FROM sales_order WHERE id = $1`, [id]))[0].status;
  const reserved = async (sku: string) =>
    (await query<{ n: number }>(t, `SELECT coalesce(sum(reserved), 0)::int AS n FROM stock_level WHERE sku = $1`, [sku]))[0].n;
  const waitFor = (id: string, status: string) => eventually(async () => (await statusOf(id)) === status, 30_000, `order ${id} to be ${status}`);

  beforeAll(async () => {
    t = await bootTestApp({ roles: ['api', 'worker'] });
    admin = await adminToken(t);
    warehouse = (
      await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('allocates an approved order, and records it on the order', async () => {
    await product('SAGA-A', 5);
    const o = await order('SAGA-A', 2);
    expect(o.status).toBe('pending_review');
    await approve(o.id).expect(200);
    await waitFor(o.id, 'allocated');
    expect(await reserved('SAGA-A')).toBe(2);
    const [row] = await query<{ warehouse_id: string }>(t, `SELECT warehouse_id FROM sales_order WHERE id = $1`, [o.id]);
    expect(row.warehouse_id).toBe(warehouse);
  });

  it('backorders what is short, and allocates it when stock arrives', async () => {
    await product('SAGA-B', 0);
    const o = await order('SAGA-B', 1);
    expect(o.status).toBe('on_hold'); // OUT_OF_STOCK
    await t.http.post(`/api/orders/${o.id}/approve`).auth(admin, bearer).send({ reason: 'Restock due tomorrow' }).expect(200);
    await waitFor(o.id, 'backordered');
    await receive('SAGA-B', 1);
    await waitFor(o.id, 'allocated');
    expect(await reserved('SAGA-B')).toBe(1);
  });

  it('gives the stock back when an allocated order is cancelled', async () => {
    await product('SAGA-C', 3);
    const o = await order('SAGA-C', 3);
    await approve(o.id).expect(200);
    await waitFor(o.id, 'allocated');
    await t.http.post(`/api/orders/${o.id}/cancel`).auth(admin, bearer).send({ reason: 'Customer changed their mind' }).expect(200);
    await eventually(async () => (await reserved('SAGA-C')) === 0, 30_000, 'the stock to be released');
    expect(await statusOf(o.id)).toBe('cancelled');
  });

  it('turns a cancellation of an order with the warehouse into a request the warehouse confirms or refuses', async () => {
    await product('SAGA-F', 4);
    const o = await order('SAGA-F', 2);
    await approve(o.id).expect(200);
    await waitFor(o.id, 'allocated');
    const act = (action: string, payload: object = {}) => t.http.post(`/api/orders/${o.id}/${action}`).auth(admin, bearer).send(payload);
    await act('start-fulfillment').expect(200);
    const requested = await act('cancel', { reason: 'Customer changed their mind' }).expect(200);
    expect(requested.body).toMatchObject({ status: 'in_fulfillment', openFlags: ['CANCEL_REQUESTED'] });
    expect(await reserved('SAGA-F')).toBe(2);
    await act('refuse-cancel', { reason: 'Already packed' }).expect(200);
    await act('confirm-cancel').expect(409);
    await act('cancel', { reason: 'Asked again' }).expect(200);
    const cancelled = await act('confirm-cancel').expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await eventually(async () => (await reserved('SAGA-F')) === 0, 30_000, 'the stock to be released');
  });

  it('allocates once when the approval is delivered twice', async () => {
    await product('SAGA-D', 5);
    const o = await order('SAGA-D', 1);
    await approve(o.id).expect(200);
    await waitFor(o.id, 'allocated');
    const again = new OrderApproved('order', o.id, { orderId: o.id, number: 'x', from: 'pending_review', to: 'approved', approvedAnyway: false });
    await t.app.get(AllocateApprovedOrder).handle(again);
    expect(await reserved('SAGA-D')).toBe(1);
  });

  it('never oversells: 300 one-unit orders submitted and approved at once against 100 in stock', async () => {
    await product('SAGA-HOT', 100);
    const orders = await Promise.all(Array.from({ length: 300 }, () => order('SAGA-HOT', 1)));
    const results = await Promise.all(orders.map((o) => approve(o.id)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const ids = orders.map((o) => o.id);
    const settled = async () =>
      query<{ status: string; n: number }>(
        t,
        `SELECT status, count(*)::int AS n FROM sales_order WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
        [ids],
      );
    await eventually(async () => !(await settled()).some((r) => r.status === 'approved'), 120_000, 'every order to be allocated or backordered');
    expect(await settled()).toEqual([
      { status: 'allocated', n: 100 },
      { status: 'backordered', n: 200 },
    ]);
    expect(await reserved('SAGA-HOT')).toBe(100);
    const drift = (await t.http.get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200)).body.drift;
    expect(drift).toEqual([]);
  }, 180_000);

  it('cancels a never-allocated order without touching stock', async () => {
    const o = await order(`NONE-${randomUUID().slice(0, 6)}`, 1);
    await t.http.post(`/api/orders/${o.id}/cancel`).auth(admin, bearer).send({ reason: 'Test' }).expect(200);
    expect(await statusOf(o.id)).toBe('cancelled');
  });
});

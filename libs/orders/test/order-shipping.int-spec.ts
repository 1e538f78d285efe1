import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, orderBody, stockApi } from './fixtures.js';

/**
 * Confirming a shipment by hand (carrier and tracking number), as the guide's "confirm shipment"
 * for a warehouse without an integration: the stock leaves in the same transaction, the order is
 * shipped (or partially shipped while some waits for stock), then delivered and completed.
 */
describe('shipping an order', () => {
  let t: TestApp;
  let admin: string;
  let warehouse: string;

  const { product, receive, level, noDrift, statusOf, waitFor } = stockApi(() => t, () => admin, () => warehouse);
  const order = async (sku: string, quantity: number) =>
    (await t.http.post('/api/orders').auth(admin, bearer).send(orderBody(sku, { lines: [{ sku, quantity, unitPriceMinor: 1000 }] })).expect(201)).body as {
      id: string;
      status: string;
    };
  const act = (id: string, action: string, body: object = {}, token = admin) => t.http.post(`/api/orders/${id}/${action}`).auth(token, bearer).send(body);
  const inFulfillment = async (sku: string, quantity: number, reason?: string) => {
    const o = await order(sku, quantity);
    await act(o.id, 'approve', reason ? { reason } : {}).expect(200);
    await eventually(async () => ['allocated', 'partially_allocated'].includes(await statusOf(o.id)), 30_000, 'the order to be allocated');
    await act(o.id, 'start-fulfillment').expect(200);
    return o;
  };

  beforeAll(async () => {
    t = await bootTestApp({ roles: ['api', 'worker'] });
    admin = await adminToken(t);
    warehouse = (
      await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('ships what the order holds: the stock leaves, the parcel is on the order, then delivered and completed', async () => {
    await product('SHIP-A', 10);
    const o = await inFulfillment('SHIP-A', 3);
    await act(o.id, 'deliver').expect(409);
    const shipped = await act(o.id, 'ship', { carrier: '顺丰速运', trackingNumber: 'SF1234567890' }).expect(200);
    expect(shipped.body).toMatchObject({ status: 'shipped', delivery: { shipments: [expect.objectContaining({ carrier: '顺丰速运', trackingNumber: 'SF1234567890' })] } });
    expect(await level('SHIP-A')).toEqual({ on_hand: 7, reserved: 0 });
    const [movement] = await query<{ type: string; on_hand_delta: number }>(
      t,
      `SELECT type, on_hand_delta FROM stock_movement WHERE sku = 'SHIP-A' AND type = 'shipment'`,
    );
    expect(movement).toEqual({ type: 'shipment', on_hand_delta: -3 });
    await noDrift();
    // Found by the shipped-date filter, and the timeline names the parcel.
    const found = await t.http.get('/api/orders').query({ filter: JSON.stringify({ shippedAt_gte: new Date(Date.now() - 60_000).toISOString() }) }).auth(admin, bearer).expect(200);
    expect(found.body.map((x: { id: string }) => x.id)).toContain(o.id);
    const timeline = (await t.http.get(`/api/orders/${o.id}/timeline`).auth(admin, bearer).expect(200)).body;
    expect(timeline.find((e: { type: string }) => e.type === 'orders.order-shipped')).toMatchObject({ toStatus: 'shipped', details: { carrier: '顺丰速运', trackingNumber: 'SF1234567890' } });
    await act(o.id, 'complete').expect(409);
    await act(o.id, 'deliver').expect(200);
    const done = await act(o.id, 'complete').expect(200);
    expect(done.body.status).toBe('completed');
    await act(o.id, 'cancel', { reason: 'too late' }).expect(409);
  });

  it('ships part of an order while the rest waits for stock, then the rest', async () => {
    await product('SHIP-B', 2);
    const o = await inFulfillment('SHIP-B', 5, '先发有货的');
    expect(await statusOf(o.id)).toBe('in_fulfillment');
    const first = await act(o.id, 'ship', { carrier: 'EMS', trackingNumber: 'EMS-1' }).expect(200);
    expect(first.body.status).toBe('partially_shipped');
    expect(await level('SHIP-B')).toEqual({ on_hand: 0, reserved: 0 });
    await receive('SHIP-B', 3);
    await eventually(async () => (await level('SHIP-B')).reserved === 3, 30_000, 'the backorder to fill');
    const second = await act(o.id, 'ship', { carrier: 'EMS', trackingNumber: 'EMS-2' }).expect(200);
    expect(second.body).toMatchObject({ status: 'shipped' });
    expect(second.body.delivery.shipments.map((s: { trackingNumber: string }) => s.trackingNumber)).toEqual(['EMS-1', 'EMS-2']);
    expect(await level('SHIP-B')).toEqual({ on_hand: 0, reserved: 0 });
    await noDrift();
  });

  it('answers a waiting cancellation by shipping: refused', async () => {
    await product('SHIP-C', 1);
    const o = await inFulfillment('SHIP-C', 1);
    await act(o.id, 'cancel', { reason: '客户想取消' }).expect(200);
    const shipped = await act(o.id, 'ship', { carrier: 'SF', trackingNumber: 'SF-9' }).expect(200);
    expect(shipped.body.status).toBe('shipped');
    expect(shipped.body.flags.find((f: { code: string }) => f.code === 'CANCEL_REQUESTED')).toMatchObject({ resolution: 'refused' });
  });

  it('refuses a shipment before the warehouse has the order, without a carrier or tracking number, and to those who may not ship', async () => {
    await product('SHIP-D', 5);
    const early = await order('SHIP-D', 1);
    await act(early.id, 'approve').expect(200);
    await waitFor(early.id, 'allocated');
    expect((await act(early.id, 'ship', { carrier: 'SF', trackingNumber: 'SF-1' }).expect(409)).body.code).toBe('orders.illegal_transition');
    await act(early.id, 'start-fulfillment').expect(200);
    const bad = await act(early.id, 'ship', { carrier: 'SF' }).expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('trackingNumber');
    expect((await act(early.id, 'ship', { carrier: '  ', trackingNumber: 'x' }).expect(422)).body.details.fields[0].field).toBe('carrier');
    const operator = await createUser(t, { roleKeys: ['order_operator'] });
    await act(early.id, 'ship', { carrier: 'SF', trackingNumber: 'SF-2' }, operator.token).expect(403);
    const elsewhere = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: ['0190a000-0000-7000-8000-000000000abc'] });
    await act(early.id, 'ship', { carrier: 'SF', trackingNumber: 'SF-3' }, elsewhere.token).expect(404);
    expect(await statusOf(early.id)).toBe('in_fulfillment');
    expect(await level('SHIP-D')).toEqual({ on_hand: 5, reserved: 1 });
    // The warehouse's own staff confirm it.
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [warehouse] });
    await act(early.id, 'ship', { carrier: 'SF', trackingNumber: 'SF-4' }, staff.token).expect(200);
    expect(await level('SHIP-D')).toEqual({ on_hand: 4, reserved: 0 });
  });
});

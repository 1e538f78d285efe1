import { OrderAllocated } from '@oms/inventory';
import { adminToken, bearer, query } from '../../../test/support/access.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, orderBody, stockApi } from './fixtures.js';
import { RecordOrderAllocation } from '../src/application/sagas/order-fulfilment.saga.js';

/**
 * An order put on hold after approval keeps what inventory holds for it; approved again it takes
 * up its allocation where it stands; cancelled or rejected it gives the stock back. Its lines no
 * longer change once approved; its address does until the warehouse has it.
 */
describe('orders held after approval', () => {
  let t: TestApp;
  let admin: string;
  let warehouse: string;

  const { product, receive, reserved, noDrift, statusOf, waitFor } = stockApi(() => t, () => admin, () => warehouse);
  const order = async (sku: string, quantity = 1) =>
    (await t.http.post('/api/orders').auth(admin, bearer).send(orderBody(sku, { lines: [{ sku, quantity, unitPriceMinor: 1000 }] })).expect(201)).body as {
      id: string;
      status: string;
    };
  const act = (id: string, action: string, body: object = {}) => t.http.post(`/api/orders/${id}/${action}`).auth(admin, bearer).send(body);
  /** An order of `quantity` units allocated from stock of exactly that many. */
  const allocated = async (sku: string, quantity: number) => {
    await product(sku, quantity);
    const o = await order(sku, quantity);
    await act(o.id, 'approve').expect(200);
    await waitFor(o.id, 'allocated');
    expect(await reserved(sku)).toBe(quantity);
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

  it('keeps the stock while on hold, and gives it back when the held order is cancelled', async () => {
    const o = await allocated('HOLD-CANCEL', 2);
    await act(o.id, 'hold', { reason: '等客户确认' }).expect(200);
    expect(await reserved('HOLD-CANCEL')).toBe(2);
    await act(o.id, 'cancel', { reason: '客户取消' }).expect(200);
    await eventually(async () => (await reserved('HOLD-CANCEL')) === 0, 30_000, 'the stock to be released');
    await noDrift();
  });

  it('gives the stock back when the held order is rejected', async () => {
    const o = await allocated('HOLD-REJECT', 3);
    await act(o.id, 'hold', { reason: '风控复核' }).expect(200);
    await act(o.id, 'reject', { reason: '欺诈' }).expect(200);
    await eventually(async () => (await reserved('HOLD-REJECT')) === 0, 30_000, 'the stock to be released');
    expect(await statusOf(o.id)).toBe('rejected');
    await noDrift();
  });

  it('takes up its allocation again when approved again, reserving nothing more', async () => {
    const o = await allocated('HOLD-AGAIN', 2);
    await act(o.id, 'hold', { reason: '核对颜色' }).expect(200);
    const refused = await act(o.id, 'approve').expect(409); // the hold is an open flag: approving needs a reason
    expect(refused.body).toMatchObject({ code: 'orders.unresolved_flags', details: { flags: ['HELD'] } });
    await act(o.id, 'approve', { reason: '已确认' }).expect(200);
    await waitFor(o.id, 'allocated');
    expect(await reserved('HOLD-AGAIN')).toBe(2);
    await noDrift();
  });

  it('is audited again on release without counting its own stock as missing', async () => {
    const o = await allocated('HOLD-RELEASE', 1);
    await act(o.id, 'hold', { reason: '核对地址' }).expect(200);
    const released = await act(o.id, 'release').expect(200);
    expect(released.body.status).toBe('pending_review');
    const [row] = await query<{ open_flags: string[] }>(t, `SELECT open_flags FROM sales_order WHERE id = $1`, [o.id]);
    expect(row.open_flags).toEqual([]);
    await act(o.id, 'approve').expect(200);
    await waitFor(o.id, 'allocated');
    expect(await reserved('HOLD-RELEASE')).toBe(1);
  });

  it('records on approval what backorders filled while it was on hold', async () => {
    await product('HOLD-BACK', 0);
    const o = await order('HOLD-BACK', 2);
    await act(o.id, 'approve', { reason: '补货中' }).expect(200);
    await waitFor(o.id, 'backordered');
    await act(o.id, 'hold', { reason: '等客户' }).expect(200);
    await receive('HOLD-BACK', 2);
    // Stock arriving fills the held order's backorder; the order stays on hold.
    await eventually(async () => (await reserved('HOLD-BACK')) === 2, 30_000, 'the backorder to fill');
    expect(await statusOf(o.id)).toBe('on_hold');
    await act(o.id, 'approve', { reason: '客户已确认' }).expect(200);
    await waitFor(o.id, 'allocated');
    const [row] = await query<{ warehouse_ids: string[]; allocation_sequence: number }>(
      t,
      `SELECT warehouse_ids, allocation_sequence FROM sales_order WHERE id = $1`,
      [o.id],
    );
    expect(row).toEqual({ warehouse_ids: [warehouse], allocation_sequence: 2 });
    await noDrift();
  });

  it('ignores an allocation answer older than the one it recorded', async () => {
    const o = await allocated('HOLD-LATE', 1);
    const events = async () => (await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM sales_order_event WHERE order_id = $1`, [o.id]))[0].n;
    const before = await events();
    const [first] = await query<{ id: string }>(t, `SELECT id FROM allocation WHERE order_id = $1 AND sequence = 1`, [o.id]);
    const late = new OrderAllocated('order', o.id, {
      orderId: o.id,
      allocationId: first.id,
      sequence: 1,
      trigger: 'order',
      status: 'partially_allocated',
      shipments: [],
      backordered: [],
    });
    await t.app.get(RecordOrderAllocation).handle(late);
    expect(await statusOf(o.id)).toBe('allocated');
    expect(await events()).toBe(before);
  });

  it('keeps its lines once approved, but takes a new address until the warehouse has it', async () => {
    const o = await allocated('HOLD-EDIT', 1);
    const lines = await act(o.id, 'update-lines', { lines: [{ sku: 'HOLD-EDIT', quantity: 1, unitPriceMinor: 1000 }] }).expect(409);
    expect(lines.body).toMatchObject({ code: 'orders.not_editable' });
    await act(o.id, 'hold', { reason: '改数量' }).expect(200);
    const held = await act(o.id, 'update-lines', { lines: [{ sku: 'HOLD-EDIT', quantity: 1, unitPriceMinor: 1000 }] }).expect(409);
    expect(held.body).toMatchObject({ code: 'orders.not_editable', details: { status: 'on_hold', since: 'approved' } });
    expect(held.body.message).toMatch(/cancel it and enter it again/);
    const split = await act(o.id, 'split', { parts: [{ lines: [{ lineId: '1', quantity: 1 }] }] }).expect(409);
    expect(split.body).toMatchObject({ code: 'orders.not_editable', details: { since: 'approved' } });
    await act(o.id, 'approve', { reason: '维持原单' }).expect(200);
    await waitFor(o.id, 'allocated');
    const moved = await act(o.id, 'update-address', { shippingAddress: { ...ADDRESS, line1: '文三路 99 号' } }).expect(200);
    expect(moved.body.status).toBe('allocated');
    await act(o.id, 'start-fulfillment').expect(200);
    await act(o.id, 'update-address', { shippingAddress: { ...ADDRESS, line1: '文三路 100 号' } }).expect(409);
  });
});

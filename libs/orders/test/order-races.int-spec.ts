import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, stockApi } from './fixtures.js';

/**
 * Races between people and the saga, with the worker running: whatever wins, an order ends in
 * one status and the stock held for it matches what it holds (no drift, nothing held for a
 * cancelled order). Split and merge keep stock right once the orders are approved.
 */
describe('order races and stock', () => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let warehouse: string;
  let n = 0;

  const { product, reserved, noDrift, statusOf } = stockApi(() => t, () => admin, () => warehouse);
  const order = async (lines: { sku: string; quantity: number }[], phone = `1370000${String(++n).padStart(4, '0')}`) =>
    (
      await t.http
        .post('/api/orders')
        .auth(admin, bearer)
        .send({
          customer: { name: '客户', phone },
          shippingAddress: ADDRESS,
          lines: lines.map((l) => ({ ...l, unitPriceMinor: 1000 })),
          currency: 'CNY',
          payment: { method: 'alipay', status: 'paid' },
        })
        .expect(201)
    ).body as { id: string; status: string; totalMinor: number };
  const act = (id: string, action: string, body: object = {}, token = admin) => t.http.post(`/api/orders/${id}/${action}`).auth(token, bearer).send(body);
  /** Units held (open reservations) for an order. */
  const heldFor = async (id: string) =>
    (await query<{ n: number }>(t, `SELECT coalesce(sum(quantity), 0)::int AS n FROM stock_reservation WHERE order_id = $1 AND status = 'open'`, [id]))[0].n;
  /** Waits until the worker has nothing left to do for these orders. */
  const settled = (ids: string[]) =>
    eventually(
      async () => {
        const [{ busy }] = await query<{ busy: number }>(
          t,
          `SELECT count(*)::int AS busy FROM sales_order WHERE id = ANY($1::uuid[]) AND status = 'approved'`,
          [ids],
        );
        const [{ pending }] = await query<{ pending: number }>(t, `SELECT count(*)::int AS pending FROM outbox_event WHERE published_at IS NULL`);
        return busy === 0 && pending === 0;
      },
      60_000,
      'the saga to settle',
    );

  beforeAll(async () => {
    t = await bootTestApp({ roles: ['api', 'worker'] });
    admin = await adminToken(t);
    operator = (await createUser(t, { roleKeys: ['order_operator'] })).token;
    warehouse = (
      await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)
    ).body.id;
    await product('RACE-A', 100);
    await product('RACE-B', 100);
  });
  afterAll(() => t.close());

  it('approve against cancel: the order ends cancelled and holds no stock, whichever came first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const o = await order([{ sku: 'RACE-A', quantity: 2 }]);
      ids.push(o.id);
      const [approve, cancel] = await Promise.all([act(o.id, 'approve', {}, operator), act(o.id, 'cancel', { reason: 'race' })]);
      expect(cancel.status).toBe(200);
      expect([200, 409]).toContain(approve.status);
    }
    await settled(ids);
    for (const id of ids) {
      expect(await statusOf(id)).toBe('cancelled');
      expect(await heldFor(id)).toBe(0);
    }
    expect(await reserved('RACE-A')).toBe(0);
    await noDrift();
  });

  it('two operators approving at once: one approval, one allocation, stock held once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const o = await order([{ sku: 'RACE-B', quantity: 3 }]);
      ids.push(o.id);
      const both = await Promise.all([act(o.id, 'approve', {}, operator), act(o.id, 'approve')]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    }
    await settled(ids);
    for (const id of ids) {
      expect(await statusOf(id)).toBe('allocated');
      expect(await heldFor(id)).toBe(3);
      const [{ approvals, allocations }] = await query<{ approvals: number; allocations: number }>(
        t,
        `SELECT count(*) FILTER (WHERE type = 'orders.order-approved')::int AS approvals,
                count(*) FILTER (WHERE type = 'orders.order-allocation-recorded')::int AS allocations
         FROM sales_order_event WHERE order_id = $1`,
        [id],
      );
      expect({ approvals, allocations }).toEqual({ approvals: 1, allocations: 1 });
    }
    expect(await reserved('RACE-B')).toBe(30);
    await noDrift();
  });

  it('split and merged orders, once approved, hold exactly the units of their lines', async () => {
    const before = { a: await reserved('RACE-A'), b: await reserved('RACE-B') };
    const phone = '13811112222';
    const parent = await order([{ sku: 'RACE-A', quantity: 5 }, { sku: 'RACE-B', quantity: 2 }], phone);
    const split = await act(parent.id, 'split', { parts: [{ lines: [{ lineId: '1', quantity: 2 }] }, { lines: [{ lineId: '2', quantity: 2 }] }] }).expect(200);
    const [childA, childB] = split.body.children as string[];
    const other = await order([{ sku: 'RACE-A', quantity: 1 }], phone);
    // The rest of the parent (3 of RACE-A) takes in another order of the same customer.
    const merged = await act(parent.id, 'merge', { orderIds: [other.id] }).expect(200);
    expect(merged.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([['RACE-A', 3], ['RACE-A', 1]]);
    const ids = [parent.id, childA, childB];
    for (const id of ids) await act(id, 'approve').expect(200);
    await settled(ids);
    expect(await Promise.all(ids.map(statusOf))).toEqual(['allocated', 'allocated', 'allocated']);
    expect(await Promise.all(ids.map(heldFor))).toEqual([4, 2, 2]);
    expect(await heldFor(other.id)).toBe(0);
    expect({ a: await reserved('RACE-A'), b: await reserved('RACE-B') }).toEqual({ a: before.a + 6, b: before.b + 2 });
    // The totals still add up to what the customer ordered.
    const totals = await query<{ total: number }>(t, `SELECT total_minor::float8 AS total FROM sales_order WHERE id = ANY($1::uuid[])`, [ids]);
    expect(totals.reduce((sum, r) => sum + r.total, 0)).toBe(parent.totalMinor + other.totalMinor);
    await noDrift();
  });
});

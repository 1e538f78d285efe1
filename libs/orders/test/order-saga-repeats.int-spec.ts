import { DiscoveryService } from '@nestjs/core';
import type { IEventHandler } from '@nestjs/cqrs';
import { type DomainEvent, envelopeOf, type EventClass, EventDeliveryWorker, type EventEnvelope, UnitOfWork } from '@oms/core';
import { StockArrived } from '@oms/inventory';
import { OrderCancelled, OrderRejected } from '@oms/orders';
import { adminToken, bearer, query } from '../../../test/support/access.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';
import { ADDRESS, orderBody } from './fixtures.js';

/**
 * Each saga step is idempotent in itself, whatever the delivery does: the same event handed to
 * its handler again (even while the worker delivers it) has the effect it had once.
 */
describe('saga steps delivered twice', () => {
  let t: TestApp;
  let admin: string;
  let warehouse: string;

  const product = async (sku: string, stock: number) => {
    await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 1000, currency: 'CNY' }).expect(201);
    if (stock) await receive(sku, stock);
  };
  const receive = (sku: string, quantity: number) =>
    t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: warehouse, type: 'receipt', quantity, reason: 'r' }).expect(201);
  const order = async (sku: string, quantity: number) =>
    (await t.http.post('/api/orders').auth(admin, bearer).send(orderBody(sku, { lines: [{ sku, quantity, unitPriceMinor: 1000 }] })).expect(201)).body as {
      id: string;
    };
  const act = (id: string, action: string, body: object = {}) => t.http.post(`/api/orders/${id}/${action}`).auth(admin, bearer).send(body).expect(200);
  const statusOf = async (id: string) => (await query<{ status: string }>(t, `SELECT status FROM sales_order WHERE id = $1`, [id]))[0].status;
  const waitFor = (id: string, status: string) => eventually(async () => (await statusOf(id)) === status, 30_000, `order ${id} to be ${status}`);
  const reserved = async (sku: string) =>
    (await query<{ n: number }>(t, `SELECT coalesce(sum(reserved), 0)::int AS n FROM stock_level WHERE sku = $1`, [sku]))[0].n;
  const noDrift = async () => expect((await t.http.get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200)).body.drift).toEqual([]);
  /** What inventory holds and did for an order: its reservations and allocations, and its stock-released events. */
  const stockOf = async (orderId: string) => ({
    reservations: await query(t, `SELECT id, status, quantity FROM stock_reservation WHERE order_id = $1 ORDER BY id`, [orderId]),
    allocations: await query(t, `SELECT id, sequence, status FROM allocation WHERE order_id = $1 ORDER BY sequence`, [orderId]),
    backorders: await query(t, `SELECT line_id, outstanding, status FROM backorder WHERE order_id = $1 ORDER BY line_id`, [orderId]),
    released: (await query(t, `SELECT id FROM outbox_event WHERE type = 'inventory.order-stock-released' AND aggregate_id = $1`, [orderId])).length,
    timeline: await query(t, `SELECT id, type, to_status FROM sales_order_event WHERE order_id = $1 ORDER BY at, id`, [orderId]),
  });
  /** The event as the outbox stored it (in the transaction of the change), the one the worker delivers. */
  const stored = async (type: string, where: string, param: string): Promise<EventEnvelope> => {
    const rows = await query(t, `SELECT * FROM outbox_event WHERE type = $1 AND ${where} = $2 ORDER BY position`, [type, param]);
    expect(rows).toHaveLength(1);
    return envelopeOf(rows[0] as never);
  };
  /** The event again, as a delivery hands it to its handler. */
  const rebuild = <E extends DomainEvent>(cls: EventClass<E>, env: EventEnvelope) =>
    new cls(env.aggregateType, env.aggregateId, env.payload as never, { id: env.id, occurredAt: new Date(env.occurredAt), actorId: env.actorId });
  /**
   * The handler the worker delivers to, found by its name as delivery jobs record it, handed an
   * event in a transaction of its own as a delivery does, without the delivery's once-only check.
   */
  const handler = (name: string) => {
    const found = t.app.get(DiscoveryService, { strict: false }).getProviders().find((w) => w.metatype?.name === name);
    if (!found?.instance) throw new Error(`No event handler ${name}`);
    const instance = found.instance as IEventHandler<DomainEvent>;
    return { handle: (event: DomainEvent) => t.app.get(UnitOfWork).run(() => instance.handle(event)) };
  };
  const delivered = (name: string, eventId: string) =>
    eventually(
      async () => (await query(t, `SELECT 1 FROM processed_event WHERE handler = $1 AND event_id = $2`, [name, eventId])).length === 1,
      30_000,
      `${name} to have handled ${eventId}`,
    );

  beforeAll(async () => {
    t = await bootTestApp({ roles: ['api', 'worker'] });
    admin = await adminToken(t);
    warehouse = (
      await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('releases the stock of a cancelled order once when its cancellation is delivered twice, even at the same moment', async () => {
    await product('REP-CANCEL', 3);
    const [gone, kept] = [await order('REP-CANCEL', 2), await order('REP-CANCEL', 1)];
    for (const o of [gone, kept]) {
      await act(o.id, 'approve');
      await waitFor(o.id, 'allocated');
    }
    const keptBefore = await stockOf(kept.id);
    await act(gone.id, 'cancel', { reason: '客户取消' });
    const env = await stored('orders.order-cancelled', 'aggregate_id', gone.id);
    const release = handler('ReleaseCancelledOrderStock');
    const event = () => rebuild(OrderCancelled, env);
    // Twice more while the worker delivers it, and once after.
    await Promise.all([release.handle(event()), release.handle(event())]);
    await delivered('ReleaseCancelledOrderStock', env.id);
    const once = await stockOf(gone.id);
    await release.handle(event());

    expect(await stockOf(gone.id)).toEqual(once);
    expect(once.released).toBe(1);
    expect(once.reservations.map((r) => r.status)).toEqual(['released']);
    expect(await stockOf(kept.id)).toEqual(keptBefore);
    expect(await reserved('REP-CANCEL')).toBe(1);
    await noDrift();
    // The worker's own delivery of it again is a no-op.
    expect(await t.app.get(EventDeliveryWorker).deliver({ handler: 'ReleaseCancelledOrderStock', event: env })).toBe(false);
  });

  it('releases the stock of a rejected order once when its rejection is delivered twice', async () => {
    await product('REP-REJECT', 2);
    const o = await order('REP-REJECT', 2);
    await act(o.id, 'approve');
    await waitFor(o.id, 'allocated');
    await act(o.id, 'hold', { reason: '风控' });
    await act(o.id, 'reject', { reason: '欺诈' });
    const env = await stored('orders.order-rejected', 'aggregate_id', o.id);
    await delivered('ReleaseRejectedOrderStock', env.id);
    const once = await stockOf(o.id);
    const release = handler('ReleaseRejectedOrderStock');
    for (let i = 0; i < 2; i++) await release.handle(rebuild(OrderRejected, env));
    expect(await stockOf(o.id)).toEqual(once);
    expect(once.released).toBe(1);
    expect(await reserved('REP-REJECT')).toBe(0);
    await noDrift();
  });

  it('fills a backorder once when the same stock arrival is delivered twice, though stock is left over', async () => {
    await product('REP-BACK', 0);
    const o = await order('REP-BACK', 2);
    await act(o.id, 'approve', { reason: '补货中' });
    await waitFor(o.id, 'backordered');
    await receive('REP-BACK', 5);
    const env = await stored('inventory.stock-arrived', `payload->>'sku'`, 'REP-BACK');
    const fill = handler('FillBackordersOnStockArrival');
    const event = () => rebuild(StockArrived, env);
    await Promise.all([fill.handle(event()), fill.handle(event())]);
    await delivered('FillBackordersOnStockArrival', env.id);
    await waitFor(o.id, 'allocated');
    const once = await stockOf(o.id);
    await fill.handle(event());
    await fill.handle(event());

    expect(await stockOf(o.id)).toEqual(once);
    expect(once.allocations.map((a) => [a.sequence, a.status])).toEqual([
      [1, 'backordered'],
      [2, 'allocated'],
    ]);
    expect(once.reservations.map((r) => [r.status, r.quantity])).toEqual([['open', 2]]);
    expect(once.backorders.map((b) => [b.outstanding, b.status])).toEqual([[0, 'filled']]);
    expect(once.timeline.filter((e) => e.type === 'orders.order-allocation-recorded').map((e) => e.to_status)).toEqual(['backordered', 'allocated']);
    expect(await reserved('REP-BACK')).toBe(2);
    expect(await statusOf(o.id)).toBe('allocated');
    await noDrift();
  });
});

import { Injectable, Logger } from '@nestjs/common';
import { ProductsService } from '@oms/catalog';
import { assertAllowed, AuditTrail, isUuid, newId, OutboxService, UnitOfWork } from '@oms/core';
import type { EntityManager } from 'typeorm';
import {
  type AllocationExplanation,
  type AllocationPlan,
  type AllocationStatus,
  type Destination,
  planAllocation,
  type PlannedLine,
  type PlannedShipment,
  type ShortagePolicy,
  type Strategy,
} from '../domain/allocation/allocation-engine.js';
import type {
  AllocationRecord,
  AllocationTrigger,
  BackorderCursor,
  DemandRow,
  ManualExplanation,
  ManualPick,
} from '../domain/allocation/allocation-record.js';
import { checkRequest } from '../domain/allocation/allocation-request.js';
import { AllocationReleasedError, InvalidAllocationError, WarehouseNotAllowedError } from '../domain/allocation/allocation.errors.js';
import { BackordersWaiting, OrderAllocated, OrderStockReleased } from '../domain/allocation/allocation.events.js';
import { UnknownSkuError } from '../domain/inventory.errors.js';
import {
  candidateWarehouses,
  firstAllocation,
  insertAllocation,
  lockLevels,
  lockOrder,
  nextSequence,
  openBackorders,
  outstandingLines,
  reduceBackorders,
} from '../infrastructure/allocation-store.js';
import { appendMovement, reserveOnLevel } from '../infrastructure/stock-ledger.js';
import { AllocationSettingsService } from './allocation-settings.service.js';
import { SELECT_ALLOCATION } from './allocation.resources.js';
import { ReservationsService } from './reservations.service.js';
import { raiseStockEvents } from './stock.service.js';

export type { AllocationRecord, AllocationTrigger, BackorderCursor, ManualPick } from '../domain/allocation/allocation-record.js';

/** What the orders context asks for: allocate this order's lines to this address. */
export interface AllocationRequest {
  orderId: string;
  channelId?: string | null;
  /** When the order was paid: backorders fill oldest paid first. */
  paidAt?: Date | string | null;
  shipTo: Destination;
  lines: { lineId: string; sku: string; quantity: number }[];
  /** This order's shortage policy instead of the channel's or the default one. */
  policy?: ShortagePolicy;
  /** An operator's choice instead of the engine's: which warehouse ships how much of which line. */
  picks?: ManualPick[];
}








/** Where an order's allocation stands now (see `AllocationService.current`). */
export interface OrderAllocationState {
  allocationId: string;
  sequence: number;
  status: AllocationRecord['status'];
  warehouseIds: string[];
}

/**
 * Allocates orders: runs the engine on locked stock levels and reserves its plan in the same
 * transaction, keeps what is short as backorders (filled when stock arrives, oldest paid
 * first), takes an operator's picks instead, and gives everything back on cancellation.
 *
 * Per order, work is serialised on the order's first allocation row; stock levels are then
 * locked in the one global order (product, warehouse) that reservations use, so allocations
 * of different orders never deadlock.
 */
@Injectable()
export class AllocationService {
  private readonly logger = new Logger(AllocationService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    private readonly outbox: OutboxService,
    private readonly settings: AllocationSettingsService,
    private readonly audit: AuditTrail,
    private readonly reservations: ReservationsService,
  ) {}

  /**
   * The order's first allocation. Idempotent: asking again (even concurrently) returns the
   * allocation made the first time and reserves nothing more.
   */
  async allocate(input: AllocationRequest, actorId?: string | null): Promise<AllocationRecord> {
    checkRequest(input);
    const request = { ...input, channelId: input.channelId?.toLowerCase() ?? null };
    const demand = await this.demand(request.lines);
    const setting = await this.settings.effective(request.channelId);
    const policy = request.policy ?? setting.shortagePolicy;
    const trigger: AllocationTrigger = request.picks ? 'manual' : 'order';
    return this.uow.run(async (m) => {
      const id = newId();
      const claimed: unknown[] = await m.query(
        `INSERT INTO allocation (id, order_id, sequence, trigger, channel_id, status, policy, strategies, ship_to, lines, actor_id, paid_at)
         VALUES ($1, $2, 1, $3, $4, 'pending', $5, $6, $7, $8, $9, $10) ON CONFLICT (order_id, sequence) DO NOTHING RETURNING id`,
        [id, request.orderId, trigger, request.channelId ?? null, policy, setting.strategies, JSON.stringify(request.shipTo),
          JSON.stringify(demand), actorId ?? null, request.paidAt ?? null],
      );
      if (!claimed.length) return firstAllocation(m, request.orderId);

      let shipments: PlannedShipment[];
      let explanation: AllocationExplanation | ManualExplanation;
      if (request.picks) {
        assertAllowed('allocate', 'Order', { id: request.orderId, channelId: request.channelId ?? null });
        shipments = await this.checkPicks(m, request.picks, demand, new Map(), request.channelId ?? null);
        explanation = { decision: 'manual', picks: request.picks, released: [] };
      } else {
        const plan = await this.plan(m, demand, request.shipTo, setting.strategies, policy, setting.warehouseIds, request.channelId ?? null);
        shipments = plan.shipments;
        explanation = plan.explanation;
      }
      await this.reserve(m, request.orderId, id, demand, shipments, actorId);
      const backordered = shortOf(demand, shipments);
      for (const line of backordered) {
        const row = demand.find((d) => d.lineId === line.lineId)!;
        await m.query(
          `INSERT INTO backorder (order_id, line_id, product_id, sku, requested, outstanding, unit_weight_grams, channel_id, paid_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [request.orderId, row.lineId, row.productId, row.sku, row.quantity, line.quantity, row.unitWeightGrams,
            request.channelId ?? null, request.paidAt ?? null],
        );
      }
      await this.announceWaiting(demand.filter((d) => backordered.some((b) => b.lineId === d.lineId)));
      const status = statusOf(shipments, backordered);
      return this.finish(m, id, request.orderId, 1, trigger, status, shipments, backordered, explanation, actorId);
    });
  }

  /**
   * Tries to fill an order's backorders from the stock available now (the order's policy
   * applies). Returns the new allocation, or null when nothing could be allocated.
   */
  async fillBackorders(orderId: string, actorId?: string | null): Promise<AllocationRecord | null> {
    return this.uow.run(async (m) => {
      const first = await lockOrder(m, orderId);
      if (first.releasedAt) return null;
      const open = await openBackorders(m, orderId);
      if (!open.length) return null;
      const setting = await this.settings.effective(first.channelId);
      const demand: DemandRow[] = open.map((b) => ({
        lineId: b.lineId,
        sku: b.sku,
        productId: b.productId,
        quantity: b.outstanding,
        unitWeightGrams: b.unitWeightGrams,
      }));
      const plan = await this.plan(m, demand, first.shipTo, first.strategies, first.policy, setting.warehouseIds, first.channelId);
      if (!plan.shipments.length) return null;
      const id = newId();
      const sequence = await nextSequence(m, orderId);
      await insertAllocation(m, id, first, sequence, 'backorder', actorId);
      await this.reserve(m, orderId, id, demand, plan.shipments, actorId);
      await reduceBackorders(m, orderId, plan.shipments);
      const backordered = await outstandingLines(m, orderId);
      const status: AllocationStatus = backordered.length ? 'partially_allocated' : 'allocated';
      return this.finish(m, id, orderId, sequence, 'backorder', status, plan.shipments, backordered, plan.explanation, actorId);
    });
  }

  /**
   * Stock of a product arrived: tries the next order waiting for it, oldest paid first, after
   * `cursor` (where the previous try stopped). One order per call, so each try runs in its own
   * transaction and locks only that order's stock. Returns the order tried and whether stock of
   * the product is left for the next one, or null when no order waits after the cursor.
   */
  async fillNextBackorder(productId: string, cursor?: BackorderCursor): Promise<{ tried: BackorderCursor; filled: boolean; stockLeft: boolean } | null> {
    return this.uow.run(async (m) => {
      const [next]: BackorderCursor[] = await m.query(
        `SELECT order_id AS "orderId", coalesce(min(paid_at), 'infinity')::text AS "paidAt", min(created_at)::text AS "createdAt"
         FROM backorder WHERE product_id = $1 AND status = 'open' GROUP BY order_id
         HAVING (coalesce(min(paid_at), 'infinity'), min(created_at), order_id) > ($2::timestamptz, $3::timestamptz, $4::uuid)
         ORDER BY coalesce(min(paid_at), 'infinity'), min(created_at), order_id LIMIT 1`,
        [productId, cursor?.paidAt ?? '-infinity', cursor?.createdAt ?? '-infinity', cursor?.orderId ?? '00000000-0000-0000-0000-000000000000'],
      );
      if (!next) return null;
      // One order that cannot be filled (bad data, a bug) must not hold up the orders behind it.
      await m.query('SAVEPOINT backorder_fill');
      let filled = false;
      try {
        filled = (await this.fillBackorders(next.orderId)) !== null;
        await m.query('RELEASE SAVEPOINT backorder_fill');
      } catch (e) {
        await m.query('ROLLBACK TO SAVEPOINT backorder_fill');
        this.logger.warn({ orderId: next.orderId, productId, err: e }, 'a backorder could not be filled; the run goes on');
      }
      return { tried: next, filled, stockLeft: (await this.availableOf(productId)) > 0 };
    });
  }

  /** Units of a product available in all warehouses together. */
  async availableOf(productId: string): Promise<number> {
    const [{ available }] = await this.uow.manager.query(
      `SELECT coalesce(sum(on_hand - reserved), 0)::int AS available FROM stock_level WHERE product_id = $1`,
      [productId],
    );
    return available;
  }

  /** Tells the backorder runs that these lines now wait, in case their stock arrived unseen. */
  private announceWaiting(lines: DemandRow[]): Promise<void> {
    const products = new Map(lines.map((l) => [l.productId, l.sku]));
    return this.outbox.append([...products].map(([productId, sku]) => new BackordersWaiting('product', productId, { productId, sku })));
  }


  /**
   * An operator's choice for some lines of an allocated order: what those lines hold now is
   * given back, then each pick is reserved from its warehouse; what the picks leave of a line
   * is backordered. Checked against stock and against the warehouses the operator may use.
   */
  async override(orderId: string, picks: ManualPick[], actorId?: string | null): Promise<AllocationRecord> {
    if (!isUuid(orderId)) throw new InvalidAllocationError('orderId must be a UUID', 'orderId');
    if (!Array.isArray(picks) || !picks.length || picks.some((p) => typeof p !== 'object' || p === null)) {
      throw new InvalidAllocationError('Pick at least one line, each as {lineId, warehouseId, quantity}', 'picks');
    }
    return this.uow.run(async (m) => {
      const first = await lockOrder(m, orderId);
      if (first.releasedAt) throw new AllocationReleasedError(orderId);
      assertAllowed('allocate', 'Order', { id: orderId, channelId: first.channelId });
      const lineIds = new Set(picks.map((p) => String(p.lineId)));
      // Lock order: the order's row, then the levels (global order), then the reservations on them.
      const touched: { product_id: string; warehouse_id: string }[] = await m.query(
        `SELECT product_id, warehouse_id FROM stock_reservation WHERE order_id = $1 AND line_id = ANY($2::text[]) AND status = 'open'`,
        [orderId, [...lineIds]],
      );
      await lockLevels(
        m,
        [...touched.map((h) => h.product_id), ...first.lines.filter((l) => lineIds.has(l.lineId)).map((l) => l.productId)],
        [...touched.map((h) => h.warehouse_id), ...picks.filter((p) => isUuid(p.warehouseId)).map((p) => p.warehouseId)],
      );
      const held: { line_id: string; warehouse_id: string; quantity: number; status: string }[] = await m.query(
        `SELECT line_id, warehouse_id, quantity, status FROM stock_reservation
         WHERE order_id = $1 AND line_id = ANY($2::text[]) AND status <> 'released'
         ORDER BY product_id, warehouse_id, line_id, id FOR UPDATE`,
        [orderId, [...lineIds]],
      );
      const shipped = new Map<string, number>();
      for (const r of held.filter((h) => h.status === 'consumed')) shipped.set(r.line_id, (shipped.get(r.line_id) ?? 0) + r.quantity);
      const shipments = await this.checkPicks(m, picks, first.lines, shipped, first.channelId);
      const released = held
        .filter((h) => h.status === 'open')
        .map((h) => ({ lineId: h.line_id, warehouseId: h.warehouse_id, quantity: h.quantity }));
      for (const lineId of lineIds) await this.reservations.release(orderId, lineId, actorId ?? undefined);
      const id = newId();
      const sequence = await nextSequence(m, orderId);
      await insertAllocation(m, id, first, sequence, 'manual', actorId);
      await this.reserve(m, orderId, id, first.lines, shipments, actorId);
      const waiting: DemandRow[] = [];
      for (const line of first.lines.filter((l) => lineIds.has(l.lineId))) {
        const picked = shipments.flatMap((s) => s.lines).filter((p) => p.lineId === line.lineId).reduce((s, p) => s + p.quantity, 0);
        const outstanding = line.quantity - (shipped.get(line.lineId) ?? 0) - picked;
        if (outstanding > 0) waiting.push(line);
        await m.query(
          `INSERT INTO backorder (order_id, line_id, product_id, sku, requested, outstanding, unit_weight_grams, channel_id, paid_at, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $6 > 0 THEN 'open' ELSE 'filled' END)
           ON CONFLICT (order_id, line_id) DO UPDATE SET outstanding = EXCLUDED.outstanding, status = EXCLUDED.status, updated_at = now()
           WHERE backorder.status <> 'cancelled'`,
          [orderId, line.lineId, line.productId, line.sku, line.quantity, outstanding, line.unitWeightGrams, first.channelId, first.paidAt],
        );
      }
      await this.announceWaiting(waiting);
      const backordered = await outstandingLines(m, orderId);
      const [{ held: stillHeld }] = await m.query(
        `SELECT count(*)::int AS held FROM stock_reservation WHERE order_id = $1 AND status <> 'released'`,
        [orderId],
      );
      const status: AllocationStatus = !backordered.length ? 'allocated' : stillHeld ? 'partially_allocated' : 'backordered';
      const explanation: ManualExplanation = { decision: 'manual', picks, released };
      await this.audit.record({
        action: 'allocation.override',
        entityType: 'Order',
        entityId: orderId,
        details: { picks, released },
      });
      return this.finish(m, id, orderId, sequence, 'manual', status, shipments, backordered, explanation, actorId);
    });
  }


  /** Cancellation: gives back every open reservation of the order and drops its backorders. */
  async releaseOrder(orderId: string, actorId?: string | null): Promise<OrderStockReleased['payload']> {
    if (!isUuid(orderId)) throw new InvalidAllocationError('orderId must be a UUID', 'orderId');
    return this.uow.run(async (m) => {
      // Marks the order released on its first allocation row, creating it when there is none
      // yet: an allocation in flight is waited for, and one that comes later reserves nothing.
      await m.query(
        `INSERT INTO allocation (id, order_id, sequence, trigger, status, policy, strategies, ship_to, lines, actor_id, released_at)
         VALUES ($1, $2, 1, 'order', 'released', 'wait', '{}', '{}', '[]', $3, now())
         ON CONFLICT (order_id, sequence) DO UPDATE SET released_at = coalesce(allocation.released_at, now())`,
        [newId(), orderId, actorId ?? null],
      );
      const releasedReservations = await this.reservations.release(orderId, undefined, actorId ?? undefined);
      const [, cancelled] = await m.query(
        `UPDATE backorder SET status = 'cancelled', updated_at = now() WHERE order_id = $1 AND status = 'open'`,
        [orderId],
      );
      const payload = { orderId, releasedReservations, cancelledBackorders: cancelled as number };
      if (releasedReservations || payload.cancelledBackorders) {
        await this.outbox.append([new OrderStockReleased('order', orderId, payload, { actorId: actorId ?? null })]);
      }
      return payload;
    });
  }


  /**
   * Where an order's allocation stands now: its latest allocation (status and sequence) and the
   * warehouses holding or having shipped its stock; `released` once it gave its stock back, null
   * when it was never allocated.
   */
  async current(orderId: string): Promise<OrderAllocationState | null> {
    const rows = await this.history(orderId);
    if (!rows.length) return null;
    const last = rows[rows.length - 1];
    if (rows[0].releasedAt) return { allocationId: last.id, sequence: last.sequence, status: 'released', warehouseIds: [] };
    const held: { warehouse_id: string }[] = await this.uow.manager.query(
      `SELECT warehouse_id FROM stock_reservation WHERE order_id = $1 AND status IN ('open', 'consumed')
       GROUP BY warehouse_id ORDER BY min(created_at), warehouse_id`,
      [orderId],
    );
    return { allocationId: last.id, sequence: last.sequence, status: last.status, warehouseIds: held.map((h) => h.warehouse_id) };
  }

  /** Every allocation of an order, first to last. */
  history(orderId: string): Promise<AllocationRecord[]> {
    return this.uow.manager.query(`${SELECT_ALLOCATION} WHERE order_id = $1 ORDER BY sequence`, [orderId]);
  }

  private async demand(lines: AllocationRequest['lines']): Promise<DemandRow[]> {
    const found = await this.products.findManyBySku(lines.map((l) => l.sku));
    return lines.map((l) => {
      const product = found.find((p) => p.sku.toLowerCase() === l.sku.toLowerCase());
      if (!product) throw new UnknownSkuError(l.sku);
      return {
        lineId: l.lineId,
        sku: product.sku,
        name: product.name,
        productId: product.id,
        quantity: l.quantity,
        unitWeightGrams: product.weightGrams,
      };
    });
  }

  /** Runs the engine on the candidate warehouses' stock, with their level rows locked. */
  private async plan(
    m: EntityManager,
    demand: DemandRow[],
    shipTo: Destination,
    strategies: Strategy[],
    policy: ShortagePolicy,
    restrictTo: string[],
    channelId: string | null,
  ): Promise<AllocationPlan> {
    const warehouses = await candidateWarehouses(m, restrictTo, channelId);
    const productIds = [...new Set(demand.map((d) => d.productId))];
    const levels = await lockLevels(m, productIds, warehouses.map((w) => w.id));
    // By product, not by the level's copy of the SKU, which follows a renamed SKU only later.
    const skuOf = new Map(demand.map((d) => [d.productId, d.sku]));
    const available: Record<string, Record<string, number>> = {};
    for (const level of levels) (available[level.warehouse_id] ??= {})[skuOf.get(level.product_id)!] = level.available;
    return planAllocation({
      lines: demand,
      destination: shipTo,
      warehouses: warehouses.map((w) => ({
        id: w.id,
        code: w.code,
        active: w.active,
        regions: w.regions,
        geo: w.geo,
        priority: w.priority,
        costTable: w.costTable,
      })),
      available,
      strategies,
      policy,
    });
  }

  /** Turns picks into shipments after checking lines, quantities and warehouses. */
  private async checkPicks(
    m: EntityManager,
    picks: ManualPick[],
    demand: DemandRow[],
    shipped: Map<string, number>,
    channelId: string | null,
  ): Promise<PlannedShipment[]> {
    const usable = new Set((await candidateWarehouses(m, [], channelId)).map((w) => w.id));
    const byWarehouse = new Map<string, PlannedLine[]>();
    const pickedPerLine = new Map<string, number>();
    for (const [i, pick] of picks.entries()) {
      const line = demand.find((d) => d.lineId === pick?.lineId);
      if (!line) throw new InvalidAllocationError(`Line ${String(pick?.lineId)} is not in the order`, `picks[${i}].lineId`);
      if (!Number.isInteger(pick.quantity) || pick.quantity < 1) throw new InvalidAllocationError('quantity must be a positive whole number', `picks[${i}].quantity`);
      if (!isUuid(pick.warehouseId)) throw new InvalidAllocationError('warehouseId must be a UUID', `picks[${i}].warehouseId`);
      const [warehouse] = await m.query(`SELECT id, code, name, type, active, address, priority, cost_table AS "costTable" FROM warehouse WHERE id = $1`, [pick.warehouseId]);
      const field = `picks[${i}].warehouseId`;
      if (!warehouse) throw new WarehouseNotAllowedError(pick.warehouseId, 'does not exist', field);
      if (warehouse.type === 'virtual') throw new WarehouseNotAllowedError(pick.warehouseId, 'is virtual: pick one of its physical warehouses', field);
      if (!warehouse.active) throw new WarehouseNotAllowedError(pick.warehouseId, 'is inactive', field);
      if (!usable.has(warehouse.id)) throw new WarehouseNotAllowedError(pick.warehouseId, 'holds its stock for another sales channel', field);
      assertAllowed('read', 'Warehouse', warehouse);
      const picked = (pickedPerLine.get(line.lineId) ?? 0) + pick.quantity;
      const room = line.quantity - (shipped.get(line.lineId) ?? 0);
      if (picked > room) {
        throw new InvalidAllocationError(`Line ${line.lineId} needs ${room} more, not ${picked}`, `picks[${i}].quantity`);
      }
      pickedPerLine.set(line.lineId, picked);
      const lines = byWarehouse.get(pick.warehouseId) ?? [];
      const same = lines.find((l) => l.lineId === line.lineId);
      if (same) same.quantity += pick.quantity;
      else lines.push({ lineId: line.lineId, sku: line.sku, quantity: pick.quantity });
      byWarehouse.set(pick.warehouseId, lines);
    }
    return [...byWarehouse].map(([warehouseId, lines]) => ({ warehouseId, lines }));
  }

  /** Reserves a plan's shipments under this allocation, in the global lock order. */
  private async reserve(
    m: EntityManager,
    orderId: string,
    allocationId: string,
    demand: DemandRow[],
    shipments: PlannedShipment[],
    actorId?: string | null,
  ): Promise<void> {
    const items = shipments
      .flatMap((s) => s.lines.map((l) => ({ ...l, warehouseId: s.warehouseId, product: demand.find((d) => d.lineId === l.lineId)! })))
      .sort((a, b) => cmp(a.product.productId, b.product.productId) || cmp(a.warehouseId, b.warehouseId) || cmp(a.lineId, b.lineId));
    for (const item of items) {
      const product = { id: item.product.productId, sku: item.product.sku };
      // A warehouse without a level of the SKU has none of it: reserveOnLevel refuses.
      const level = await reserveOnLevel(m, product, item.warehouseId, item.quantity);
      await m.query(
        `INSERT INTO stock_reservation (id, order_id, line_id, level_id, product_id, sku, warehouse_id, quantity, allocation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [newId(), orderId, item.lineId, level.id, product.id, product.sku, item.warehouseId, item.quantity, allocationId],
      );
      await appendMovement(m, level, { type: 'reservation', onHandDelta: 0, reservedDelta: item.quantity, reference: `order:${orderId}`, actorId });
      await raiseStockEvents(this.outbox, level, -item.quantity);
    }
  }

  private async finish(
    m: EntityManager,
    id: string,
    orderId: string,
    sequence: number,
    trigger: AllocationTrigger,
    status: AllocationStatus,
    shipments: PlannedShipment[],
    backordered: PlannedLine[],
    explanation: AllocationExplanation | ManualExplanation,
    actorId?: string | null,
  ): Promise<AllocationRecord> {
    await m.query(`UPDATE allocation SET status = $2, shipments = $3, backordered = $4, explanation = $5 WHERE id = $1`, [
      id, status, JSON.stringify(shipments), JSON.stringify(backordered), JSON.stringify(explanation),
    ]);
    await this.outbox.append([
      new OrderAllocated('order', orderId, { orderId, allocationId: id, sequence, trigger, status, shipments, backordered }, { actorId: actorId ?? null }),
    ]);
    const [row] = await m.query(`${SELECT_ALLOCATION} WHERE id = $1`, [id]);
    return row;
  }
}

function shortOf(demand: DemandRow[], shipments: PlannedShipment[]): PlannedLine[] {
  return demand
    .map((d) => ({
      lineId: d.lineId,
      sku: d.sku,
      quantity: d.quantity - shipments.flatMap((s) => s.lines).filter((l) => l.lineId === d.lineId).reduce((s, l) => s + l.quantity, 0),
    }))
    .filter((l) => l.quantity > 0);
}

function statusOf(shipments: PlannedShipment[], backordered: PlannedLine[]): AllocationStatus {
  if (!backordered.length) return 'allocated';
  return shipments.length ? 'partially_allocated' : 'backordered';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

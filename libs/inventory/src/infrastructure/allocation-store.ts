import type { EntityManager } from 'typeorm';
import type { PlannedLine, PlannedShipment } from '../domain/allocation/allocation-engine.js';
import { AllocationNotFoundError } from '../domain/allocation/allocation.errors.js';
import type { AllocationRecord, AllocationTrigger, WarehouseRow } from '../domain/allocation/allocation-record.js';
import { SELECT_ALLOCATION } from '../application/allocation.resources.js';

/** The allocation tables: orders' allocations, their backorders, and the stock rows they lock. */

/**
 * Warehouses that can ship a channel's order: every physical and third-party one, or those
 * named (a virtual one names its members), less those pooled for another channel only.
 */
export async function candidateWarehouses(m: EntityManager, restrictTo: string[], channelId: string | null): Promise<WarehouseRow[]> {
  const all: WarehouseRow[] = await m.query(
    `SELECT id, code, type, active, regions, geo, priority, cost_table AS "costTable", member_ids AS "memberIds",
            channel_id AS "channelId" FROM warehouse`,
  );
  const pools = all.filter((w) => w.type === 'virtual' && w.channelId);
  const ours = new Set(pools.filter((p) => p.channelId === channelId).flatMap((p) => p.memberIds));
  const theirs = new Set(pools.filter((p) => p.channelId !== channelId).flatMap((p) => p.memberIds));
  const usable = (w: WarehouseRow) => w.type !== 'virtual' && (ours.has(w.id) || !theirs.has(w.id));
  if (!restrictTo.length) return all.filter(usable);
  const wanted = new Set(restrictTo.flatMap((id) => all.find((w) => w.id === id)?.memberIds.concat(id) ?? []));
  return all.filter((w) => wanted.has(w.id) && usable(w));
}

/** Locks the level rows of these products in these warehouses, in the global order. */
export function lockLevels(
  m: EntityManager,
  productIds: string[],
  warehouseIds: string[],
): Promise<{ product_id: string; warehouse_id: string; available: number }[]> {
  if (!productIds.length || !warehouseIds.length) return Promise.resolve([]);
  return m.query(
    `SELECT product_id, warehouse_id, on_hand - reserved AS available FROM stock_level
     WHERE product_id = ANY($1::uuid[]) AND warehouse_id = ANY($2::uuid[])
     ORDER BY product_id, warehouse_id FOR UPDATE`,
    [[...new Set(productIds)], [...new Set(warehouseIds)]],
  );
}

export async function reduceBackorders(m: EntityManager, orderId: string, shipments: PlannedShipment[]): Promise<void> {
  for (const line of shipments.flatMap((s) => s.lines)) {
    await m.query(
      `UPDATE backorder SET outstanding = outstanding - $3,
         status = CASE WHEN outstanding - $3 = 0 THEN 'filled' ELSE 'open' END, updated_at = now()
       WHERE order_id = $1 AND line_id = $2`,
      [orderId, line.lineId, line.quantity],
    );
  }
}

export async function lockOrder(m: EntityManager, orderId: string): Promise<AllocationRecord> {
  const [first] = await m.query(`${SELECT_ALLOCATION} WHERE order_id = $1 AND sequence = 1 FOR UPDATE`, [orderId]);
  if (!first) throw new AllocationNotFoundError(orderId);
  return first;
}

export async function firstAllocation(m: EntityManager, orderId: string): Promise<AllocationRecord> {
  const [first] = await m.query(`${SELECT_ALLOCATION} WHERE order_id = $1 AND sequence = 1`, [orderId]);
  return first;
}

export function openBackorders(
  m: EntityManager,
  orderId: string,
): Promise<{ lineId: string; sku: string; productId: string; outstanding: number; unitWeightGrams: number }[]> {
  return m.query(
    `SELECT line_id AS "lineId", sku, product_id AS "productId", outstanding, unit_weight_grams AS "unitWeightGrams"
     FROM backorder WHERE order_id = $1 AND status = 'open' ORDER BY line_id FOR UPDATE`,
    [orderId],
  );
}

export function outstandingLines(m: EntityManager, orderId: string): Promise<PlannedLine[]> {
  return m.query(
    `SELECT line_id AS "lineId", sku, outstanding AS quantity FROM backorder WHERE order_id = $1 AND status = 'open' ORDER BY line_id`,
    [orderId],
  );
}

export async function nextSequence(m: EntityManager, orderId: string): Promise<number> {
  const [{ next }] = await m.query(`SELECT coalesce(max(sequence), 0) + 1 AS next FROM allocation WHERE order_id = $1`, [orderId]);
  return next;
}

export function insertAllocation(m: EntityManager, id: string, first: AllocationRecord, sequence: number, trigger: AllocationTrigger, actorId?: string | null) {
  return m.query(
    `INSERT INTO allocation (id, order_id, sequence, trigger, channel_id, status, policy, strategies, ship_to, lines, actor_id)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10)`,
    [id, first.orderId, sequence, trigger, first.channelId, first.policy, first.strategies, JSON.stringify(first.shipTo),
      JSON.stringify(first.lines), actorId ?? null],
  );
}

import { newId, RequestContext } from '@oms/core';
import type { EntityManager } from 'typeorm';
import { BinRequiredError, InsufficientStockError, UnknownWarehouseError } from '../domain/inventory.errors.js';

/** A stock level as the writes below return it. */
export interface LevelRow {
  id: string;
  product_id: string;
  sku: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  low_stock_threshold: number | null;
}

export type MovementType =
  | 'receipt'
  | 'adjustment'
  | 'reservation'
  | 'release'
  | 'shipment'
  | 'return'
  | 'transfer_out'
  | 'transfer_in';

const LEVEL_COLUMNS = 'id, product_id, sku, warehouse_id, on_hand, reserved, low_stock_threshold';

/** Stock lives in physical (or third-party) warehouses; a virtual one only pools them. */
export async function requireStockWarehouse(m: EntityManager, warehouseId: string): Promise<void> {
  const [warehouse] = await m.query(`SELECT type FROM warehouse WHERE id = $1`, [warehouseId]);
  if (!warehouse) throw new UnknownWarehouseError(warehouseId, 'does not exist');
  if (warehouse.type === 'virtual') throw new UnknownWarehouseError(warehouseId, 'is virtual: stock lives in physical warehouses');
}

/** The level of a SKU in a warehouse, created empty (with the product's name) the first time it is needed. */
export async function ensureLevel(
  m: EntityManager,
  product: { id: string; sku: string; name?: string },
  warehouseId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO stock_level (id, product_id, sku, warehouse_id, product_name) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (product_id, warehouse_id) DO NOTHING`,
    [newId(), product.id, product.sku, warehouseId, product.name ?? ''],
  );
}

/**
 * Changes on-hand by `delta` with a conditional update, so concurrent changes can never take it
 * below what is reserved, nor below what lies in bins (units taken from a bin leave it first,
 * see bin-ledger.ts); refuses with the units that could have been taken.
 */
export async function changeOnHand(m: EntityManager, product: { id: string; sku: string }, warehouseId: string, delta: number): Promise<LevelRow> {
  // An UPDATE answers [rows, count].
  const [[level]] = await m.query(
    `UPDATE stock_level SET on_hand = on_hand + $3, updated_at = now(), version = version + 1
     WHERE product_id = $1 AND warehouse_id = $2 AND on_hand + $3 >= reserved AND on_hand + $3 >= binned
     RETURNING ${LEVEL_COLUMNS}`,
    [product.id, warehouseId, delta],
  );
  if (!level) throw await insufficient(m, product, warehouseId, -delta);
  return level;
}

/** Reserves `quantity` if that much is available; refuses with what is. */
export async function reserveOnLevel(m: EntityManager, product: { id: string; sku: string }, warehouseId: string, quantity: number): Promise<LevelRow> {
  const [[level]] = await m.query(
    `UPDATE stock_level SET reserved = reserved + $3, updated_at = now(), version = version + 1
     WHERE product_id = $1 AND warehouse_id = $2 AND on_hand - reserved >= $3
     RETURNING ${LEVEL_COLUMNS}`,
    [product.id, warehouseId, quantity],
  );
  if (!level) throw await insufficient(m, product, warehouseId, quantity);
  return level;
}

/** Gives a reservation back (`onHandDelta` 0) or ships it (`onHandDelta` = -quantity). */
export async function closeOnLevel(m: EntityManager, levelId: string, onHandDelta: number, quantity: number): Promise<LevelRow> {
  const [[level]] = await m.query(
    `UPDATE stock_level SET on_hand = on_hand + $2, reserved = reserved - $3, updated_at = now(), version = version + 1
     WHERE id = $1 RETURNING ${LEVEL_COLUMNS}`,
    [levelId, onHandDelta, quantity],
  );
  return level;
}

/**
 * Locks level rows in the one global order (product, then warehouse). Every writer that takes
 * more than one level, or a level and then the reservations on it, locks its levels this way
 * first, so no two transactions ever wait on each other in a circle.
 */
export async function lockLevelsInOrder(m: EntityManager, levelIds: string[]): Promise<void> {
  if (!levelIds.length) return;
  await m.query(`SELECT id FROM stock_level WHERE id = ANY($1::uuid[]) ORDER BY product_id, warehouse_id FOR UPDATE`, [
    [...new Set(levelIds)],
  ]);
}

/**
 * Appends the movement that explains a level change; returns its id. When the actor is the user
 * of the request being served, their name is kept with it (work done later on someone's behalf,
 * e.g. by the worker, has the id only).
 */
export async function appendMovement(
  m: EntityManager,
  level: LevelRow,
  movement: { type: MovementType; onHandDelta: number; reservedDelta: number; reason?: string; reference?: string; actorId?: string | null },
): Promise<string> {
  const id = newId();
  const user = RequestContext.current()?.user;
  const actorName = movement.actorId && user?.id === movement.actorId ? user.name : null;
  await m.query(
    `INSERT INTO stock_movement (id, level_id, product_id, sku, warehouse_id, type, on_hand_delta, reserved_delta,
                                 on_hand_after, reserved_after, reason, reference, actor_id, actor_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [id, level.id, level.product_id, level.sku, level.warehouse_id, movement.type, movement.onHandDelta,
      movement.reservedDelta, level.on_hand, level.reserved, movement.reason ?? null, movement.reference ?? null,
      movement.actorId ?? null, actorName],
  );
  return id;
}

/** Why a change was refused: not enough available (reserved units stay), or the rest is in bins. */
async function insufficient(m: EntityManager, product: { id: string; sku: string }, warehouseId: string, requested: number) {
  const [current] = await m.query(
    `SELECT on_hand - reserved AS available, on_hand - binned AS unbinned FROM stock_level WHERE product_id = $1 AND warehouse_id = $2`,
    [product.id, warehouseId],
  );
  if (current && current.available >= requested) return new BinRequiredError(product.sku, warehouseId, current.unbinned, requested);
  return new InsufficientStockError(product.sku, warehouseId, current?.available ?? 0, requested);
}

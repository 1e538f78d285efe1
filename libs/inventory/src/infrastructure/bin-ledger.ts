import { newId } from '@oms/core';
import type { EntityManager } from 'typeorm';
import {
  BinInactiveError,
  BinInOtherWarehouseError,
  BinStockShortError,
  UnbinnedShortError,
  UnknownBinError,
} from '../domain/inventory.errors.js';

/*
 * Stock per bin. Every write here runs under the level's row lock (`lockLevel`), taken in the
 * global order of stock_level rows (product, then warehouse); bin_stock rows of a level are
 * only touched while holding it, so they need no order of their own and never deadlock.
 */

export interface BinRow {
  id: string;
  warehouse_id: string;
  code: string;
  sequence: number;
  active: boolean;
}

export interface BinnedLevel {
  id: string;
  product_id: string;
  sku: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
  binned: number;
}

export type BinMovementType = 'putaway' | 'move' | 'take_out' | 'receipt' | 'adjustment' | 'shipment' | 'transfer_out' | 'transfer_in';

/**
 * A bin as a stock operation needs it, whoever may see it: the caller checks the permission on
 * its warehouse. `field` names the input in the error (binId, fromBinId ...).
 */
export async function requireBin(m: EntityManager, id: string, field = 'binId', warehouseId?: string): Promise<BinRow> {
  const [bin] = await m.query(`SELECT id, warehouse_id, code, sequence, active FROM bin WHERE id = $1`, [id]);
  if (!bin) throw new UnknownBinError(id, field);
  if (warehouseId && bin.warehouse_id !== warehouseId) throw new BinInOtherWarehouseError(bin.code, warehouseId, field);
  return bin;
}

/**
 * Refuses an inactive bin as a destination. The share lock makes a concurrent deactivation
 * (which updates the bin row, then checks that it is empty) wait for this write, or this
 * write see the deactivation.
 */
export async function requireActiveBin(m: EntityManager, bin: BinRow, field = 'binId'): Promise<void> {
  const [row] = await m.query(`SELECT active FROM bin WHERE id = $1 FOR SHARE`, [bin.id]);
  if (!row?.active) throw new BinInactiveError(bin.code, field);
}

/** Locks the level of a SKU in a warehouse (undefined when there is none yet). */
export async function lockLevel(m: EntityManager, productId: string, warehouseId: string): Promise<BinnedLevel | undefined> {
  const [level] = await m.query(
    `SELECT id, product_id, sku, warehouse_id, on_hand, reserved, binned FROM stock_level
     WHERE product_id = $1 AND warehouse_id = $2 FOR UPDATE`,
    [productId, warehouseId],
  );
  return level;
}

/**
 * Changes the level's binned units: up when stock goes into a bin (never beyond on hand), down
 * when it comes out. Refuses with what waits outside the bins.
 */
export async function changeBinned(m: EntityManager, level: { id: string; sku: string; warehouse_id: string }, delta: number): Promise<void> {
  const [rows] = await m.query(
    `UPDATE stock_level SET binned = binned + $2, updated_at = now(), version = version + 1
     WHERE id = $1 AND binned + $2 BETWEEN 0 AND on_hand RETURNING binned`,
    [level.id, delta],
  );
  if (rows.length) return;
  const [current] = await m.query(`SELECT on_hand - binned AS unbinned FROM stock_level WHERE id = $1`, [level.id]);
  throw new UnbinnedShortError(level.sku, level.warehouse_id, current?.unbinned ?? 0, delta);
}

/** Adds units of the level's SKU to a bin. */
export async function addToBin(m: EntityManager, level: { product_id: string; sku: string; warehouse_id: string }, bin: BinRow, quantity: number): Promise<void> {
  await m.query(
    `INSERT INTO bin_stock (id, bin_id, warehouse_id, product_id, sku, quantity) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (bin_id, product_id) DO UPDATE SET quantity = bin_stock.quantity + excluded.quantity, updated_at = now()`,
    [newId(), bin.id, level.warehouse_id, level.product_id, level.sku, quantity],
  );
}

/** Takes units of the level's SKU out of a bin, if it holds that many; an emptied row goes. */
export async function takeFromBin(m: EntityManager, level: { product_id: string; sku: string }, bin: BinRow, quantity: number): Promise<void> {
  const [rows] = await m.query(
    `UPDATE bin_stock SET quantity = quantity - $3, updated_at = now()
     WHERE bin_id = $1 AND product_id = $2 AND quantity >= $3 RETURNING quantity`,
    [bin.id, level.product_id, quantity],
  );
  if (!rows.length) {
    const [held] = await m.query(`SELECT quantity FROM bin_stock WHERE bin_id = $1 AND product_id = $2`, [bin.id, level.product_id]);
    throw new BinStockShortError(level.sku, bin.code, held?.quantity ?? 0, quantity);
  }
  if (rows[0].quantity === 0) await m.query(`DELETE FROM bin_stock WHERE bin_id = $1 AND product_id = $2 AND quantity = 0`, [bin.id, level.product_id]);
}

/** Bins holding the level's SKU, in walking order (the order a picker would pass them). */
export async function binsHolding(m: EntityManager, level: { product_id: string; warehouse_id: string }): Promise<(BinRow & { quantity: number })[]> {
  return m.query(
    `SELECT b.id, b.warehouse_id, b.code, b.sequence, b.active, bs.quantity
     FROM bin_stock bs JOIN bin b ON b.id = bs.bin_id
     WHERE bs.product_id = $1 AND bs.warehouse_id = $2 AND bs.quantity > 0
     ORDER BY b.sequence, b.code, b.id`,
    [level.product_id, level.warehouse_id],
  );
}

/** Appends one line of the bin ledger; returns its id. */
export async function appendBinMovement(
  m: EntityManager,
  level: { product_id: string; sku: string; warehouse_id: string },
  movement: {
    type: BinMovementType;
    fromBinId?: string | null;
    toBinId?: string | null;
    quantity: number;
    reason?: string;
    reference?: string;
    actorId?: string | null;
  },
): Promise<string> {
  const id = newId();
  await m.query(
    `INSERT INTO bin_movement (id, warehouse_id, product_id, sku, type, from_bin_id, to_bin_id, quantity, reason, reference, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, level.warehouse_id, level.product_id, level.sku, movement.type, movement.fromBinId ?? null, movement.toBinId ?? null,
      movement.quantity, movement.reason ?? null, movement.reference ?? null, movement.actorId ?? null],
  );
  return id;
}

/**
 * Moves on-hand units of a level into (`quantity` > 0) or out of (< 0) a bin, as part of a
 * receipt, adjustment or transfer: the bin, the level's binned count and the bin ledger change
 * together. The level must already be locked.
 */
export async function binOnHandChange(
  m: EntityManager,
  level: { id: string; product_id: string; sku: string; warehouse_id: string },
  bin: BinRow,
  quantity: number,
  movement: { type: BinMovementType; reason?: string; reference?: string; actorId?: string | null },
): Promise<void> {
  if (quantity > 0) {
    await requireActiveBin(m, bin);
    await changeBinned(m, level, quantity);
    await addToBin(m, level, bin, quantity);
    await appendBinMovement(m, level, { ...movement, toBinId: bin.id, quantity });
  } else {
    await takeFromBin(m, level, bin, -quantity);
    await changeBinned(m, level, quantity);
    await appendBinMovement(m, level, { ...movement, fromBinId: bin.id, quantity: -quantity });
  }
}

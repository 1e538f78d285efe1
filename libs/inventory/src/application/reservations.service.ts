import { Injectable } from '@nestjs/common';
import { InvalidInputError, newId, OutboxService, UnitOfWork } from '@oms/core';
import { ProductsService } from '@oms/catalog';
import type { EntityManager } from 'typeorm';
import { InsufficientStockError, UnknownSkuError } from '../domain/inventory.errors.js';
import { appendBinMovement, binsHolding, changeBinned, takeFromBin } from '../infrastructure/bin-ledger.js';
import { appendMovement, closeOnLevel, lockLevelsInOrder, reserveOnLevel } from '../infrastructure/stock-ledger.js';
import { raiseStockEvents } from './stock.service.js';

export interface ReservationLine {
  lineId: string;
  sku: string;
  warehouseId: string;
  quantity: number;
}

interface Resolved extends ReservationLine {
  productId: string;
  canonicalSku: string;
}

/**
 * Reserves, releases and consumes stock per order line and warehouse.
 * - Atomic: all lines of a request or none.
 * - Idempotent: a line already reserved in that warehouse is left as it is.
 * - Deadlock-free: level rows are locked in one global order (product, then warehouse), whatever
 *   the order of the lines, so two orders touching the same SKUs never wait on each other in a circle.
 */
@Injectable()
export class ReservationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    private readonly outbox: OutboxService,
  ) {}

  async reserve(orderId: string, lines: ReservationLine[], actorId?: string): Promise<void> {
    const seen = new Set<string>();
    for (const [i, line] of lines.entries()) {
      const key = `${line.lineId}\u0000${line.warehouseId}`;
      if (seen.has(key)) {
        throw new InvalidInputError(`Line ${line.lineId} is reserved twice in one warehouse`, [
          { field: `lines[${i}]`, message: 'repeats a line and warehouse: give the total quantity once' },
        ]);
      }
      seen.add(key);
    }
    const resolved: Resolved[] = [];
    for (const line of lines) {
      const product = await this.products.findBySku(line.sku);
      if (!product) throw new UnknownSkuError(line.sku);
      resolved.push({ ...line, productId: product.id, canonicalSku: product.sku });
    }
    resolved.sort((a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId) || a.lineId.localeCompare(b.lineId));
    await this.uow.run(async (m) => {
      for (const line of resolved) await reserveLine(m, this.outbox, orderId, line, actorId);
    });
  }

  /** Gives back what an order (or one of its lines) holds; already released or consumed lines are left alone. */
  release(orderId: string, lineId?: string, actorId?: string): Promise<number> {
    return this.close(orderId, lineId, 'released', actorId);
  }

  /**
   * On shipment: what was reserved leaves the warehouse (on-hand and reserved both go down).
   * The units come from outside the bins first (picked and staged for packing); only what is
   * not there comes out of the bins, in walking order, so bins never hold more than is on hand.
   */
  consume(orderId: string, lineId?: string, actorId?: string): Promise<number> {
    return this.close(orderId, lineId, 'consumed', actorId);
  }

  private close(orderId: string, lineId: string | undefined, to: 'released' | 'consumed', actorId?: string): Promise<number> {
    return this.uow.run(async (m) => {
      // Levels first, then the reservations on them: the lock order of every stock writer.
      const levels: { level_id: string }[] = await m.query(
        `SELECT level_id FROM stock_reservation WHERE order_id = $1 AND ($2::text IS NULL OR line_id = $2) AND status = 'open'`,
        [orderId, lineId ?? null],
      );
      await lockLevelsInOrder(m, levels.map((l) => l.level_id));
      const open: { id: string; level_id: string; quantity: number }[] = await m.query(
        `SELECT id, level_id, quantity FROM stock_reservation
         WHERE order_id = $1 AND ($2::text IS NULL OR line_id = $2) AND status = 'open'
         ORDER BY product_id, warehouse_id, line_id FOR UPDATE`,
        [orderId, lineId ?? null],
      );
      for (const r of open) {
        const onHandDelta = to === 'consumed' ? -r.quantity : 0;
        if (to === 'consumed') await unbinForShipment(m, r.level_id, r.quantity, `order:${orderId}`, actorId);
        const level = await closeOnLevel(m, r.level_id, onHandDelta, r.quantity);
        await m.query(`UPDATE stock_reservation SET status = $2, closed_at = now() WHERE id = $1`, [r.id, to]);
        await appendMovement(m, level, {
          type: to === 'consumed' ? 'shipment' : 'release',
          onHandDelta,
          reservedDelta: -r.quantity,
          reference: `order:${orderId}`,
          actorId,
        });
        if (to === 'released') await raiseStockEvents(this.outbox, level, r.quantity);
      }
      return open.length;
    });
  }
}

async function reserveLine(m: EntityManager, outbox: OutboxService, orderId: string, line: Resolved, actorId?: string): Promise<void> {
  const product = { id: line.productId, sku: line.canonicalSku };
  // The reservation row first: a repeat of the same request (even a concurrent one) finds it and
  // stops here, so it reserves nothing twice. No level yet means nothing to reserve; the level is
  // not created here, since an upsert on a busy level waits for whoever is updating it.
  const claimed: unknown[] = await m.query(
    `INSERT INTO stock_reservation (id, order_id, line_id, level_id, product_id, sku, warehouse_id, quantity)
     SELECT $1, $2, $3, s.id, s.product_id, s.sku, s.warehouse_id, $4
     FROM stock_level s WHERE s.product_id = $5 AND s.warehouse_id = $6
     ON CONFLICT (order_id, line_id, warehouse_id, (coalesce(allocation_id, '00000000-0000-0000-0000-000000000000'::uuid)))
     DO NOTHING RETURNING id`,
    [newId(), orderId, line.lineId, line.quantity, line.productId, line.warehouseId],
  );
  if (!claimed.length) {
    const [held] = await m.query(
      `SELECT 1 FROM stock_reservation WHERE order_id = $1 AND line_id = $2 AND warehouse_id = $3 AND allocation_id IS NULL`,
      [orderId, line.lineId, line.warehouseId],
    );
    if (held) return;
    throw new InsufficientStockError(line.canonicalSku, line.warehouseId, 0, line.quantity);
  }
  const level = await reserveOnLevel(m, product, line.warehouseId, line.quantity);
  await appendMovement(m, level, { type: 'reservation', onHandDelta: 0, reservedDelta: line.quantity, reference: `order:${orderId}`, actorId });
  await raiseStockEvents(outbox, level, -line.quantity);
}

/** Takes out of the bins (in walking order) what shipping `quantity` would leave them holding beyond on hand. */
async function unbinForShipment(m: EntityManager, levelId: string, quantity: number, reference: string, actorId?: string): Promise<void> {
  const [level] = await m.query(
    `SELECT id, product_id, sku, warehouse_id, on_hand, binned FROM stock_level WHERE id = $1 FOR UPDATE`,
    [levelId],
  );
  let excess = level.binned - (level.on_hand - quantity);
  if (excess <= 0) return;
  for (const bin of await binsHolding(m, level)) {
    const take = Math.min(bin.quantity, excess);
    await takeFromBin(m, level, bin, take);
    await changeBinned(m, level, -take);
    await appendBinMovement(m, level, { type: 'shipment', fromBinId: bin.id, quantity: take, reference, actorId });
    excess -= take;
    if (excess === 0) break;
  }
}

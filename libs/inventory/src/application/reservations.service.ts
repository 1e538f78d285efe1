import { Injectable } from '@nestjs/common';
import { newId, OutboxService, UnitOfWork } from '@oms/core';
import { ProductsService } from '@oms/catalog';
import type { EntityManager } from 'typeorm';
import { InsufficientStockError, UnknownSkuError } from '../domain/inventory.errors.js';
import { raiseIfLow } from './stock.service.js';

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

  /** On shipment: what was reserved leaves the warehouse (on-hand and reserved both go down). */
  consume(orderId: string, lineId?: string, actorId?: string): Promise<number> {
    return this.close(orderId, lineId, 'consumed', actorId);
  }

  private close(orderId: string, lineId: string | undefined, to: 'released' | 'consumed', actorId?: string): Promise<number> {
    return this.uow.run(async (m) => {
      const open: { id: string; level_id: string; quantity: number }[] = await m.query(
        `SELECT id, level_id, quantity FROM stock_reservation
         WHERE order_id = $1 AND ($2::text IS NULL OR line_id = $2) AND status = 'open'
         ORDER BY product_id, warehouse_id, line_id FOR UPDATE`,
        [orderId, lineId ?? null],
      );
      for (const r of open) {
        const onHandDelta = to === 'consumed' ? -r.quantity : 0;
        const [[level]] = await m.query(
          `UPDATE stock_level SET on_hand = on_hand + $2, reserved = reserved - $3, updated_at = now(), version = version + 1
           WHERE id = $1 RETURNING id, product_id, sku, warehouse_id, on_hand, reserved`,
          [r.level_id, onHandDelta, r.quantity],
        );
        await m.query(`UPDATE stock_reservation SET status = $2, closed_at = now() WHERE id = $1`, [r.id, to]);
        await ledger(m, level, to === 'consumed' ? 'shipment' : 'release', onHandDelta, -r.quantity, orderId, actorId);
      }
      return open.length;
    });
  }
}

async function reserveLine(m: EntityManager, outbox: OutboxService, orderId: string, line: Resolved, actorId?: string): Promise<void> {
  await m.query(
    `INSERT INTO stock_level (id, product_id, sku, warehouse_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (product_id, warehouse_id) DO NOTHING`,
    [newId(), line.productId, line.canonicalSku, line.warehouseId],
  );
  // The reservation row first: a repeat of the same request (even a concurrent one) finds it and
  // stops here, so it reserves nothing twice.
  const claimed: unknown[] = await m.query(
    `INSERT INTO stock_reservation (id, order_id, line_id, level_id, product_id, sku, warehouse_id, quantity)
     SELECT $1, $2, $3, s.id, s.product_id, s.sku, s.warehouse_id, $4
     FROM stock_level s WHERE s.product_id = $5 AND s.warehouse_id = $6
     ON CONFLICT (order_id, line_id, warehouse_id) DO NOTHING RETURNING id`,
    [newId(), orderId, line.lineId, line.quantity, line.productId, line.warehouseId],
  );
  if (!claimed.length) return;
  const [[level]] = await m.query(
    `UPDATE stock_level SET reserved = reserved + $3, updated_at = now(), version = version + 1
     WHERE product_id = $1 AND warehouse_id = $2 AND on_hand - reserved >= $3
     RETURNING id, product_id, sku, warehouse_id, on_hand, reserved, low_stock_threshold`,
    [line.productId, line.warehouseId, line.quantity],
  );
  if (!level) {
    const [current] = await m.query(
      `SELECT on_hand - reserved AS available FROM stock_level WHERE product_id = $1 AND warehouse_id = $2`,
      [line.productId, line.warehouseId],
    );
    throw new InsufficientStockError(line.canonicalSku, line.warehouseId, current?.available ?? 0, line.quantity);
  }
  await ledger(m, level, 'reservation', 0, line.quantity, orderId, actorId);
  await raiseIfLow(outbox, level, -line.quantity);
}

async function ledger(
  m: EntityManager,
  level: { id: string; product_id: string; sku: string; warehouse_id: string; on_hand: number; reserved: number },
  type: 'reservation' | 'release' | 'shipment',
  onHandDelta: number,
  reservedDelta: number,
  orderId: string,
  actorId?: string,
): Promise<void> {
  await m.query(
    `INSERT INTO stock_movement (id, level_id, product_id, sku, warehouse_id, type, on_hand_delta, reserved_delta,
                                 on_hand_after, reserved_after, reference, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [newId(), level.id, level.product_id, level.sku, level.warehouse_id, type, onHandDelta, reservedDelta,
      level.on_hand, level.reserved, `order:${orderId}`, actorId ?? null],
  );
}

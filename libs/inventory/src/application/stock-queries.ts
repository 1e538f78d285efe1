import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@oms/core';
import { type Destination, type RegionRule, servesDestination } from '../domain/allocation/allocation-engine.js';

/** What other contexts may ask inventory (the orders audit asks both). */
@Injectable()
export class StockQueries {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Units available (on hand minus reserved) per SKU in all active warehouses together, keyed by
   * the SKU in lower case. With `forOrderId`, what is reserved for that order counts as available
   * to it (an order audited again after a hold keeps its own stock).
   */
  async availableBySku(skus: string[], forOrderId?: string): Promise<Record<string, number>> {
    if (!skus.length) return {};
    const rows: { sku: string; available: number }[] = await this.uow.manager.query(
      `SELECT lower(s.sku) AS sku,
              (sum(s.on_hand - s.reserved) + coalesce(sum((SELECT sum(r.quantity) FROM stock_reservation r
                 WHERE r.level_id = s.id AND r.order_id = $2 AND r.status = 'open')), 0))::int AS available
       FROM stock_level s JOIN warehouse w ON w.id = s.warehouse_id
       WHERE lower(s.sku) = ANY($1::text[]) AND w.active GROUP BY 1`,
      [[...new Set(skus.map((s) => s.toLowerCase()))], forOrderId ?? null],
    );
    return Object.fromEntries(rows.map((r) => [r.sku, r.available]));
  }

  /** Whether any active warehouse that holds stock ships to this address. */
  async servesAddress(destination: Destination): Promise<boolean> {
    const warehouses: { regions: RegionRule[] }[] = await this.uow.manager.query(
      `SELECT regions FROM warehouse WHERE active AND type <> 'virtual'`,
    );
    return warehouses.some((w) => servesDestination(w.regions, destination));
  }
}

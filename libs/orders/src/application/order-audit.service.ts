import { Injectable } from '@nestjs/common';
import { ProductsService } from '@oms/catalog';
import { UnitOfWork } from '@oms/core';
import { StockQueries } from '@oms/inventory';
import { auditLookups, autoApproveFor, runAudit } from '../domain/audit/audit.js';
import type { AuditFacts } from '../domain/audit/audit.types.js';
import type { Actor, Order } from '../domain/order.aggregate.js';
import { OrderSettingsService } from './order-settings.service.js';

/**
 * The automatic audit: looks up what the rules need (catalogue, stock, delivery areas, the
 * customer's other orders, the block list), runs them, and lets the order record the verdict:
 * flags, hold, or approval when auto-approval is on.
 */
@Injectable()
export class OrderAuditService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    private readonly stock: StockQueries,
    private readonly settings: OrderSettingsService,
  ) {}

  /** `fixedBy`: the user whose change this audit follows, recorded on the flags it no longer raises. */
  async audit(order: Order, actor: Actor, fixedBy: Actor = actor): Promise<void> {
    const s = order.snapshot;
    const settings = await this.settings.get();
    const facts = await this.facts(order, settings.blockList, auditLookups(settings.audit));
    const report = runAudit(s, facts, settings.audit, new Date(actor.at));
    const [channel] = await this.uow.manager.query(`SELECT auto_approve AS "autoApprove" FROM sales_channel WHERE id = $1`, [s.channelId]);
    order.recordAudit(report, autoApproveFor(settings.audit, channel?.autoApprove ?? null), actor, fixedBy);
  }

  private async facts(
    order: Order,
    blockList: AuditFacts['blockList'],
    lookups: { purchasePeriodDays: number; duplicateWindowHours: number },
  ): Promise<AuditFacts> {
    const s = order.snapshot;
    const skus = [...new Set(s.lines.map((l) => l.sku))];
    const [products, available, servesAddress] = [
      await this.products.findManyBySku(skus),
      await this.stock.availableBySku(skus, s.approvedAt ? s.id : undefined),
      await this.stock.servesAddress({
        country: s.shippingAddress.country,
        province: s.shippingAddress.province,
        city: s.shippingAddress.city,
        postcode: s.shippingAddress.postcode,
      }),
    ];
    const m = this.uow.manager;
    // The customer's other orders: the same phone however spelt, through the index on its national
    // form, so this stays a look-up on millions of orders.
    const bought: { sku: string; quantity: number }[] = await m.query(
      `SELECT lower(l.sku) AS sku, sum(l.quantity)::int AS quantity
       FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id
       WHERE order_phone_key(o.customer_phone) = order_phone_key($1)
         AND o.id <> $2 AND o.status NOT IN ('cancelled', 'rejected')
         AND o.created_at > $3::timestamptz - make_interval(days => $4)
       GROUP BY 1`,
      [s.customer.phone, s.id, s.createdAt, lookups.purchasePeriodDays],
    );
    const recent: { id: string; number: string; createdAt: string; items: string }[] = await m.query(
      `SELECT o.id, o.number, o.created_at AS "createdAt",
              string_agg(lower(l.sku) || 'x' || l.quantity, ',' ORDER BY lower(l.sku), l.quantity) AS items
       FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id
       WHERE order_phone_key(o.customer_phone) = order_phone_key($1)
         AND o.id <> $2 AND o.status NOT IN ('cancelled', 'rejected')
         -- Parts of one split order are not duplicates of each other.
         AND o.id IS DISTINCT FROM $5::uuid AND o.parent_id IS DISTINCT FROM $2::uuid
         AND ($5::uuid IS NULL OR o.parent_id IS DISTINCT FROM $5::uuid)
         AND o.created_at BETWEEN $3::timestamptz - make_interval(hours => $4) AND $3::timestamptz + make_interval(hours => $4)
       GROUP BY o.id`,
      [s.customer.phone, s.id, s.createdAt, lookups.duplicateWindowHours, s.parentId],
    );
    const mine = s.lines
      .map((l) => `${l.sku.toLowerCase()}x${l.quantity}`)
      .sort()
      .join(',');
    return {
      skus: Object.fromEntries(
        skus.map((sku) => {
          const p = products.find((x) => x.sku.toLowerCase() === sku.toLowerCase());
          return [sku, { known: !!p, active: p?.active ?? false, purchaseLimit: p?.purchaseLimit ?? null, available: available[sku.toLowerCase()] ?? 0 }];
        }),
      ),
      servesAddress,
      purchasedInPeriod: Object.fromEntries(
        skus.map((sku) => [sku, bought.filter((b) => b.sku === sku.toLowerCase()).reduce((n, b) => n + b.quantity, 0)]),
      ),
      blockList,
      similarRecentOrders: recent
        .filter((r) => r.items === mine)
        .map((r) => ({ id: r.id, number: r.number, createdAt: new Date(r.createdAt).toISOString() })),
    };
  }
}

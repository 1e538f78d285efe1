import { Injectable } from '@nestjs/common';
import { type DomainEvent, NotFoundError, OutboxService, UnitOfWork } from '@oms/core';
import { OrderRepository } from '../application/ports/order.repository.js';
import { Order } from '../domain/order.aggregate.js';
import type { OrderSnapshot } from '../domain/order.types.js';

const SELECT = `SELECT id, number, channel_id AS "channelId", external_id AS "externalId", external_number AS "externalNumber",
  status, flags, subtotal_minor::float8 AS "subtotalMinor", shipping_fee_minor::float8 AS "shippingFeeMinor",
  discount_minor::float8 AS "discountMinor", tax_minor::float8 AS "taxMinor", total_minor::float8 AS "totalMinor", currency,
  json_build_object('name', customer_name, 'phone', customer_phone, 'email', customer_email, 'customerId', customer_id) AS customer,
  shipping_address AS "shippingAddress", payment, delivery, buyer_remark AS "buyerRemark", seller_remark AS "sellerRemark",
  tags, priority, warehouse_ids AS "warehouseIds", parent_id AS "parentId", merged_into_id AS "mergedIntoId", audit,
  to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "approvedAt", allocation_sequence AS "allocationSequence",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
  FROM sales_order`;

const LINES = `SELECT id, sku, name, quantity, unit_price_minor::float8 AS "unitPriceMinor", discount_minor::float8 AS "discountMinor",
  tax_minor::float8 AS "taxMinor", total_minor::float8 AS "totalMinor" FROM sales_order_line WHERE order_id = $1 ORDER BY position`;

/** Orders in PostgreSQL: one row, its lines, its timeline; events to the outbox in the same transaction. */
@Injectable()
export class SqlOrderRepository extends OrderRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  async nextNumber(at: Date): Promise<string> {
    const [{ n }] = await this.uow.manager.query(`SELECT nextval('sales_order_number_seq')::text AS n`);
    const day = at.toISOString().slice(0, 10).replace(/-/g, '');
    return `SO-${day}-${n.padStart(6, '0')}`;
  }

  async getForUpdate(id: string): Promise<Order> {
    const m = this.uow.manager;
    const [row] = await m.query(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundError('Order', id);
    const lines = await m.query(LINES, [id]);
    return Order.rehydrate({ ...row, lines } as OrderSnapshot);
  }

  async findByExternalId(channelId: string, externalId: string): Promise<string | undefined> {
    const [row] = await this.uow.manager.query(`SELECT id FROM sales_order WHERE channel_id = $1 AND external_id = $2`, [channelId, externalId]);
    return row?.id;
  }

  async insert(order: Order): Promise<void> {
    const s = order.snapshot;
    await this.uow.manager.query(
      `INSERT INTO sales_order (id, number, channel_id, external_id, external_number, status, flags, open_flags,
         subtotal_minor, shipping_fee_minor, discount_minor, tax_minor, total_minor, currency,
         customer_id, customer_name, customer_phone, customer_email, shipping_address, payment, payment_status, paid_at,
         delivery, buyer_remark, seller_remark, tags, priority, warehouse_id, warehouse_ids, parent_id, created_at, audit,
         approved_at, allocation_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
               $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34)`,
      [s.id, s.number, s.channelId, s.externalId, s.externalNumber, s.status, JSON.stringify(s.flags), openFlags(s),
        s.subtotalMinor, s.shippingFeeMinor, s.discountMinor, s.taxMinor, s.totalMinor, s.currency,
        s.customer.customerId ?? null, s.customer.name, s.customer.phone, s.customer.email ?? null, JSON.stringify(s.shippingAddress),
        JSON.stringify(s.payment), s.payment.status, s.payment.paidAt, JSON.stringify(s.delivery), s.buyerRemark, s.sellerRemark,
        s.tags, s.priority, s.warehouseIds[0] ?? null, s.warehouseIds, s.parentId, s.createdAt, s.audit ? JSON.stringify(s.audit) : null,
        s.approvedAt ?? null, s.allocationSequence ?? 0],
    );
    await this.writeLines(s);
    await this.publish(order);
  }

  async save(order: Order): Promise<void> {
    const s = order.snapshot;
    await this.uow.manager.query(
      `UPDATE sales_order SET status = $2, flags = $3, open_flags = $4, subtotal_minor = $5, shipping_fee_minor = $6,
         discount_minor = $7, tax_minor = $8, total_minor = $9, customer_id = $10, customer_name = $11, customer_phone = $12,
         customer_email = $13, shipping_address = $14, payment = $15, payment_status = $16, paid_at = $17, delivery = $18,
         buyer_remark = $19, seller_remark = $20, tags = $21, priority = $22, warehouse_id = $23, warehouse_ids = $24, audit = $25, merged_into_id = $26,
         approved_at = $27, allocation_sequence = $28,
         shipped_at = CASE WHEN $2 IN ('partially_shipped', 'shipped') THEN coalesce(shipped_at, now()) ELSE shipped_at END,
         updated_at = now(), version = version + 1
       WHERE id = $1`,
      [s.id, s.status, JSON.stringify(s.flags), openFlags(s), s.subtotalMinor, s.shippingFeeMinor, s.discountMinor, s.taxMinor,
        s.totalMinor, s.customer.customerId ?? null, s.customer.name, s.customer.phone, s.customer.email ?? null,
        JSON.stringify(s.shippingAddress), JSON.stringify(s.payment), s.payment.status, s.payment.paidAt, JSON.stringify(s.delivery),
        s.buyerRemark, s.sellerRemark, s.tags, s.priority, s.warehouseIds[0] ?? null, s.warehouseIds, s.audit ? JSON.stringify(s.audit) : null, s.mergedIntoId ?? null,
        s.approvedAt ?? null, s.allocationSequence ?? 0],
    );
    await this.uow.manager.query(`DELETE FROM sales_order_line WHERE order_id = $1`, [s.id]);
    await this.writeLines(s);
    await this.publish(order);
  }

  private async writeLines(s: OrderSnapshot): Promise<void> {
    for (const [position, l] of s.lines.entries()) {
      await this.uow.manager.query(
        `INSERT INTO sales_order_line (order_id, id, position, sku, name, quantity, unit_price_minor, discount_minor, tax_minor, total_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [s.id, l.id, position, l.sku, l.name, l.quantity, l.unitPriceMinor, l.discountMinor, l.taxMinor, l.totalMinor],
      );
    }
  }

  /** The events go to the timeline and to the outbox, in this transaction. */
  private async publish(order: Order): Promise<void> {
    const events = order.pullEvents();
    for (const e of events) await this.timeline(e);
    await this.outbox.append(events);
  }

  private async timeline(e: DomainEvent): Promise<void> {
    const { orderId, from, to, ...details } = e.payload as { orderId: string; from: string | null; to: string } & Record<string, unknown>;
    await this.uow.manager.query(
      `INSERT INTO sales_order_event (id, order_id, at, type, actor_kind, actor_id, from_status, to_status, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.id, orderId, e.occurredAt, e.type, e.actorId ? 'user' : 'system', e.actorId, from, to, JSON.stringify(details)],
    );
  }
}

function openFlags(s: OrderSnapshot): string[] {
  return [...new Set(s.flags.filter((f) => !f.resolvedAt).map((f) => f.code))];
}

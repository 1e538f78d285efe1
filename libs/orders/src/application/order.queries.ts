import { Injectable } from '@nestjs/common';
import { maskEmail, maskPhone, readAccess, requireResource, type ResourceDefinition, UnitOfWork } from '@oms/core';
import { availableActions, ORDER_STATUSES, type OrderStatus } from '../domain/order.transitions.js';

/**
 * The orders list. Every filter is backed by an index (see the orders migration); the subject
 * makes the simple-rest layer add the caller's row scope and field rules.
 */
export const ORDERS: ResourceDefinition = {
  resource: 'orders',
  subject: 'Order',
  from: 'sales_order o',
  idColumn: 'o.id',
  fields: {
    id: 'o.id',
    number: 'o.number',
    channelId: 'o.channel_id',
    externalId: 'o.external_id',
    externalNumber: 'o.external_number',
    status: 'o.status',
    flags: 'o.flags',
    openFlags: 'o.open_flags',
    subtotalMinor: 'o.subtotal_minor::float8',
    shippingFeeMinor: 'o.shipping_fee_minor::float8',
    discountMinor: 'o.discount_minor::float8',
    taxMinor: 'o.tax_minor::float8',
    totalMinor: 'o.total_minor::float8',
    currency: 'o.currency',
    customerId: 'o.customer_id',
    customerName: 'o.customer_name',
    customerPhone: 'o.customer_phone',
    customerEmail: 'o.customer_email',
    shippingAddress: 'o.shipping_address',
    payment: 'o.payment',
    paidAt: 'o.paid_at',
    delivery: 'o.delivery',
    buyerRemark: 'o.buyer_remark',
    sellerRemark: 'o.seller_remark',
    tags: 'o.tags',
    priority: 'o.priority',
    warehouseId: 'o.warehouse_id',
    warehouseIds: 'o.warehouse_ids',
    parentId: 'o.parent_id',
    approvedAt: 'o.approved_at',
    mergedIntoId: 'o.merged_into_id',
    audit: 'o.audit',
    shippedAt: 'o.shipped_at',
    createdAt: 'o.created_at',
    updatedAt: 'o.updated_at',
  },
  sortable: ['createdAt', 'number', 'totalMinor', 'paidAt', 'status', 'priority'],
  nullable: ['paidAt', 'warehouseId', 'channelId', 'customerEmail'],
  columnTypes: {
    id: 'uuid',
    number: 'text',
    channelId: 'uuid',
    status: 'text',
    totalMinor: 'numeric',
    currency: 'text',
    customerPhone: 'text',
    customerEmail: 'text',
    customerName: 'text',
    warehouseId: 'uuid',
    warehouseIds: 'list',
    tags: 'list',
    openFlags: 'list',
    createdAt: 'timestamptz',
    paidAt: 'timestamptz',
    priority: 'integer',
  },
  masks: { customerPhone: maskPhone, customerEmail: maskEmail },
  filters: {
    q: { kind: 'search', columns: ['o.number', 'o.external_id', 'o.external_number', 'o.customer_phone', 'o.customer_name', 'o.customer_email'] },
    number: { kind: 'eq', column: 'o.number' },
    externalNumber: { kind: 'eq', column: 'o.external_number' },
    // However the phone was written or is typed (see the order phone key migration).
    customerPhone: { kind: 'match', sql: (p) => `order_phone_key(o.customer_phone) = order_phone_key(${p}::text)` },
    customerName: { kind: 'search', columns: ['o.customer_name'] },
    customerEmail: { kind: 'match', sql: (p) => `lower(o.customer_email) = lower(${p}::text)` },
    status: { kind: 'eq', column: 'o.status', values: [...ORDER_STATUSES] },
    channelId: { kind: 'eq', column: 'o.channel_id', uuid: true },
    // Any warehouse shipping part of the order, not only the main one.
    warehouseId: { kind: 'contains', column: 'o.warehouse_ids', items: 'uuid' },
    createdAt: { kind: 'date', column: 'o.created_at' },
    paidAt: { kind: 'date', column: 'o.paid_at' },
    shippedAt: { kind: 'date', column: 'o.shipped_at' },
    totalMinor: { kind: 'number', column: 'o.total_minor' },
    tag: { kind: 'contains', column: 'o.tags', items: 'text' },
    flag: { kind: 'contains', column: 'o.open_flags', items: 'text' },
    hasException: { kind: 'bool', column: `(cardinality(o.open_flags) > 0)` },
    sku: { kind: 'match', sql: (p) => `EXISTS (SELECT 1 FROM sales_order_line l WHERE l.order_id = o.id AND lower(l.sku) = lower(${p}))` },
  },
  defaultSort: ['createdAt', 'DESC'],
};

/** Whether the caller's read rules on orders have no conditions (or there is no caller: the system). */
export function seesEveryOrder(): boolean {
  return readAccess(ORDERS).scope.sql === 'TRUE';
}

export interface TimelineEntry {
  id: string;
  at: string;
  type: string;
  actorKind: 'user' | 'system' | 'channel';
  actorId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  details: Record<string, unknown>;
}

/** What the order page and the status tabs read. */
@Injectable()
export class OrderQueries {
  constructor(private readonly uow: UnitOfWork) {}

  /** One order as the caller may see it, with its lines and the actions its status allows. */
  async get(id: string): Promise<Record<string, unknown>> {
    const order = await requireResource<Record<string, unknown> & { status: OrderStatus }>(this.uow.manager, ORDERS, id, 'Order');
    const lines = await this.uow.manager.query(
      `SELECT id, sku, name, quantity, unit_price_minor::float8 AS "unitPriceMinor", discount_minor::float8 AS "discountMinor",
              tax_minor::float8 AS "taxMinor", total_minor::float8 AS "totalMinor"
       FROM sales_order_line WHERE order_id = $1 ORDER BY position`,
      [id],
    );
    return { ...order, lines, actions: availableActions(order.status) };
  }

  /** Every event of the order, oldest first, with who did it. */
  async timeline(id: string): Promise<TimelineEntry[]> {
    await requireResource(this.uow.manager, ORDERS, id, 'Order');
    return this.uow.manager.query(
      `SELECT id, at, type, actor_kind AS "actorKind", actor_id AS "actorId", from_status AS "fromStatus", to_status AS "toStatus", details
       FROM sales_order_event WHERE order_id = $1 ORDER BY at, id`,
      [id],
    );
  }

  /**
   * Orders per status that the caller may see. Everyone who sees every order reads the counter
   * rows kept by trigger (no scan); a scoped reader (warehouse staff, a channel's staff) counts
   * their own orders, through the index their scope uses.
   */
  async statusCounts(): Promise<Record<OrderStatus, number>> {
    const { scope } = readAccess(ORDERS);
    const rows: { status: OrderStatus; count: number }[] =
      seesEveryOrder()
        ? await this.uow.manager.query(`SELECT status, sum(count)::int AS count FROM sales_order_status_count GROUP BY status`)
        : await this.uow.manager.query(`SELECT o.status, count(*)::int AS count FROM sales_order o WHERE ${scope.sql} GROUP BY o.status`, scope.params);
    return Object.fromEntries(ORDER_STATUSES.map((s) => [s, rows.find((r) => r.status === s)?.count ?? 0])) as Record<OrderStatus, number>;
  }
}

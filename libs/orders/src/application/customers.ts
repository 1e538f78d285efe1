import { Injectable } from '@nestjs/common';
import { newId, requireResource, type ResourceDefinition, UnitOfWork, maskEmail, maskPhone } from '@oms/core';
import { normalizePhone } from '../domain/audit/phone.js';

export const CUSTOMERS: ResourceDefinition = {
  resource: 'customers',
  subject: 'Customer',
  from: 'customer c',
  idColumn: 'c.id',
  fields: {
    id: 'c.id',
    channelId: 'c.channel_id',
    name: 'c.name',
    phone: 'c.phone',
    email: 'c.email',
    orderCount: 'c.order_count',
    totalSpentMinor: 'c.total_spent_minor::float8',
    currency: 'c.currency',
    firstOrderAt: 'c.first_order_at',
    lastOrderAt: 'c.last_order_at',
    createdAt: 'c.created_at',
  },
  sortable: ['lastOrderAt', 'orderCount', 'totalSpentMinor', 'name', 'createdAt'],
  nullable: ['lastOrderAt', 'firstOrderAt', 'email'],
  columnTypes: { id: 'uuid', channelId: 'uuid', name: 'text', phone: 'text', email: 'text', orderCount: 'integer', createdAt: 'timestamptz' },
  masks: { phone: maskPhone, email: maskEmail },
  filters: {
    q: { kind: 'search', columns: ['c.name', 'c.phone', 'c.email'] },
    phone: { kind: 'eq', column: 'c.phone' },
    channelId: { kind: 'eq', column: 'c.channel_id', uuid: true },
  },
  defaultSort: ['lastOrderAt', 'DESC'],
};

/**
 * Customers are built from orders: an order's customer is the one of its channel with the same
 * phone, or else the same email; a new one otherwise. Their figures count orders that were not
 * cancelled or rejected.
 */
@Injectable()
export class Customers {
  constructor(private readonly uow: UnitOfWork) {}

  /** The customer of a new order (found or created), with the order counted. */
  async forNewOrder(order: {
    channelId: string;
    country: string;
    name: string;
    phone: string;
    email?: string | null;
    totalMinor: number;
    currency: string;
    at: string;
  }): Promise<string> {
    const m = this.uow.manager;
    const phone = normalizePhone(order.phone, order.country) || order.phone.trim();
    let [found] = await m.query(`SELECT id FROM customer WHERE channel_id = $1 AND phone = $2`, [order.channelId, phone]);
    if (!found && order.email) {
      [found] = await m.query(`SELECT id FROM customer WHERE channel_id = $1 AND lower(email) = lower($2) ORDER BY created_at LIMIT 1`, [order.channelId, order.email]);
    }
    const [row] = found
      ? [found]
      : await m.query(
          // Two first orders of one customer at once: the second finds the first's row.
          `INSERT INTO customer (id, channel_id, name, phone, email, currency) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (channel_id, phone) DO UPDATE SET updated_at = now() RETURNING id`,
          [newId(), order.channelId, order.name, phone, order.email ?? null, order.currency],
        );
    await m.query(
      `UPDATE customer SET order_count = order_count + 1, total_spent_minor = total_spent_minor + $2,
         first_order_at = LEAST(coalesce(first_order_at, $3), $3), last_order_at = GREATEST(coalesce(last_order_at, $3), $3),
         name = $4, email = coalesce($5, email), updated_at = now()
       WHERE id = $1`,
      [row.id, order.totalMinor, order.at, order.name, order.email ?? null],
    );
    return row.id;
  }

  /** An order of theirs was cancelled or rejected: it no longer counts. */
  async orderDropped(customerId: string | null | undefined, totalMinor: number): Promise<void> {
    await this.adjust(customerId, -1, -totalMinor);
  }

  /**
   * Their orders changed: `orders` more (orders split off one of theirs) or fewer, and `totalMinor`
   * more or less spent (lines changed). Applied as a change to the row, so two orders of one
   * customer changing at once both count.
   */
  async adjust(customerId: string | null | undefined, orders: number, totalMinor: number): Promise<void> {
    if (!customerId || (orders === 0 && totalMinor === 0)) return;
    await this.uow.manager.query(
      `UPDATE customer SET order_count = greatest(order_count + $2, 0), total_spent_minor = greatest(total_spent_minor + $3, 0), updated_at = now()
       WHERE id = $1`,
      [customerId, orders, totalMinor],
    );
  }

  /** A customer with their latest orders. */
  async get(id: string): Promise<Record<string, unknown>> {
    const customer = await requireResource(this.uow.manager, CUSTOMERS, id, 'Customer');
    const orders = await this.uow.manager.query(
      `SELECT id, number, status, total_minor::float8 AS "totalMinor", currency, created_at AS "createdAt"
       FROM sales_order WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [id],
    );
    return { ...customer, orders };
  }
}

import { Injectable } from '@nestjs/common';
import { ProductsService } from '@oms/catalog';
import { assertAllowed, AuditTrail, newId, RequestContext, UnitOfWork } from '@oms/core';
import type { Actor } from '../domain/order.aggregate.js';
import { UnknownChannelError } from '../domain/order.errors.js';
import { Order } from '../domain/order.aggregate.js';
import type { Address } from '../domain/order.types.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/payment-methods.js';
import { MANUAL_CHANNEL_ID } from '../domain/channels.js';
import { Customers } from './customers.js';
import { OrderAuditService } from './order-audit.service.js';
import { OrderRepository } from './ports/order.repository.js';

export interface CreateOrderInput {
  channel?: string;
  externalId?: string;
  externalNumber?: string;
  customer: { name: string; phone: string; email?: string };
  shippingAddress: Address;
  lines: { sku: string; quantity: number; unitPriceMinor: number; discountMinor?: number; taxMinor?: number }[];
  currency: string;
  shippingFeeMinor?: number;
  payment: { method: string; status: 'paid' | 'pending'; paidAmountMinor?: number; reference?: string };
  remark?: string;
  tags?: string[];
}

/** The order commands: each loads the order under lock, lets it decide, saves it with its events, audited. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly products: ProductsService,
    private readonly audit: AuditTrail,
    private readonly auditor: OrderAuditService,
    private readonly customers: Customers,
  ) {}

  /** Manual entry (and channel intake): totals are computed; the same channel order twice is one order. */
  async create(input: CreateOrderInput): Promise<{ id: string; created: boolean }> {
    const channelId = input.channel?.toLowerCase() ?? MANUAL_CHANNEL_ID;
    assertAllowed('create', 'Order', { channelId });
    const known = await this.products.findManyBySku(input.lines.map((l) => l.sku));
    const method = PAYMENT_METHODS[input.payment.method as PaymentMethod];
    return this.uow.run(async (m) => {
      const [channel] = await m.query(`SELECT active FROM sales_channel WHERE id = $1`, [channelId]);
      if (!channel?.active) throw new UnknownChannelError(channelId);
      if (input.externalId) {
        const existing = await this.orders.findByExternalId(channelId, input.externalId);
        if (existing) return { id: existing, created: false };
      }
      const actor = actorNow();
      const id = newId();
      const order = Order.create(
        {
          id,
          number: await this.orders.nextNumber(new Date(actor.at)),
          channelId,
          externalId: input.externalId ?? null,
          externalNumber: input.externalNumber ?? null,
          currency: input.currency,
          customer: input.customer,
          shippingAddress: input.shippingAddress,
          lines: input.lines.map((l, i) => {
            const product = known.find((p) => p.sku.toLowerCase() === l.sku.toLowerCase());
            return { ...l, id: String(i + 1), sku: product?.sku ?? l.sku, name: product?.name ?? l.sku };
          }),
          shippingFeeMinor: input.shippingFeeMinor,
          payment: { ...input.payment, instant: method?.instant ?? true },
          buyerRemark: input.remark ?? null,
          tags: input.tags,
        },
        actor,
      );
      // The automatic audit runs on intake (once paid, or for methods that settle later), in the same transaction.
      if (order.status === 'pending_review') await this.auditor.audit(order, { id: null, at: actor.at });
      const s = order.snapshot;
      order.linkCustomer(
        await this.customers.forNewOrder({
          channelId,
          country: s.shippingAddress.country,
          name: s.customer.name,
          phone: s.customer.phone,
          email: s.customer.email,
          totalMinor: s.totalMinor,
          currency: s.currency,
          at: s.createdAt,
        }),
      );
      await this.orders.insert(order);
      await this.audit.record({ action: 'order.create', entityType: 'Order', entityId: id, after: order.snapshot });
      return { id, created: true };
    });
  }

  confirmPayment(id: string, input: { paidAmountMinor?: number; reference?: string }) {
    return this.act(id, 'update', 'order.confirm-payment', (o, a) => o.confirmPayment(input, a), input, true);
  }

  approve(id: string, reason?: string) {
    return this.act(id, 'approve', 'order.approve', (o, a) => o.approve(reason, a), { reason });
  }

  reject(id: string, reason: string) {
    return this.act(id, 'reject', 'order.reject', (o, a) => o.reject(reason, a), { reason });
  }

  hold(id: string, reason: string) {
    return this.act(id, 'hold', 'order.hold', (o, a) => o.hold(reason, a), { reason });
  }

  release(id: string) {
    return this.act(id, 'hold', 'order.release', (o, a) => o.release(a), {}, true);
  }

  cancel(id: string, reason: string) {
    return this.act(id, 'cancel', 'order.cancel', (o, a) => o.cancel(reason, a), { reason });
  }

  updateAddress(id: string, address: Address) {
    return this.act(id, 'update', 'order.update-address', (o, a) => o.updateAddress(address, a), { address }, true);
  }

  async updateLines(id: string, lines: CreateOrderInput['lines']) {
    const known = await this.products.findManyBySku(lines.map((l) => l.sku));
    const priced = lines.map((l, i) => {
      const product = known.find((p) => p.sku.toLowerCase() === l.sku.toLowerCase());
      return { ...l, id: String(i + 1), sku: product?.sku ?? l.sku, name: product?.name ?? l.sku };
    });
    return this.act(id, 'update', 'order.update-lines', (o, a) => o.updateLines(priced, a), { lines }, true);
  }

  addRemark(id: string, remark: string) {
    return this.act(id, 'update', 'order.add-remark', (o) => o.addRemark(remark), { remark });
  }

  setTags(id: string, tags: string[]) {
    return this.act(id, 'update', 'order.tags', (o) => o.setTags(tags), { tags });
  }

  /** One command on one order: lock, check the caller may act on it, decide, save, audit. */
  private act(
    id: string,
    permission: 'update' | 'approve' | 'reject' | 'hold' | 'cancel',
    action: string,
    change: (order: Order, actor: Actor) => void,
    details: Record<string, unknown>,
    reaudit = false,
  ): Promise<{ id: string; status: string }> {
    return this.uow.run(async () => {
      const order = await this.orders.getForUpdate(id);
      const before = structuredClone(order.snapshot);
      assertAllowed(permission, 'Order', { id, channelId: before.channelId, warehouseId: before.warehouseIds[0] ?? null, status: before.status });
      const actor = actorNow();
      change(order, actor);
      // The order's data changed (or it is back in review): the audit runs again.
      if (reaudit && ['pending_review', 'on_hold'].includes(order.status)) {
        await this.auditor.audit(order, { id: null, at: actor.at });
      }
      const dropped = ['cancelled', 'rejected'];
      if (dropped.includes(order.status) && !dropped.includes(before.status)) {
        await this.customers.orderDropped(before.customer.customerId, before.totalMinor);
      }
      await this.orders.save(order);
      await this.audit.record({ action, entityType: 'Order', entityId: id, before, after: order.snapshot, details });
      return { id, status: order.status };
    });
  }
}

function actorNow(): Actor {
  return { id: RequestContext.current()?.user?.id ?? null, at: new Date().toISOString() };
}

import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ProductsService } from '@oms/catalog';
import { AllocateOrderCommand, type AllocationRecord, AllocationService, ConsumeOrderStockCommand, OverrideAllocationCommand } from '@oms/inventory';
import { assertAllowed, AuditTrail, findResource, newId, NotFoundError, RequestContext, UnitOfWork } from '@oms/core';
import type { Actor } from '../domain/order.aggregate.js';
import { IllegalTransitionError, InvalidOrderError, UnknownChannelError } from '../domain/order.errors.js';
import { canTransition } from '../domain/order.transitions.js';
import { Order } from '../domain/order.aggregate.js';
import type { Address } from '../domain/order.types.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/payment-methods.js';
import { MANUAL_CHANNEL_ID } from '../domain/channels.js';
import { Customers } from './customers.js';
import { OrderAuditService } from './order-audit.service.js';
import { ORDERS, seesEveryOrder } from './order.queries.js';
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
  delivery?: { preferredCarrier?: string; promisedDate?: string; instructions?: string };
  priority?: number;
  /** When the customer placed it, for orders taken in later (channel intake, demo data); now otherwise. */
  placedAt?: string;
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
    private readonly commands: CommandBus,
    private readonly allocations: AllocationService,
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
      const actor = input.placedAt ? { ...actorNow(), at: input.placedAt } : actorNow();
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
          delivery: input.delivery,
          priority: input.priority,
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

  /** Hands the order to its warehouse (by hand until the warehouse integration does it). */
  startFulfillment(id: string) {
    return this.act(id, 'update', 'order.start-fulfillment', (o, a) => o.startFulfillment(a), {});
  }

  /**
   * Confirms the shipment (carrier and tracking number): what the order holds leaves the
   * warehouse in the same transaction; the order is shipped, or partially shipped while some of it
   * still waits for stock.
   */
  ship(id: string, input: { carrier: string; trackingNumber: string }) {
    return this.uow.run(async () => {
      const current = await this.allocations.current(id);
      const result = await this.act(id, 'ship', 'order.ship', (o, a) => o.ship({ ...input, complete: current?.status === 'allocated' }, a), input);
      await this.commands.execute(new ConsumeOrderStockCommand(id, actorNow().id));
      return result;
    });
  }

  recordDelivery(id: string) {
    return this.act(id, 'update', 'order.deliver', (o, a) => o.recordDelivery(a), {});
  }

  complete(id: string) {
    return this.act(id, 'update', 'order.complete', (o, a) => o.complete(a), {});
  }

  confirmCancel(id: string) {
    return this.act(id, 'cancel', 'order.confirm-cancel', (o, a) => o.confirmCancel(a), {});
  }

  refuseCancel(id: string, reason: string) {
    return this.act(id, 'cancel', 'order.refuse-cancel', (o, a) => o.refuseCancel(reason, a), { reason });
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
    return this.act(id, 'update', 'order.add-remark', (o, a) => o.addRemark(remark, a), { remark });
  }

  setTags(id: string, tags: string[]) {
    return this.act(id, 'update', 'order.tags', (o, a) => o.setTags(tags, a), { tags });
  }

  /** Splits parts (lines and quantities) off into child orders; this order keeps the rest. */
  split(id: string, parts: { lineId: string; quantity: number }[][]): Promise<{ id: string; children: string[] }> {
    return this.uow.run(async () => {
      const order = await this.lockVisible(id);
      const before = structuredClone(order.snapshot);
      assertAllowed('update', 'Order', scopeOf(before));
      const actor = actorNow();
      const ids = [];
      for (let i = 0; i < parts.length; i++) ids.push({ id: newId(), number: await this.orders.nextNumber(new Date(actor.at)) });
      const children = order.splitOff(parts, ids, actor);
      // The customer has more orders now; together they cost what the one did.
      await this.customers.adjust(before.customer.customerId, children.length, 0);
      for (const child of children) await this.orders.insert(child);
      // Fewer items: the audit runs again on what the order keeps (its parts keep its flags).
      await this.auditAgain(order, actor);
      await this.orders.save(order);
      await this.audit.record({ action: 'order.split', entityType: 'Order', entityId: id, before, after: order.snapshot, details: { parts, children: ids } });
      return { id, children: ids.map((c) => c.id) };
    });
  }

  /** Merges other orders of the same customer, address and channel into this one; they are cancelled as merged. */
  merge(id: string, orderIds: string[]): Promise<{ id: string; status: string }> {
    return this.uow.run(async () => {
      const all = [...new Set([id, ...orderIds])].sort();
      if (all.length < 2) throw new InvalidOrderError('Name at least one other order to merge', 'orderIds');
      // Locked in one order, so two merges of the same orders never wait on each other.
      const locked = new Map<string, Order>();
      for (const orderId of all) locked.set(orderId, await this.lockVisible(orderId));
      const target = locked.get(id)!;
      const others = all.filter((o) => o !== id).map((o) => locked.get(o)!);
      for (const o of [target, ...others]) assertAllowed('update', 'Order', scopeOf(o.snapshot));
      const before = structuredClone(target.snapshot);
      const actor = actorNow();
      target.absorb(others, actor);
      for (const o of others) {
        await this.customers.orderDropped(o.snapshot.customer.customerId, 0);
        await this.orders.save(o);
      }
      // More items: the audit runs again on the merged order.
      await this.auditAgain(target, actor);
      await this.orders.save(target);
      await this.audit.record({ action: 'order.merge', entityType: 'Order', entityId: id, before, after: target.snapshot, details: { orderIds } });
      return { id, status: target.status };
    });
  }

  /**
   * An operator's allocation: a warehouse for the whole order, or warehouses and quantities per
   * line; checked by inventory against stock and the operator's warehouses.
   */
  allocate(id: string, input: { warehouseId?: string; lines?: { lineId: string; warehouseId: string; quantity: number }[] }) {
    return this.uow.run(async () => {
      const order = await this.lockVisible(id);
      const s = order.snapshot;
      assertAllowed('allocate', 'Order', scopeOf(s));
      if (!['approved', 'partially_allocated', 'backordered'].includes(s.status)) {
        throw new IllegalTransitionError(s.number, s.status, 'record_allocation');
      }
      const picks = input.lines ?? (input.warehouseId ? s.lines.map((l) => ({ lineId: l.id, warehouseId: input.warehouseId!, quantity: l.quantity })) : []);
      if (!picks.length) throw new InvalidOrderError('Give a warehouse for the whole order, or lines', 'warehouseId');
      const actorId = actorNow().id;
      let record: AllocationRecord;
      if ((await this.allocations.history(id)).length) {
        record = await this.commands.execute(new OverrideAllocationCommand(id, picks, actorId));
      } else {
        record = await this.commands.execute(
          new AllocateOrderCommand(
            {
              orderId: id,
              channelId: s.channelId,
              paidAt: s.payment.paidAt,
              shipTo: { country: s.shippingAddress.country, province: s.shippingAddress.province, city: s.shippingAddress.city },
              lines: s.lines.map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity })),
              picks,
            },
            actorId,
          ),
        );
        // The engine got there first: the operator's picks replace its choice.
        if (record.trigger !== 'manual') record = await this.commands.execute(new OverrideAllocationCommand(id, picks, actorId));
      }
      const status = record.status as 'allocated' | 'partially_allocated' | 'backordered';
      if (canTransition(s.status, 'record_allocation', status)) {
        const current = await this.allocations.current(id);
        order.recordAllocation(status, record, current?.warehouseIds ?? record.shipments.map((x) => x.warehouseId), actorNow());
        await this.orders.save(order);
      }
      await this.audit.record({ action: 'order.allocate', entityType: 'Order', entityId: id, details: { picks, allocationId: record.id } });
      return { id, status: order.status };
    });
  }

  /**
   * Locks the order. One the caller may not see is not found, for acting on it as for reading it:
   * a refusal would tell them it exists.
   */
  private async lockVisible(id: string): Promise<Order> {
    const order = await this.orders.getForUpdate(id);
    if (!seesEveryOrder() && !(await findResource(this.uow.manager, ORDERS, id, { raw: true }))) throw new NotFoundError('Order', id);
    return order;
  }

  /**
   * The order's data changed: the audit (the system's) runs again while the order is in review
   * or on hold; what it no longer raises, `actor` fixed.
   */
  private async auditAgain(order: Order, actor: Actor): Promise<void> {
    if (['pending_review', 'on_hold'].includes(order.status)) await this.auditor.audit(order, { id: null, at: actor.at }, actor);
  }

  /** One command on one order: lock, check the caller may act on it, decide, save, audit. */
  private act(
    id: string,
    permission: 'update' | 'approve' | 'reject' | 'hold' | 'cancel' | 'ship',
    action: string,
    change: (order: Order, actor: Actor) => void,
    details: Record<string, unknown>,
    reaudit = false,
  ): Promise<{ id: string; status: string }> {
    return this.uow.run(async () => {
      const order = await this.lockVisible(id);
      const before = structuredClone(order.snapshot);
      assertAllowed(permission, 'Order', scopeOf(before));
      const actor = actorNow();
      change(order, actor);
      // The order's data changed (or it is back in review): the audit runs again.
      if (reaudit) await this.auditAgain(order, actor);
      const dropped = ['cancelled', 'rejected'];
      if (dropped.includes(order.status) && !dropped.includes(before.status)) {
        await this.customers.orderDropped(before.customer.customerId, before.totalMinor);
      } else if (!dropped.includes(order.status)) {
        // Lines changed: what the customer spends changes with them.
        await this.customers.adjust(before.customer.customerId, 0, order.snapshot.totalMinor - before.totalMinor);
      }
      await this.orders.save(order);
      await this.audit.record({ action, entityType: 'Order', entityId: id, before, after: order.snapshot, details });
      return { id, status: order.status };
    });
  }
}

/** What an order's permission conditions may test. */
function scopeOf(s: { id: string; channelId: string; warehouseIds: string[]; status: string }) {
  return { id: s.id, channelId: s.channelId, warehouseId: s.warehouseIds[0] ?? null, status: s.status };
}

function actorNow(): Actor {
  return { id: RequestContext.current()?.user?.id ?? null, at: new Date().toISOString() };
}

import { CommandBus, EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { AllocateOrderCommand, AllocationService, OrderAllocated, ReleaseOrderStockCommand } from '@oms/inventory';
import { OrderApproved, OrderCancelled, OrderRejected } from '../../domain/events/order.events.js';
import { canTransition } from '../../domain/order.transitions.js';
import { OrderRepository } from '../ports/order.repository.js';

/*
 * The order's saga, step by step. Each handler runs in its delivery's transaction, at most once
 * per event (processed_event), and each step is idempotent in itself, so a crash between steps
 * repeats nothing visible:
 *   approved → allocate (inventory) → allocated / partially allocated / backordered
 *   stock arrives → inventory fills backorders → the order records each allocation
 *   cancelled or rejected after an approval → inventory releases the stock and drops the backorders
 * Payment confirmed → audit runs inside the confirm-payment command itself.
 *
 * An order put on hold keeps what inventory holds for it (and backorders go on filling). Approved
 * again, it takes up its allocation where it now stands; cancelled or rejected, it gives it back.
 */

/**
 * Approved: ask inventory to allocate the order, and record where its allocation stands. Asked
 * again (an order approved again after a hold), inventory answers with the allocation it made
 * the first time, which backorders may have filled since.
 */
@EventsHandler(OrderApproved)
export class AllocateApprovedOrder implements IEventHandler<OrderApproved> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly commands: CommandBus,
    private readonly allocations: AllocationService,
  ) {}

  async handle(event: OrderApproved): Promise<void> {
    const aggregate = await this.orders.getForUpdate(event.payload.orderId);
    const order = aggregate.snapshot;
    if (order.status !== 'approved') return; // cancelled or held since: nothing to allocate
    await this.commands.execute(
      new AllocateOrderCommand(
        {
          orderId: order.id,
          channelId: order.channelId,
          paidAt: order.payment.paidAt,
          shipTo: {
            country: order.shippingAddress.country,
            province: order.shippingAddress.province || undefined,
            city: order.shippingAddress.city || undefined,
            postcode: order.shippingAddress.postcode || undefined,
          },
          lines: order.lines.map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity })),
        },
        event.actorId,
      ),
    );
    const current = await this.allocations.current(order.id);
    if (!current || current.status === 'released') return;
    if (!canTransition(order.status, 'record_allocation', current.status)) return;
    const recorded = aggregate.recordAllocation(current.status, { id: current.allocationId, sequence: current.sequence }, current.warehouseIds, {
      id: null,
      at: new Date().toISOString(),
    });
    if (recorded) await this.orders.save(aggregate);
  }
}

/** Inventory allocated (or backordered) the order, now or when stock arrived: the order records it. */
@EventsHandler(OrderAllocated)
export class RecordOrderAllocation implements IEventHandler<OrderAllocated> {
  constructor(private readonly orders: OrderRepository) {}

  async handle(event: OrderAllocated): Promise<void> {
    const { orderId, allocationId, sequence, status, shipments } = event.payload;
    const order = await this.orders.getForUpdate(orderId);
    // A cancelled or held order, or one already further on, keeps its status.
    if (!canTransition(order.status, 'record_allocation', status)) return;
    const recorded = order.recordAllocation(status, { id: allocationId, sequence }, shipments.map((s) => s.warehouseId), {
      id: null,
      at: event.occurredAt.toISOString(),
    });
    if (recorded) await this.orders.save(order);
  }
}

/** Cancelled: inventory gives back what the order held and stops waiting for stock for it. */
@EventsHandler(OrderCancelled)
export class ReleaseCancelledOrderStock implements IEventHandler<OrderCancelled> {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: OrderCancelled): Promise<void> {
    // Also from `approved`: an allocation may be on its way, and a release makes it reserve nothing.
    if (!mayHoldStock(event.payload)) return;
    await this.commands.execute(new ReleaseOrderStockCommand(event.payload.orderId, event.actorId));
  }
}

/** Rejected after an approval (held, then rejected): inventory gives back what it held. */
@EventsHandler(OrderRejected)
export class ReleaseRejectedOrderStock implements IEventHandler<OrderRejected> {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: OrderRejected): Promise<void> {
    if (!event.payload.mayHoldStock) return;
    await this.commands.execute(new ReleaseOrderStockCommand(event.payload.orderId, event.actorId));
  }
}

/** Events written before `mayHoldStock` existed: only orders past review could hold stock. */
function mayHoldStock(payload: OrderCancelled['payload']): boolean {
  if (payload.mayHoldStock !== undefined) return payload.mayHoldStock;
  return !['pending_payment', 'pending_review', 'on_hold'].includes(payload.from ?? '');
}

export const ORDER_SAGA_HANDLERS = [AllocateApprovedOrder, RecordOrderAllocation, ReleaseCancelledOrderStock, ReleaseRejectedOrderStock];

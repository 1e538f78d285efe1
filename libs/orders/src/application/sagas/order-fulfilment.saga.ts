import { CommandBus, EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { AllocateOrderCommand, OrderAllocated, ReleaseOrderStockCommand } from '@oms/inventory';
import { OrderApproved, OrderCancelled } from '../../domain/events/order.events.js';
import { canTransition } from '../../domain/order.transitions.js';
import { OrderRepository } from '../ports/order.repository.js';

/*
 * The order's saga, step by step. Each handler runs in its delivery's transaction, at most once
 * per event (processed_event), and each step is idempotent in itself, so a crash between steps
 * repeats nothing visible:
 *   approved → allocate (inventory) → allocated / partially allocated / backordered
 *   stock arrives → inventory fills backorders → the order records each allocation
 *   cancelled → inventory releases the stock and drops the backorders
 * Payment confirmed → audit runs inside the confirm-payment command itself.
 */

/** Approved: ask inventory to allocate the order. Allocating an order twice returns the first allocation. */
@EventsHandler(OrderApproved)
export class AllocateApprovedOrder implements IEventHandler<OrderApproved> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly commands: CommandBus,
  ) {}

  async handle(event: OrderApproved): Promise<void> {
    const order = (await this.orders.getForUpdate(event.payload.orderId)).snapshot;
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
  }
}

/** Inventory allocated (or backordered) the order, now or when stock arrived: the order records it. */
@EventsHandler(OrderAllocated)
export class RecordOrderAllocation implements IEventHandler<OrderAllocated> {
  constructor(private readonly orders: OrderRepository) {}

  async handle(event: OrderAllocated): Promise<void> {
    const { orderId, allocationId, status, shipments } = event.payload;
    const order = await this.orders.getForUpdate(orderId);
    // A cancelled order, or one already further on, keeps its status.
    if (!canTransition(order.status, 'record_allocation', status)) return;
    order.recordAllocation(status, allocationId, shipments.map((s) => s.warehouseId), { id: null, at: event.occurredAt.toISOString() });
    await this.orders.save(order);
  }
}

/** Cancelled: inventory gives back what the order held and stops waiting for stock for it. */
@EventsHandler(OrderCancelled)
export class ReleaseCancelledOrderStock implements IEventHandler<OrderCancelled> {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: OrderCancelled): Promise<void> {
    // Also from `approved`: an allocation may be on its way, and a release makes it reserve nothing.
    if (event.payload.from === 'pending_payment' || event.payload.from === 'pending_review' || event.payload.from === 'on_hold') return;
    await this.commands.execute(new ReleaseOrderStockCommand(event.payload.orderId, event.actorId));
  }
}

export const ORDER_SAGA_HANDLERS = [AllocateApprovedOrder, RecordOrderAllocation, ReleaseCancelledOrderStock];

import { DomainEvent } from '@oms/core';
import type { OrderStatus } from '../order.transitions.js';
import type { Address, OrderFlag, OrderLine, Totals } from '../order.types.js';

/** What every order event carries: which order, and the move it made (if any). */
export interface OrderEventPayload {
  orderId: string;
  number: string;
  from: OrderStatus | null;
  to: OrderStatus;
  reason?: string | null;
}

abstract class OrderEvent<P extends OrderEventPayload = OrderEventPayload> extends DomainEvent<P> {}

export class OrderCreated extends OrderEvent<OrderEventPayload & { channelId: string; totalMinor: number; currency: string }> {
  static override readonly type = 'orders.order-created';
}
export class OrderPaymentConfirmed extends OrderEvent<OrderEventPayload & { paidAmountMinor: number; reference: string | null }> {
  static override readonly type = 'orders.order-payment-confirmed';
}
export class OrderAudited extends OrderEvent<OrderEventPayload & { passed: boolean; flags: OrderFlag[] }> {
  static override readonly type = 'orders.order-audited';
}
export class OrderApproved extends OrderEvent<OrderEventPayload & { approvedAnyway: boolean }> {
  static override readonly type = 'orders.order-approved';
}
export class OrderRejected extends OrderEvent<OrderEventPayload & { mayHoldStock?: boolean }> {
  static override readonly type = 'orders.order-rejected';
}
export class OrderHeld extends OrderEvent {
  static override readonly type = 'orders.order-held';
}
export class OrderReleased extends OrderEvent {
  static override readonly type = 'orders.order-released';
}
/** `mayHoldStock`: it was approved once, so inventory may hold stock for it (absent on events written before it existed). */
export class OrderCancelled extends OrderEvent<OrderEventPayload & { heldStock: boolean; mayHoldStock?: boolean }> {
  static override readonly type = 'orders.order-cancelled';
}
export class OrderAllocationRecorded extends OrderEvent<OrderEventPayload & { allocationId: string }> {
  static override readonly type = 'orders.order-allocation-recorded';
}
export class OrderAddressChanged extends OrderEvent<OrderEventPayload & { before: Address; after: Address }> {
  static override readonly type = 'orders.order-address-changed';
}
export class OrderLinesChanged extends OrderEvent<OrderEventPayload & { lines: OrderLine[]; totals: Totals }> {
  static override readonly type = 'orders.order-lines-changed';
}
export class OrderSplit extends OrderEvent<OrderEventPayload & { children: { id: string; number: string }[] }> {
  static override readonly type = 'orders.order-split';
}
export class OrderMerged extends OrderEvent<OrderEventPayload & { merged: { id: string; number: string }[] }> {
  static override readonly type = 'orders.order-merged';
}
export class OrderInFulfillment extends OrderEvent {
  static override readonly type = 'orders.order-in-fulfillment';
}
export class OrderCancelRequested extends OrderEvent {
  static override readonly type = 'orders.order-cancel-requested';
}
export class OrderCancelRefused extends OrderEvent {
  static override readonly type = 'orders.order-cancel-refused';
}
export class OrderRemarkAdded extends OrderEvent<OrderEventPayload & { remark: string }> {
  static override readonly type = 'orders.order-remark-added';
}
export class OrderTagsChanged extends OrderEvent<OrderEventPayload & { before: string[]; after: string[] }> {
  static override readonly type = 'orders.order-tags-changed';
}
/** Handed to a carrier (all that was allocated); `to` is shipped, or partially shipped while some waits for stock. */
export class OrderShipped extends OrderEvent<OrderEventPayload & { carrier: string; trackingNumber: string }> {
  static override readonly type = 'orders.order-shipped';
}
export class OrderDelivered extends OrderEvent {
  static override readonly type = 'orders.order-delivered';
}
export class OrderCompleted extends OrderEvent {
  static override readonly type = 'orders.order-completed';
}

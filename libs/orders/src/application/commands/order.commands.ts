import type { Address } from '../../domain/order.types.js';
import type { CreateOrderInput } from '../orders.service.js';

/**
 * What can be done to an order, as commands on the command bus: the admin's endpoints send them,
 * and so may other contexts (a sales channel's intake, a warehouse's answer). Each is handled by
 * one handler (order-command.handlers.ts), in one transaction with its events.
 */

/** Manual entry (or a channel's order): totals are computed; the same channel externalId twice is one order. */
export class CreateOrderCommand {
  constructor(readonly input: CreateOrderInput) {}
}

export class ConfirmPaymentCommand {
  constructor(
    readonly orderId: string,
    readonly payment: { paidAmountMinor?: number; reference?: string },
  ) {}
}

/** With open flags only with a reason ("approve anyway"). */
export class ApproveOrderCommand {
  constructor(
    readonly orderId: string,
    readonly reason?: string,
  ) {}
}

export class RejectOrderCommand {
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {}
}

export class HoldOrderCommand {
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {}
}

/** Back to review, and so to the audit. */
export class ReleaseOrderCommand {
  constructor(readonly orderId: string) {}
}

/** Until shipment; once the warehouse has the order, a request the warehouse answers. */
export class CancelOrderCommand {
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {}
}

/** Hands an allocated order to its warehouse. */
export class StartFulfillmentCommand {
  constructor(readonly orderId: string) {}
}

/** Handed to a carrier: what the order holds leaves the warehouse. */
export class ShipOrderCommand {
  constructor(
    readonly orderId: string,
    readonly shipment: { carrier: string; trackingNumber: string },
  ) {}
}

/** The carrier delivered the parcel. */
export class RecordDeliveryCommand {
  constructor(readonly orderId: string) {}
}

/** The customer confirmed receipt: the order is done. */
export class CompleteOrderCommand {
  constructor(readonly orderId: string) {}
}

/** The warehouse stopped the parcel: the requested cancellation goes through. */
export class ConfirmCancelCommand {
  constructor(readonly orderId: string) {}
}

/** The parcel could not be stopped: the order goes on. */
export class RefuseCancelCommand {
  constructor(
    readonly orderId: string,
    readonly reason: string,
  ) {}
}

export class UpdateAddressCommand {
  constructor(
    readonly orderId: string,
    readonly address: Address,
  ) {}
}

/** Before the order was ever approved. */
export class UpdateLinesCommand {
  constructor(
    readonly orderId: string,
    readonly lines: CreateOrderInput['lines'],
  ) {}
}

export class AddRemarkCommand {
  constructor(
    readonly orderId: string,
    readonly remark: string,
  ) {}
}

export class SetTagsCommand {
  constructor(
    readonly orderId: string,
    readonly tags: string[],
  ) {}
}

/** Parts (lines and quantities) become child orders linked to this one. */
export class SplitOrderCommand {
  constructor(
    readonly orderId: string,
    readonly parts: { lineId: string; quantity: number }[][],
  ) {}
}

/** Other orders of the same customer, address and channel merge into this one. */
export class MergeOrdersCommand {
  constructor(
    readonly orderId: string,
    readonly orderIds: string[],
  ) {}
}

/** An operator's allocation: a warehouse for the whole order, or warehouses and quantities per line. */
export class AllocateOrderByHandCommand {
  constructor(
    readonly orderId: string,
    readonly picks: { warehouseId?: string; lines?: { lineId: string; warehouseId: string; quantity: number }[] },
  ) {}
}

import { DomainEvent } from '@oms/core';
import type { AllocationStatus, PlannedLine, PlannedShipment } from './allocation-engine.js';

export interface OrderAllocatedPayload {
  orderId: string;
  allocationId: string;
  /** 1 for the order's first allocation, then one more per backorder fill or manual change. */
  sequence: number;
  trigger: 'order' | 'backorder' | 'manual';
  /** Where the whole order stands after this allocation. */
  status: AllocationStatus;
  /** What this allocation reserved. */
  shipments: PlannedShipment[];
  /** What the order still waits for. */
  backordered: PlannedLine[];
}

/** Stock was allocated to an order (or it was backordered): the orders context moves the order on. */
export class OrderAllocated extends DomainEvent<OrderAllocatedPayload> {
  static override readonly type = 'inventory.order-allocated';
  static override readonly version = 1;
}

export interface OrderStockReleasedPayload {
  orderId: string;
  releasedReservations: number;
  cancelledBackorders: number;
}

/** Everything an order held or waited for was given back (the order was cancelled). */
export class OrderStockReleased extends DomainEvent<OrderStockReleasedPayload> {
  static override readonly type = 'inventory.order-stock-released';
  static override readonly version = 1;
}

export interface StockArrivedPayload {
  productId: string;
  sku: string;
  warehouseId: string;
  /** Units that became available (received, returned, transferred in or released). */
  quantity: number;
}

/** Units of a SKU became available in a warehouse: backorders of that SKU may now be filled. */
export class StockArrived extends DomainEvent<StockArrivedPayload> {
  static override readonly type = 'inventory.stock-arrived';
  static override readonly version = 1;
}

export interface BackordersWaitingPayload {
  productId: string;
  sku: string;
}

/**
 * An order started waiting for a SKU. Stock that arrived in a warehouse while the order was
 * being allocated (too new for it to see) would otherwise wait for the next arrival.
 */
export class BackordersWaiting extends DomainEvent<BackordersWaitingPayload> {
  static override readonly type = 'inventory.backorders-waiting';
  static override readonly version = 1;
}

export interface BackorderFillContinuesPayload {
  productId: string;
  sku: string;
  /** The last order tried: the next try starts after it. */
  after: { orderId: string; paidAt: string; createdAt: string };
}

/** A run through a product's backorders goes on with the next waiting order, in a fresh transaction. */
export class BackorderFillContinues extends DomainEvent<BackorderFillContinuesPayload> {
  static override readonly type = 'inventory.backorder-fill-continues';
  static override readonly version = 1;
}

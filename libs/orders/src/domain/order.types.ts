import type { OrderStatus } from './order.transitions.js';

/** Shapes of an order as the domain sees it. Money is in minor units of `currency`. */

export interface Address {
  /** ISO 3166-1 alpha-2, e.g. CN. */
  country: string;
  province: string;
  city: string;
  district?: string;
  line1: string;
  line2?: string;
  postcode?: string;
}

export interface Customer {
  name: string;
  phone: string;
  email?: string;
  /** The customer record this order is linked to (matched by phone or email per channel). */
  customerId?: string | null;
}

export interface OrderLine {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxMinor: number;
  /** quantity × unit price − discount + tax. */
  totalMinor: number;
}

export type PaymentStatus = 'pending' | 'paid' | 'refunded' | 'failed';

export interface Payment {
  /** e.g. alipay, wechat_pay, bank_transfer, cash_on_delivery. */
  method: string;
  /** Whether the method settles at once (card, wallet) or must be confirmed (bank transfer, COD). */
  instant: boolean;
  status: PaymentStatus;
  paidAmountMinor: number;
  paidAt: string | null;
  reference: string | null;
}

export interface Delivery {
  preferredCarrier?: string | null;
  promisedDate?: string | null;
  instructions?: string | null;
  /** Once shipped: the parcels handed to carriers, newest last. */
  shipments?: { carrier: string; trackingNumber: string; shippedAt: string }[];
}

/** An exception raised on the order (by the audit or by staff); resolved when handled. */
export interface OrderFlag {
  code: string;
  message: string;
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** How it was resolved: fixed, approved_anyway (with a reason), rejected, cancelled. */
  resolution?: string | null;
}

export interface Totals {
  subtotalMinor: number;
  shippingFeeMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** What the audit rules and the read side see of an order. */
export interface OrderSnapshot extends Totals {
  id: string;
  number: string;
  channelId: string;
  externalId: string | null;
  externalNumber: string | null;
  status: OrderStatus;
  currency: string;
  customer: Customer;
  shippingAddress: Address;
  lines: OrderLine[];
  payment: Payment;
  delivery: Delivery;
  buyerRemark: string | null;
  sellerRemark: string | null;
  tags: string[];
  priority: number;
  flags: OrderFlag[];
  /** Warehouses shipping it (allocation), first = the main one. */
  warehouseIds: string[];
  /** The order it was split from. */
  parentId: string | null;
  /** The order it was merged into (it is then cancelled). */
  mergedIntoId?: string | null;
  /** When it was first approved: from then on inventory may hold stock for it. */
  approvedAt?: string | null;
  /** The sequence of the last allocation recorded on it (0: none). */
  allocationSequence?: number;
  /** The last automatic audit: which rules ran, with what result. */
  audit?: { ranAt: string; passed: boolean; results: unknown[] } | null;
  createdAt: string;
}

/** Orders as the API returns them (`GET /api/orders`, `/api/orders/:id`). Money is in minor units of `currency`. */

export const ORDER_STATUSES = [
  'pending_payment',
  'pending_review',
  'on_hold',
  'approved',
  'partially_allocated',
  'backordered',
  'allocated',
  'in_fulfillment',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'rejected',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The address changes until the warehouse has the order (the API says `orders.not_editable` after). */
export const ADDRESS_EDITABLE_STATUSES: readonly OrderStatus[] = [
  'pending_payment',
  'pending_review',
  'on_hold',
  'approved',
  'partially_allocated',
  'backordered',
  'allocated',
];

/** Items, split and merge: only before approval, and only for an order never approved (stock may be held for it since). */
export const COMBINABLE_STATUSES: readonly OrderStatus[] = ['pending_payment', 'pending_review', 'on_hold'];

/** Whether the order's items may still change (edit, split, merge). */
export const linesEditable = (order: Pick<Order, 'status' | 'approvedAt'>): boolean => COMBINABLE_STATUSES.includes(order.status) && !order.approvedAt;

/** Allocation by hand: an approved order the system could not (fully) allocate, or one staff wants elsewhere. */
export const ALLOCATABLE_STATUSES: readonly OrderStatus[] = ['approved', 'partially_allocated', 'backordered'];

/** The actions people take from the order page; allocation is the system's (or by hand, apart). */
export const MANUAL_ACTIONS = [
  'confirm_payment',
  'approve',
  'reject',
  'hold',
  'release',
  'start_fulfillment',
  'record_shipment',
  'record_delivery',
  'complete',
  'cancel',
] as const;
export type ManualAction = (typeof MANUAL_ACTIONS)[number];

/** The permission each action needs on the Order subject (release is the other half of hold). */
export const PERMISSION_OF: Record<ManualAction, string> = {
  confirm_payment: 'update',
  approve: 'approve',
  reject: 'reject',
  hold: 'hold',
  release: 'hold',
  start_fulfillment: 'update',
  // The warehouse confirms its shipments.
  record_shipment: 'ship',
  record_delivery: 'update',
  complete: 'update',
  cancel: 'cancel',
};

export const PAYMENT_METHODS = [
  'alipay',
  'wechat_pay',
  'unionpay',
  'card',
  'paypal',
  'balance',
  'bank_transfer',
  'cash_on_delivery',
] as const;

/** Codes an order's exceptions carry: staff's hold, then the audit rules'. */
export const FLAG_CODES = [
  'HELD',
  'ADDRESS_INCOMPLETE',
  'OUTSIDE_DELIVERY_AREA',
  'PHONE_INVALID',
  'UNKNOWN_SKU',
  'INACTIVE_SKU',
  'OUT_OF_STOCK',
  'PAYMENT_UNCONFIRMED',
  'PURCHASE_LIMIT_EXCEEDED',
  'AMOUNT_NEEDS_REVIEW',
  'BLOCK_LISTED',
  'SUSPECTED_DUPLICATE',
] as const;

/** The built-in channel of orders entered by hand; until sales channels have a screen, the only one the panel names. */
export const MANUAL_CHANNEL_ID = '019ab000-0000-7000-8000-0000000000c0';

export interface Address {
  country: string;
  province: string;
  city: string;
  district?: string;
  line1: string;
  line2?: string;
  postcode?: string;
}

/** How the order is to be delivered, as entered (manual entry) or sent by the channel. */
export interface Delivery {
  preferredCarrier?: string;
  /** The day promised to the customer, `YYYY-MM-DD`. */
  promisedDate?: string;
  instructions?: string;
  /** Parcels handed to carriers, newest last. */
  shipments?: { carrier: string; trackingNumber: string; shippedAt: string }[];
}

/** Priorities the panel names; higher is handled first (the API takes 0-100). */
export const PRIORITY_LEVELS = [
  { id: 0, name: 'normal' },
  { id: 50, name: 'high' },
  { id: 100, name: 'urgent' },
] as const;

export interface OrderFlag {
  code: string;
  message: string;
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution?: string | null;
}

export interface Payment {
  method: string;
  instant: boolean;
  status: 'pending' | 'paid' | 'refunded' | 'failed';
  paidAmountMinor: number;
  paidAt: string | null;
  reference: string | null;
}

export interface OrderLine {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface AuditResult {
  rule: string;
  passed: boolean;
  skipped?: boolean;
  /** `params`: the figures behind the exception, for its words in the interface language. */
  flags: Array<{ code: string; message?: string; params?: Record<string, unknown> }>;
}

export interface OrderAudit {
  ranAt: string;
  passed: boolean;
  results: AuditResult[];
}

export interface Order {
  id: string;
  number: string;
  channelId: string;
  externalId: string | null;
  externalNumber: string | null;
  status: OrderStatus;
  flags: OrderFlag[];
  openFlags: string[];
  subtotalMinor: number;
  shippingFeeMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  currency: string;
  /** The customer the order counts for (customers are built from orders). */
  customerId: string | null;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
  shippingAddress: Address;
  payment: Payment;
  paidAt: string | null;
  delivery?: Delivery | null;
  buyerRemark: string | null;
  sellerRemark: string | null;
  tags: string[];
  /** Higher is handled first (0-100). */
  priority: number;
  warehouseId: string | null;
  warehouseIds: string[];
  /** The order it was split off from. */
  parentId: string | null;
  /** When it was first approved; from then on its items no longer change. */
  approvedAt?: string | null;
  /** The order it was merged into (it is then cancelled). */
  mergedIntoId: string | null;
  shippedAt?: string | null;
  createdAt: string;
  updatedAt: string;
  /** The order page only. */
  lines?: OrderLine[];
  actions?: string[];
  audit?: OrderAudit | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  type: string;
  actorKind: 'user' | 'system' | 'channel';
  actorId: string | null;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  details: Record<string, unknown>;
}

export interface ConsideredWarehouse {
  warehouseId: string;
  code: string;
  eligible: boolean;
  excluded?: string;
  rank: number | null;
  canShip?: number;
  scores: { nearest: number | null; lowest_cost: number | null; priority: number | null };
}

export interface ShortLine {
  lineId: string;
  sku: string;
  requested: number;
  allocated: number;
  missing: number;
}

export interface PlannedLine {
  lineId: string;
  sku: string;
  quantity: number;
}

/** One allocation of the order with why it went where it went (`GET /api/allocations?filter={"orderId":...}`). */
export interface Allocation {
  id: string;
  orderId: string;
  sequence: number;
  trigger: string;
  status: string;
  createdAt: string;
  shipments: Array<{ warehouseId: string; lines: PlannedLine[] }>;
  backordered: PlannedLine[];
  explanation: {
    decision: string;
    strategies?: string[];
    policy?: string;
    considered?: ConsideredWarehouse[];
    chosen?: string[];
    short?: ShortLine[];
    /** Allocation by hand: what the operator picked (only those lines changed). */
    picks?: Array<{ lineId: string; warehouseId: string; quantity: number }>;
  };
}

/** The manual entry as the API takes it (`POST /api/orders`). */
export interface CreateOrderInput {
  customer: { name: string; phone: string; email?: string };
  shippingAddress: Address;
  lines: Array<{ sku: string; quantity: number; unitPriceMinor: number; discountMinor?: number; taxMinor?: number }>;
  currency: string;
  shippingFeeMinor?: number;
  payment: { method: string; status: 'paid' | 'pending'; paidAmountMinor?: number; reference?: string };
  remark?: string;
  tags?: string[];
  delivery?: Delivery;
  priority?: number;
}

/** The order's items as `POST /api/orders/:id/update-lines` takes them; the server prices them again. */
export type OrderLineInput = CreateOrderInput['lines'][number];

import type { Identifier } from 'react-admin';
import type { BulkResult } from '../resources/orders/bulk';
import type { Address, CreateOrderInput, Order, OrderLineInput, OrderStatus, TimelineEntry } from '../resources/orders/types';
import { httpClient } from './httpClient';
import { API_URL } from './session';

/**
 * The `Idempotency-Key` a command is sent with: the API answers the same key and body once, so a
 * double click or a retry after a lost answer does not act twice.
 */
export interface CommandOptions {
  idempotencyKey?: string;
}

/** The order page's split: the lines and quantities that go to one new order. */
export type SplitPart = Array<{ lineId: string; quantity: number }>;

/** Allocation by hand: one warehouse for the whole order, or warehouses and quantities per line. */
export type AllocateInput = { warehouseId: string } | { lines: Array<{ lineId: string; warehouseId: string; quantity: number }> };

/** The order endpoints beyond simple-rest: one method per domain action, each answering the order after it. */
export interface OrderMethods {
  getOrderStatusCounts(): Promise<{ data: Record<OrderStatus, number> }>;
  getOrderTimeline(id: Identifier): Promise<{ data: TimelineEntry[] }>;
  /** Manual entry; the same key twice gives the first order, so a double submit enters one. */
  createOrder(input: CreateOrderInput, options?: CommandOptions): Promise<{ data: Order }>;
  confirmOrderPayment(id: Identifier, input?: { paidAmountMinor?: number; reference?: string }, options?: CommandOptions): Promise<{ data: Order }>;
  /** With open exceptions the API wants a reason ("approve anyway"). */
  approveOrder(id: Identifier, reason?: string, options?: CommandOptions): Promise<{ data: Order }>;
  rejectOrder(id: Identifier, reason: string, options?: CommandOptions): Promise<{ data: Order }>;
  holdOrder(id: Identifier, reason: string, options?: CommandOptions): Promise<{ data: Order }>;
  releaseOrder(id: Identifier, options?: CommandOptions): Promise<{ data: Order }>;
  cancelOrder(id: Identifier, reason: string, options?: CommandOptions): Promise<{ data: Order }>;
  startOrderFulfillment(id: Identifier, options?: CommandOptions): Promise<{ data: Order }>;
  /** Confirms the shipment: the stock leaves; shipped, or partially shipped while some waits. */
  shipOrder(id: Identifier, shipment: { carrier: string; trackingNumber: string }, options?: CommandOptions): Promise<{ data: Order }>;
  recordOrderDelivery(id: Identifier, options?: CommandOptions): Promise<{ data: Order }>;
  completeOrder(id: Identifier, options?: CommandOptions): Promise<{ data: Order }>;
  confirmOrderCancel(id: Identifier, options?: CommandOptions): Promise<{ data: Order }>;
  refuseOrderCancel(id: Identifier, reason: string, options?: CommandOptions): Promise<{ data: Order }>;
  updateOrderAddress(id: Identifier, shippingAddress: Address, options?: CommandOptions): Promise<{ data: Order }>;
  /** Replaces the order's items (before allocation); the server prices them and audits the order again. */
  updateOrderLines(id: Identifier, lines: OrderLineInput[], options?: CommandOptions): Promise<{ data: Order }>;
  addOrderRemark(id: Identifier, remark: string, options?: CommandOptions): Promise<{ data: Order }>;
  setOrderTags(id: Identifier, tags: string[], options?: CommandOptions): Promise<{ data: Order }>;
  /** Splits parts off into new orders; answers the order (what it kept) and the new orders' ids. */
  splitOrder(id: Identifier, parts: SplitPart[], options?: CommandOptions): Promise<{ data: Order & { children: string[] } }>;
  /** Merges `orderIds` into this order; they are cancelled as merged into it. */
  mergeOrders(id: Identifier, orderIds: Identifier[], options?: CommandOptions): Promise<{ data: Order }>;
  allocateOrder(id: Identifier, input: AllocateInput, options?: CommandOptions): Promise<{ data: Order }>;
  /** Approve, hold or cancel many orders at once; each one succeeds or fails on its own. */
  bulkOrderAction(action: 'approve' | 'hold' | 'cancel', ids: Identifier[], reason?: string): Promise<{ data: BulkResult }>;
}

const orderPath = (id: Identifier, action: string) => `${API_URL}/orders/${encodeURIComponent(String(id))}/${action}`;

const post = async (url: string, body: unknown, options: CommandOptions = {}) => {
  const headers = options.idempotencyKey ? new Headers({ 'Idempotency-Key': options.idempotencyKey }) : undefined;
  const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body), ...(headers ? { headers } : {}) });
  return json as unknown;
};

const act = async (id: Identifier, action: string, body: unknown = {}, options?: CommandOptions): Promise<{ data: Order }> => ({
  data: (await post(orderPath(id, action), body, options)) as Order,
});

export const orderMethods: OrderMethods = {
  async getOrderStatusCounts() {
    const { json } = await httpClient(`${API_URL}/orders/status-counts`);
    return { data: json as Record<OrderStatus, number> };
  },
  async getOrderTimeline(id) {
    const { json } = await httpClient(orderPath(id, 'timeline'));
    return { data: json as TimelineEntry[] };
  },
  createOrder: async (input, options) => ({ data: (await post(`${API_URL}/orders`, input, options)) as Order }),
  confirmOrderPayment: (id, input = {}, options) => act(id, 'confirm-payment', input, options),
  approveOrder: (id, reason, options) => act(id, 'approve', reason ? { reason } : {}, options),
  rejectOrder: (id, reason, options) => act(id, 'reject', { reason }, options),
  holdOrder: (id, reason, options) => act(id, 'hold', { reason }, options),
  releaseOrder: (id, options) => act(id, 'release', {}, options),
  cancelOrder: (id, reason, options) => act(id, 'cancel', { reason }, options),
  startOrderFulfillment: (id, options) => act(id, 'start-fulfillment', {}, options),
  shipOrder: (id, shipment, options) => act(id, 'ship', shipment, options),
  recordOrderDelivery: (id, options) => act(id, 'deliver', {}, options),
  completeOrder: (id, options) => act(id, 'complete', {}, options),
  confirmOrderCancel: (id, options) => act(id, 'confirm-cancel', {}, options),
  refuseOrderCancel: (id, reason, options) => act(id, 'refuse-cancel', { reason }, options),
  updateOrderAddress: (id, shippingAddress, options) => act(id, 'update-address', { shippingAddress }, options),
  updateOrderLines: (id, lines, options) => act(id, 'update-lines', { lines }, options),
  addOrderRemark: (id, remark, options) => act(id, 'add-remark', { remark }, options),
  setOrderTags: (id, tags, options) => act(id, 'tags', { tags }, options),
  splitOrder: async (id, parts, options) => ({
    data: (await post(orderPath(id, 'split'), { parts: parts.map((lines) => ({ lines })) }, options)) as Order & { children: string[] },
  }),
  mergeOrders: (id, orderIds, options) => act(id, 'merge', { orderIds: orderIds.map(String) }, options),
  allocateOrder: (id, input, options) => act(id, 'allocate', input, options),
  async bulkOrderAction(action, ids, reason) {
    const body = { ids: ids.map(String), ...(reason ? { reason } : {}) };
    const { json } = await httpClient(`${API_URL}/orders/bulk/${action}`, { method: 'POST', body: JSON.stringify(body) });
    return { data: json as BulkResult };
  },
};

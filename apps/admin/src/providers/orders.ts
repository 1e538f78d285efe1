import type { Identifier } from 'react-admin';
import type { BulkResult } from '../resources/orders/bulk';
import type { Address, Order, OrderStatus, TimelineEntry } from '../resources/orders/types';
import { httpClient } from './httpClient';
import { API_URL } from './session';

/** The order endpoints beyond simple-rest: one method per domain action, each answering the order after it. */
export interface OrderMethods {
  getOrderStatusCounts(): Promise<{ data: Record<OrderStatus, number> }>;
  getOrderTimeline(id: Identifier): Promise<{ data: TimelineEntry[] }>;
  confirmOrderPayment(id: Identifier, input?: { paidAmountMinor?: number; reference?: string }): Promise<{ data: Order }>;
  /** With open exceptions the API wants a reason ("approve anyway"). */
  approveOrder(id: Identifier, reason?: string): Promise<{ data: Order }>;
  rejectOrder(id: Identifier, reason: string): Promise<{ data: Order }>;
  holdOrder(id: Identifier, reason: string): Promise<{ data: Order }>;
  releaseOrder(id: Identifier): Promise<{ data: Order }>;
  cancelOrder(id: Identifier, reason: string): Promise<{ data: Order }>;
  updateOrderAddress(id: Identifier, shippingAddress: Address): Promise<{ data: Order }>;
  addOrderRemark(id: Identifier, remark: string): Promise<{ data: Order }>;
  setOrderTags(id: Identifier, tags: string[]): Promise<{ data: Order }>;
  /** Approve, hold or cancel many orders at once; each one succeeds or fails on its own. */
  bulkOrderAction(action: 'approve' | 'hold' | 'cancel', ids: Identifier[], reason?: string): Promise<{ data: BulkResult }>;
}

const orderPath = (id: Identifier, action: string) => `${API_URL}/orders/${encodeURIComponent(String(id))}/${action}`;

const act = async (id: Identifier, action: string, body: unknown = {}): Promise<{ data: Order }> => {
  const { json } = await httpClient(orderPath(id, action), { method: 'POST', body: JSON.stringify(body) });
  return { data: json as Order };
};

export const orderMethods: OrderMethods = {
  async getOrderStatusCounts() {
    const { json } = await httpClient(`${API_URL}/orders/status-counts`);
    return { data: json as Record<OrderStatus, number> };
  },
  async getOrderTimeline(id) {
    const { json } = await httpClient(orderPath(id, 'timeline'));
    return { data: json as TimelineEntry[] };
  },
  confirmOrderPayment: (id, input = {}) => act(id, 'confirm-payment', input),
  approveOrder: (id, reason) => act(id, 'approve', reason ? { reason } : {}),
  rejectOrder: (id, reason) => act(id, 'reject', { reason }),
  holdOrder: (id, reason) => act(id, 'hold', { reason }),
  releaseOrder: (id) => act(id, 'release'),
  cancelOrder: (id, reason) => act(id, 'cancel', { reason }),
  updateOrderAddress: (id, shippingAddress) => act(id, 'update-address', { shippingAddress }),
  addOrderRemark: (id, remark) => act(id, 'add-remark', { remark }),
  setOrderTags: (id, tags) => act(id, 'tags', { tags }),
  async bulkOrderAction(action, ids, reason) {
    const body = { ids: ids.map(String), ...(reason ? { reason } : {}) };
    const { json } = await httpClient(`${API_URL}/orders/bulk/${action}`, { method: 'POST', body: JSON.stringify(body) });
    return { data: json as BulkResult };
  },
};

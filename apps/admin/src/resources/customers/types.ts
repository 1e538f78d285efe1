import type { OrderStatus } from '../orders/types';

/**
 * A customer as the API returns them (`GET /api/customers`): built from orders, one per channel
 * and phone. The figures count orders that were not cancelled or rejected; money is in minor
 * units of `currency`.
 */
export interface Customer {
  id: string;
  channelId: string;
  name: string;
  phone: string;
  email: string | null;
  orderCount: number;
  totalSpentMinor: number;
  currency: string;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  createdAt: string;
  /** The customer page only: their latest orders. */
  orders?: CustomerOrder[];
}

export interface CustomerOrder {
  id: string;
  number: string;
  status: OrderStatus;
  totalMinor: number;
  currency: string;
  createdAt: string;
}

/**
 * The order's lifecycle: one table of statuses and the actions that move between them.
 * Anything not in the table is refused (409 `orders.illegal_transition`, naming the current
 * status and the action). docs/orders.md draws it.
 */

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

/** Where each status may go next. */
export const ORDER_TRANSITIONS = {
  pending_payment: ['pending_review', 'on_hold', 'cancelled'],
  pending_review: ['approved', 'on_hold', 'rejected', 'cancelled'],
  on_hold: ['pending_review', 'approved', 'rejected', 'cancelled'],
  approved: ['allocated', 'partially_allocated', 'backordered', 'on_hold', 'cancelled'],
  partially_allocated: ['allocated', 'in_fulfillment', 'on_hold', 'cancelled'],
  backordered: ['partially_allocated', 'allocated', 'on_hold', 'cancelled'],
  allocated: ['in_fulfillment', 'on_hold', 'cancelled'],
  in_fulfillment: ['partially_shipped', 'shipped', 'cancelled'],
  partially_shipped: ['shipped'],
  shipped: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
  rejected: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

/**
 * What people and the system do to an order, and the statuses each may start from. The target
 * is fixed for most; allocation and shipping results name theirs.
 */
export const ORDER_ACTIONS = {
  confirm_payment: { from: ['pending_payment', 'on_hold'], to: 'pending_review' },
  approve: { from: ['pending_review', 'on_hold'], to: 'approved' },
  reject: { from: ['pending_review', 'on_hold'], to: 'rejected' },
  hold: { from: ['pending_payment', 'pending_review', 'approved', 'partially_allocated', 'backordered', 'allocated'], to: 'on_hold' },
  release: { from: ['on_hold'], to: 'pending_review' },
  cancel: {
    from: ['pending_payment', 'pending_review', 'on_hold', 'approved', 'partially_allocated', 'backordered', 'allocated', 'in_fulfillment'],
    to: 'cancelled',
  },
  record_allocation: { from: ['approved', 'partially_allocated', 'backordered'], to: ['allocated', 'partially_allocated', 'backordered'] },
  start_fulfillment: { from: ['allocated', 'partially_allocated'], to: 'in_fulfillment' },
  record_shipment: { from: ['in_fulfillment', 'partially_shipped'], to: ['partially_shipped', 'shipped'] },
  record_delivery: { from: ['shipped'], to: 'delivered' },
  complete: { from: ['delivered'], to: 'completed' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus | readonly OrderStatus[] }>;
export type OrderAction = keyof typeof ORDER_ACTIONS;

/**
 * Editing lines, splitting and merging: only before approval (and only for an order never
 * approved, since inventory may hold stock for its lines from then on). The address may change
 * until the warehouse has the order.
 */
export const EDITABLE_STATUSES: readonly OrderStatus[] = ['pending_payment', 'pending_review', 'on_hold'];

/** The address: until the warehouse has the order. */
export const ADDRESS_EDITABLE_STATUSES: readonly OrderStatus[] = [
  'pending_payment',
  'pending_review',
  'on_hold',
  'approved',
  'partially_allocated',
  'backordered',
  'allocated',
];

/** Statuses whose order holds or waits for stock (a cancellation gives it back). */
export const HOLDS_STOCK: readonly OrderStatus[] = ['partially_allocated', 'backordered', 'allocated', 'in_fulfillment'];

/** Whether `action` may move an order from `from` to `to` (the table and the action agree). */
export function canTransition(from: OrderStatus, action: OrderAction, to?: OrderStatus): boolean {
  const rule = ORDER_ACTIONS[action];
  if (!(rule.from as readonly OrderStatus[]).includes(from)) return false;
  const targets: readonly OrderStatus[] = typeof rule.to === 'string' ? [rule.to] : rule.to;
  const target = to ?? (typeof rule.to === 'string' ? rule.to : undefined);
  if (!target || !targets.includes(target)) return false;
  // Staying put (a second partial allocation) is a record, not a move.
  return target === from || (ORDER_TRANSITIONS[from] as readonly OrderStatus[]).includes(target);
}

/** The actions a user can take on an order in this status (the admin shows their buttons). */
export function availableActions(status: OrderStatus): OrderAction[] {
  return (Object.keys(ORDER_ACTIONS) as OrderAction[]).filter((action) => {
    const rule = ORDER_ACTIONS[action];
    const targets: readonly OrderStatus[] = typeof rule.to === 'string' ? [rule.to] : rule.to;
    return targets.some((to) => canTransition(status, action, to));
  });
}

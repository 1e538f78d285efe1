/** Orders: the order's lifecycle, its audit and its sagas. */
export {
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  ORDER_ACTIONS,
  canTransition,
  availableActions,
  type OrderStatus,
  type OrderAction,
} from './domain/order.transitions.js';
export { Order, type NewOrder, type Actor } from './domain/order.aggregate.js';
export type { OrderSnapshot, Address, Customer, OrderLine, Payment, OrderFlag, Totals } from './domain/order.types.js';
export * from './domain/events/order.events.js';

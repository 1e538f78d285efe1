/** Orders: the order's lifecycle, its audit and its sagas. */
export { OrdersModule } from './orders.module.js';
export { OrdersWorkerModule } from './orders-worker.module.js';
export { ordersMigrations } from './infrastructure/migrations/index.js';
export { OrdersService, type CreateOrderInput } from './application/orders.service.js';
/** The order commands, for the command bus: what the admin's endpoints send, and other contexts may. */
export * from './application/commands/order.commands.js';
export { OrderQueries, ORDERS } from './application/order.queries.js';
export { MANUAL_CHANNEL_ID } from './domain/channels.js';
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
export { OrderSettingsService, type OrderSettings } from './application/order-settings.service.js';
export { Customers, CUSTOMERS } from './application/customers.js';

/** Inventory: warehouses (stock, reservations and allocation follow). */
export { InventoryModule } from './inventory.module.js';
export { inventoryMigrations } from './infrastructure/migrations/index.js';
/** Creates and edits warehouses (used by demo data). */
export { WarehousesService, type WarehouseInput } from './application/warehouses.service.js';
export { StockService, type ManualMovement } from './application/stock.service.js';
/** Reserve, release and consume stock per order line: atomic, idempotent, deadlock-free. */
export { ReservationsService, type ReservationLine } from './application/reservations.service.js';
/** The stock check (nightly and on request), the runs it keeps and its drift alert. */
export { InventoryWorkerModule } from './inventory-worker.module.js';
export { ReconcileJob, StockReconciler, RECONCILE_QUEUE, RECONCILE_CRON } from './application/reconcile.job.js';
/** Bins (locations) of physical warehouses. */
export { BinsService, type BinInput } from './application/bins.service.js';
/** Stock per bin: put away, move between bins, take out; read in walking order. */
export { BinStockService, type PutawayInput, type BinMoveInput, type TakeOutInput } from './application/bin-stock.service.js';
/** Allocation: which warehouses ship an order, as commands for the orders context and the events they raise. */
export {
  AllocateOrderCommand,
  OverrideAllocationCommand,
  ReleaseOrderStockCommand,
  ConsumeOrderStockCommand,
} from './application/allocation.commands.js';
export {
  AllocationService,
  type AllocationRecord,
  type OrderAllocationState,
  type AllocationRequest,
  type ManualPick,
} from './application/allocation.service.js';
export { AllocationSettingsService, type AllocationSetting } from './application/allocation-settings.service.js';
export { OrderAllocated, OrderStockReleased, StockArrived } from './domain/allocation/allocation.events.js';
export {
  planAllocation,
  STRATEGIES,
  SHORTAGE_POLICIES,
  type Strategy,
  type ShortagePolicy,
  type AllocationPlan,
  type AllocationExplanation,
  type Destination,
} from './domain/allocation/allocation-engine.js';
/** What other contexts may ask about stock: availability per SKU, whether an address is served. */
export { StockQueries } from './application/stock-queries.js';

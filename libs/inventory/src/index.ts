/** Inventory: warehouses (stock, reservations and allocation follow). */
export { InventoryModule } from './inventory.module.js';
export { inventoryMigrations } from './infrastructure/migrations/index.js';
/** Creates and edits warehouses (used by demo data). */
export { WarehousesService, type WarehouseInput } from './application/warehouses.service.js';
export { StockService, type ManualMovement } from './application/stock.service.js';
/** Reserve, release and consume stock per order line: atomic, idempotent, deadlock-free. */
export { ReservationsService, type ReservationLine } from './application/reservations.service.js';
/** Background work: the nightly stock reconcile and its drift alert. */
export { InventoryWorkerModule } from './inventory-worker.module.js';
export { ReconcileJob, RECONCILE_QUEUE, RECONCILE_CRON } from './application/reconcile.job.js';
/** Bins (locations) of physical warehouses. */
export { BinsService, type BinInput } from './application/bins.service.js';

import { Module } from '@nestjs/common';
import { CatalogModule } from '@oms/catalog';
import { FillBackordersOnStockArrival } from './application/fill-backorders.handler.js';
import { KeepProductNamesOnStock } from './application/keep-product-names.handler.js';
import { ReconcileJob } from './application/reconcile.job.js';
import { InventoryModule } from './inventory.module.js';

/** Inventory's background work: the nightly reconcile, backorders filled when stock arrives, product names kept on stock. */
@Module({ imports: [InventoryModule, CatalogModule], providers: [ReconcileJob, FillBackordersOnStockArrival, KeepProductNamesOnStock], exports: [ReconcileJob] })
export class InventoryWorkerModule {}

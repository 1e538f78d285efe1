import { Module } from '@nestjs/common';
import { ReconcileJob } from './application/reconcile.job.js';
import { InventoryModule } from './inventory.module.js';

/** Inventory's background work: the nightly reconcile. */
@Module({ imports: [InventoryModule], providers: [ReconcileJob], exports: [ReconcileJob] })
export class InventoryWorkerModule {}

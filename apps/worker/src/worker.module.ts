import { Module } from '@nestjs/common';
import { AccessModule } from '@oms/access';
import { EventPipelineWorkerModule } from '@oms/core';
import { InventoryWorkerModule } from '@oms/inventory';
import { OrdersWorkerModule } from '@oms/orders';

/** The background side: outbox relay, event handlers, jobs. */
@Module({ imports: [EventPipelineWorkerModule, AccessModule, InventoryWorkerModule, OrdersWorkerModule] })
export class WorkerModule {}

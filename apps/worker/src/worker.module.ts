import { Module } from '@nestjs/common';
import { AccessModule } from '@oms/access';
import { EventPipelineWorkerModule } from '@oms/core';

/** The background side: outbox relay, event handlers, jobs. */
@Module({ imports: [EventPipelineWorkerModule, AccessModule] })
export class WorkerModule {}

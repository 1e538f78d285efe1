import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogsController } from './audit/audit-logs.controller.js';
import { AuditTrail } from './audit/audit-trail.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { UnitOfWork } from './database/unit-of-work.js';
import { HttpErrorFilter } from './errors/http-error.filter.js';
import { createValidationPipe } from './errors/validation.js';
import { HealthController, OutboxBacklogIndicator } from './health/health.controller.js';
import { IdempotencyInterceptor } from './http/idempotency/idempotency.interceptor.js';
import { ListPageInterceptor } from './http/simple-rest/list-page.js';
import { JOB_QUEUE_OPTIONS, JobQueue } from './jobs/job-queue.js';
import { loggingModule } from './logging/logging.module.js';
import { DeadLetterService } from './outbox/dead-letters/dead-letter.service.js';
import { DeadLettersController } from './outbox/dead-letters/dead-letters.controller.js';
import { DurableEventPublisher } from './outbox/durable-event-publisher.js';
import { EventDeliveryWorker } from './outbox/event-delivery.worker.js';
import { EventSubscribers } from './outbox/event-subscribers.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxService } from './outbox/outbox.service.js';

export interface CoreModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Worker processes run the outbox relay, the event deliveries and job maintenance. */
  worker: boolean;
}

/** The shared kernel every process loads: configuration, database, logging, outbox and jobs. */
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        loggingModule(options.config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl), autoLoadEntities: true }),
        CqrsModule.forRoot(),
        DiscoveryModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: JOB_QUEUE_OPTIONS, useValue: { databaseUrl: options.databaseUrl, supervise: options.worker } },
        UnitOfWork,
        OutboxService,
        JobQueue,
        EventSubscribers,
        DurableEventPublisher,
        DeadLetterService,
        AuditTrail,
      ],
      exports: [
        APP_CONFIG,
        UnitOfWork,
        OutboxService,
        JobQueue,
        EventSubscribers,
        DeadLetterService,
        AuditTrail,
        CqrsModule,
      ],
    };
  }
}

/** HTTP pieces of the kernel: error shape, validation, simple-rest lists, health, dead letters, audit log. */
@Module({
  // Health's own failure log would repeat, with a stack, what the access log line already says.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, DeadLettersController, AuditLogsController],
  providers: [
    OutboxBacklogIndicator,
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: ListPageInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class CoreHttpModule {}

/** Background side of the event pipeline: outbox relay and event deliveries. */
@Module({ providers: [OutboxRelay, EventDeliveryWorker], exports: [OutboxRelay, EventDeliveryWorker] })
export class EventPipelineWorkerModule {}

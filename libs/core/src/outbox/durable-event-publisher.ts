import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus, type IEvent, type IEventPublisher } from '@nestjs/cqrs';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JobQueue, inTransaction } from '../jobs/job-queue.js';
import type { DomainEvent } from './domain-event.js';
import { EVENT_DELIVERY_QUEUE, deliveryJob } from './event-delivery.js';
import { EventSubscribers } from './event-subscribers.js';

/**
 * The EventBus's publisher: instead of calling handlers in memory (lost on a crash), it
 * enqueues one durable delivery job per subscribed handler, in the caller's transaction.
 */
@Injectable()
export class DurableEventPublisher implements IEventPublisher, OnModuleInit {
  constructor(
    private readonly eventBus: EventBus,
    private readonly subscribers: EventSubscribers,
    private readonly queue: JobQueue,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.eventBus.publisher = this;
  }

  publish<T extends IEvent>(event: T): Promise<void> {
    return this.publishAll([event]);
  }

  async publishAll<T extends IEvent>(events: T[]): Promise<void> {
    const jobs = (events as unknown as DomainEvent[]).flatMap((e) =>
      this.subscribers.forType(e.type).map((s) => deliveryJob(s.name, e.toEnvelope(), s.policy, this.queue.timeoutSeconds)),
    );
    if (jobs.length === 0) return;
    await this.queue.ensureQueue(EVENT_DELIVERY_QUEUE);
    await this.uow.run((manager) => this.queue.boss.insert(jobs, { db: inTransaction(manager) }));
  }
}

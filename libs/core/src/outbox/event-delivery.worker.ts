import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JobQueue } from '../jobs/job-queue.js';
import { eventFromEnvelope } from './domain-event.js';
import { DeadLetterService } from './dead-letters/dead-letter.service.js';
import { type DeliveryJobData, EVENT_DELIVERY_QUEUE } from './event-delivery.js';
import { EventSubscribers } from './event-subscribers.js';

/**
 * Runs delivery jobs: each applies one event to one handler exactly once, recording
 * (handler, event id) in `processed_event` in the same transaction as the handler's effects.
 * A failure is retried with backoff; the last failure lands in the dead-letter list.
 */
@Injectable()
export class EventDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventDeliveryWorker.name);
  concurrency = 2;
  batchSize = 200;

  constructor(
    private readonly queue: JobQueue,
    private readonly subscribers: EventSubscribers,
    private readonly uow: UnitOfWork,
    private readonly deadLetters: DeadLetterService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureQueue(EVENT_DELIVERY_QUEUE);
    for (let i = 0; i < this.concurrency; i++) {
      const workerId: string = await this.queue.boss.work<DeliveryJobData>(
        EVENT_DELIVERY_QUEUE,
        { batchSize: this.batchSize, includeMetadata: true, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          await this.deliverBatch(jobs);
          // A full batch means more are waiting: fetch again at once instead of after the pause.
          if (jobs.length >= this.batchSize) this.queue.boss.notifyWorker(workerId);
        },
      );
    }
  }

  private async deliverBatch(jobs: PgBoss.JobWithMetadata<DeliveryJobData>[]): Promise<void> {
    // Jobs the batch completes are the ones still active; failed ones were moved to retry.
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await this.deliver(job.data);
        } catch (err) {
          const error = err instanceof Error ? err : new Error(String(err));
          this.logger.warn(
            { handler: job.data.handler, eventId: job.data.event.id, attempt: job.retryCount + 1, err: error.message },
            'Event delivery failed',
          );
          if (job.retryCount >= job.retryLimit) {
            await this.deadLetters.record(job.data, error, job.retryCount + 1, {
              retryLimit: job.retryLimit,
              retryDelaySeconds: job.retryDelay,
            });
          }
          await this.queue.boss.fail(EVENT_DELIVERY_QUEUE, job.id, { message: error.message });
        }
      }),
    );
  }

  /** Applies one event to one handler; a second delivery of the same pair changes nothing. */
  async deliver({ handler, event, replayOf }: DeliveryJobData): Promise<boolean> {
    const sub = this.subscribers.get(handler);
    const cls = sub?.events.find((e) => e.type === event.type);
    if (!sub || !cls) throw new Error(`No handler ${handler} for ${event.type} in this worker`);
    return this.uow.run(async (m) => {
      const fresh: unknown[] = await m.query(
        `INSERT INTO processed_event (handler, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [handler, event.id],
      );
      if (fresh.length > 0) await sub.handler.handle(eventFromEnvelope(cls, event));
      if (replayOf) {
        await m.query(`UPDATE dead_letter SET status = 'resolved' WHERE id = $1 AND status = 'replayed'`, [replayOf]);
      }
      return fresh.length > 0;
    });
  }
}

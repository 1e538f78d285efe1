import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { DomainError, NotFoundError } from '../../errors/domain-error.js';
import { JobQueue, inTransaction } from '../../jobs/job-queue.js';
import { type DeliveryJobData, EVENT_DELIVERY_QUEUE, deliveryJob } from '../event-delivery.js';
import type { DeliveryPolicy } from '../event-subscribers.js';
import { OUTBOX_COLUMNS, envelopeOf } from '../outbox-relay.js';

export class DeadLetterNotReplayableError extends DomainError {
  constructor(id: string, status: string) {
    super('dead_letters.not_replayable', 'conflict', `Dead letter ${id} is ${status}; only failed ones can be replayed`, {
      id,
      status,
    });
  }
}

const MAX_ERROR_LENGTH = 4000;

@Injectable()
export class DeadLetterService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  /** Records a delivery that used up its retries; a later failure of the same pair updates the row. */
  async record(job: DeliveryJobData, error: Error, attempts: number, policy: DeliveryPolicy): Promise<void> {
    await this.uow.manager.query(
      `INSERT INTO dead_letter (event_id, event_type, handler, error, attempts, payload, retry_limit, retry_delay_seconds)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (handler, event_id) DO UPDATE SET
         status = 'failed', error = EXCLUDED.error, attempts = dead_letter.attempts + EXCLUDED.attempts,
         last_failed_at = now(), retry_limit = EXCLUDED.retry_limit, retry_delay_seconds = EXCLUDED.retry_delay_seconds`,
      [
        job.event.id,
        job.event.type,
        job.handler,
        (error.stack ?? error.message).slice(0, MAX_ERROR_LENGTH),
        attempts,
        JSON.stringify(job.event.payload),
        policy.retryLimit,
        policy.retryDelaySeconds,
      ],
    );
  }

  /**
   * Sends the event to the failed handler again with a fresh set of retries. The row is
   * locked, so two clicks on "replay" enqueue one delivery, not two.
   */
  replay(id: string, actorId: string | null): Promise<void> {
    return this.uow.run(async (m) => {
      const [row] = await m.query(
        `SELECT handler, event_id, status, retry_limit, retry_delay_seconds FROM dead_letter WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw new NotFoundError('Dead letter', id);
      if (row.status !== 'failed') throw new DeadLetterNotReplayableError(id, row.status);
      const [event] = await m.query(`SELECT ${OUTBOX_COLUMNS} FROM outbox_event WHERE id = $1`, [row.event_id]);
      if (!event) throw new NotFoundError('Event', row.event_id);
      await m.query(
        `UPDATE dead_letter SET status = 'replayed', replayed_at = now(), replayed_by = $2, replay_count = replay_count + 1
         WHERE id = $1`,
        [id, actorId],
      );
      await this.queue.ensureQueue(EVENT_DELIVERY_QUEUE);
      const job = deliveryJob(row.handler, envelopeOf(event), {
        retryLimit: row.retry_limit,
        retryDelaySeconds: row.retry_delay_seconds,
      }, this.queue.timeoutSeconds, id);
      await this.queue.boss.insert([job], { db: inTransaction(m) });
    });
  }
}

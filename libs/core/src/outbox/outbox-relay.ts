import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnitOfWork } from '../database/unit-of-work.js';
import { type EventEnvelope, eventFromEnvelope } from './domain-event.js';
import { EventSubscribers } from './event-subscribers.js';

interface OutboxRow {
  id: string;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  payload: object;
  actor_id: string | null;
  occurred_at: Date;
}

export function envelopeOf(r: OutboxRow): EventEnvelope {
  return {
    id: r.id,
    type: r.type,
    version: r.version,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    payload: r.payload,
    actorId: r.actor_id,
    occurredAt: new Date(r.occurred_at).toISOString(),
  };
}

export const OUTBOX_COLUMNS = 'id, type, version, aggregate_type, aggregate_id, payload, actor_id, occurred_at';

/**
 * Moves committed events from the outbox to the EventBus. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of relays share the work without overlap, and
 * stamped published in the same transaction that enqueues their deliveries: a crash
 * before the commit leaves them to be claimed again, a crash after loses nothing.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  readonly relayId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running = false;
  private loop?: Promise<void>;
  batchSize = 200;
  idleDelayMs = 100;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly eventBus: EventBus,
    private readonly subscribers: EventSubscribers,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Claims and publishes one batch; returns how many events it took. */
  relayOnce(limit = this.batchSize): Promise<number> {
    return this.uow.run(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT ${OUTBOX_COLUMNS} FROM outbox_event WHERE published_at IS NULL
         ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const events = rows.flatMap((r) => {
        const cls = this.subscribers.eventClass(r.type);
        return cls ? [eventFromEnvelope(cls, envelopeOf(r))] : [];
      });
      await this.eventBus.publishAll(events);
      await m.query(`UPDATE outbox_event SET published_at = now(), published_by = $2 WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
        this.relayId,
      ]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const n = await this.relayOnce();
        if (n < this.batchSize) await sleep(this.idleDelayMs);
      } catch (err) {
        if (!this.running) return;
        this.logger.error({ err }, 'Outbox relay failed; retrying');
        await sleep(1000);
      }
    }
  }
}

import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { DomainEvent } from './domain-event.js';

/** Appends domain events to the outbox in the caller's transaction (never outside one). */
@Injectable()
export class OutboxService {
  constructor(private readonly uow: UnitOfWork) {}

  async append(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.uow.inTransaction) {
      throw new Error('Outbox events must be appended inside a UnitOfWork transaction');
    }
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      const o = i * 8;
      values.push(e.id, e.type, e.version, e.aggregateType, e.aggregateId, JSON.stringify(e.payload), e.actorId, e.occurredAt);
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}::jsonb, $${o + 7}, $${o + 8})`;
    });
    await this.uow.manager.query(
      `INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, payload, actor_id, occurred_at)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreEventPipeline1764000000000 implements MigrationInterface {
  name = 'CoreEventPipeline1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        type text NOT NULL,
        version int NOT NULL DEFAULT 1,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        actor_id uuid,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by text
      )`);
    await q.query(
      `CREATE INDEX outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL`,
    );
    await q.query(`CREATE INDEX outbox_event_aggregate_idx ON outbox_event (aggregate_type, aggregate_id, position)`);
    await q.query(`
      CREATE TABLE processed_event (
        handler text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (handler, event_id)
      )`);
    await q.query(`
      CREATE TABLE dead_letter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        handler text NOT NULL,
        error text NOT NULL,
        attempts int NOT NULL CHECK (attempts > 0),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'failed' CHECK (status IN ('failed', 'replayed', 'resolved')),
        replay_count int NOT NULL DEFAULT 0 CHECK (replay_count >= 0),
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        last_failed_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz,
        replayed_by uuid,
        retry_limit int NOT NULL DEFAULT 5 CHECK (retry_limit >= 0),
        retry_delay_seconds int NOT NULL DEFAULT 5 CHECK (retry_delay_seconds >= 0),
        note text,
        UNIQUE (handler, event_id)
      )`);
    await q.query(`CREATE INDEX dead_letter_status_idx ON dead_letter (status, last_failed_at DESC)`);
    await q.query(`CREATE INDEX dead_letter_last_failed_idx ON dead_letter (last_failed_at DESC)`);
    await q.query(`CREATE INDEX dead_letter_event_type_idx ON dead_letter (event_type, last_failed_at DESC)`);
    await q.query(`CREATE INDEX dead_letter_handler_idx ON dead_letter (handler, last_failed_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letter`);
    await q.query(`DROP TABLE processed_event`);
    await q.query(`DROP TABLE outbox_event`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers of requests sent with an Idempotency-Key, kept with the change they made. */
export class IdempotentRequests1764000000250 implements MigrationInterface {
  name = 'IdempotentRequests1764000000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS idempotent_request (
        scope text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS idempotent_request_created_idx ON idempotent_request (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotent_request`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order's first allocation row also records its release (cancellation), so an allocation
 * that arrives after the release, or races it, reserves nothing; and it keeps the payment time
 * so an operator's change keeps the order's place in the backorder queue.
 */
export class AllocationRelease1764000001100 implements MigrationInterface {
  name = 'AllocationRelease1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allocation ADD COLUMN released_at timestamptz, ADD COLUMN paid_at timestamptz`);
    await q.query(`ALTER TABLE allocation DROP CONSTRAINT allocation_status_check`);
    await q.query(
      `ALTER TABLE allocation ADD CONSTRAINT allocation_status_check
         CHECK (status IN ('pending', 'allocated', 'partially_allocated', 'backordered', 'released'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allocation DROP CONSTRAINT allocation_status_check`);
    await q.query(
      `ALTER TABLE allocation ADD CONSTRAINT allocation_status_check
         CHECK (status IN ('pending', 'allocated', 'partially_allocated', 'backordered'))`,
    );
    await q.query(`ALTER TABLE allocation DROP COLUMN released_at, DROP COLUMN paid_at`);
  }
}

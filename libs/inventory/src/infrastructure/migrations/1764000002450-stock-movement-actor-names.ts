import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A movement keeps the name of the person who made it, as it was then, so the ledger says who
 * without asking the users' context (and to readers who may not read users). The ledger is
 * append-only: movements made before this stay without a name.
 */
export class StockMovementActorNames1764000002450 implements MigrationInterface {
  name = 'StockMovementActorNames1764000002450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_movement ADD COLUMN actor_name text CHECK (length(actor_name) <= 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_movement DROP COLUMN actor_name`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every stock check that ran (nightly, or asked for from the stock screen) with what it found,
 * so drift raises an alert that staff see, not only a log line.
 */
export class ReconcileRuns1764000002400 implements MigrationInterface {
  name = 'ReconcileRuns1764000002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE stock_reconcile_run (
         id uuid PRIMARY KEY,
         checked_at timestamptz NOT NULL,
         trigger text NOT NULL CHECK (trigger IN ('nightly', 'manual')),
         actor_id uuid,
         levels integer NOT NULL CHECK (levels >= 0),
         drift_count integer NOT NULL CHECK (drift_count >= 0),
         bin_drift_count integer NOT NULL CHECK (bin_drift_count >= 0),
         drift jsonb NOT NULL,
         bin_drift jsonb NOT NULL
       )`,
    );
    await q.query(`CREATE INDEX stock_reconcile_run_checked_at_idx ON stock_reconcile_run (checked_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_reconcile_run`);
  }
}

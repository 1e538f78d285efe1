import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measured on a million orders (bench/README.md):
 * - Per-status counts spread over 16 rows per status: with one row per status, every new order
 *   queued on the row of its status until commit (intake ran at a tenth of its speed).
 * - Trigram indexes behind the list's text search (number, phone, email, channel ids), and a
 *   partial index for the "has exception" list.
 */
export class OrderSearchAndCounts1764000002300 implements MigrationInterface {
  name = 'OrderSearchAndCounts1764000002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sales_order_status_count ADD COLUMN shard int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE sales_order_status_count DROP CONSTRAINT sales_order_status_count_pkey`);
    await q.query(`ALTER TABLE sales_order_status_count ADD PRIMARY KEY (status, shard)`);
    await q.query(`
      INSERT INTO sales_order_status_count (status, shard, count)
      SELECT s.status, n, 0 FROM (SELECT DISTINCT status FROM sales_order_status_count) s, generate_series(1, 15) n`);
    // Each connection counts on its own row of the status; a row may go below zero, the sum never does.
    await q.query(`
      CREATE OR REPLACE FUNCTION sales_order_count_status() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE my_shard int := pg_backend_pid() % 16;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE sales_order_status_count SET count = count - 1 WHERE status = OLD.status AND shard = my_shard;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE sales_order_status_count SET count = count + 1 WHERE status = NEW.status AND shard = my_shard;
        END IF;
        RETURN NULL;
      END $$`);

    for (const column of ['number', 'customer_phone', 'customer_email', 'external_id', 'external_number']) {
      await q.query(`CREATE INDEX sales_order_${column}_trgm_idx ON sales_order USING gin (${column} gin_trgm_ops)`);
    }
    await q.query(
      `CREATE INDEX sales_order_exception_created_idx ON sales_order (created_at DESC, id DESC) WHERE cardinality(open_flags) > 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sales_order_exception_created_idx`);
    for (const column of ['number', 'customer_phone', 'customer_email', 'external_id', 'external_number']) {
      await q.query(`DROP INDEX sales_order_${column}_trgm_idx`);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION sales_order_count_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE sales_order_status_count SET count = count - 1 WHERE status = OLD.status AND shard = 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE sales_order_status_count SET count = count + 1 WHERE status = NEW.status AND shard = 0;
        END IF;
        RETURN NULL;
      END $$`);
  }
}

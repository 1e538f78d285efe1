import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The order audit's settings (rules, parameters, auto-approval) and its block list: one row. */
export class OrderSettings1764000002100 implements MigrationInterface {
  name = 'OrderSettings1764000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_setting (
        id text PRIMARY KEY CHECK (id = 'default'),
        audit jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(audit) = 'object'),
        block_list jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(block_list) = 'array'),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    await q.query(`INSERT INTO order_setting (id) VALUES ('default')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE order_setting`);
  }
}

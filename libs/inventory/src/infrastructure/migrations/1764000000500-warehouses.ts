import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Warehouses1764000000500 implements MigrationInterface {
  name = 'Warehouses1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE warehouse (
        id uuid PRIMARY KEY,
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('physical', 'virtual', 'third_party')),
        address jsonb NOT NULL CHECK (jsonb_typeof(address) = 'object'),
        geo jsonb CHECK (geo IS NULL OR jsonb_typeof(geo) = 'object'),
        regions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(regions) = 'array'),
        priority int NOT NULL DEFAULT 100,
        cost_table jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(cost_table) = 'array'),
        member_ids uuid[] NOT NULL DEFAULT '{}',
        cutoff_time time,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        -- A virtual warehouse pools physical ones; the others pool nothing.
        CHECK (type = 'virtual' OR cardinality(member_ids) = 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX warehouse_code_key ON warehouse (lower(code))`);
    await q.query(`CREATE INDEX warehouse_priority_idx ON warehouse (priority, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE warehouse`);
  }
}

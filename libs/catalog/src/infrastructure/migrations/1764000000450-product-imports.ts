import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductImports1764000000450 implements MigrationInterface {
  name = 'ProductImports1764000000450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product_import (
        id uuid PRIMARY KEY,
        file_name text NOT NULL,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        columns text[] NOT NULL,
        ignored_columns text[] NOT NULL DEFAULT '{}',
        total_rows int NOT NULL CHECK (total_rows >= 0),
        processed_rows int NOT NULL DEFAULT 0 CHECK (processed_rows BETWEEN 0 AND total_rows),
        created_count int NOT NULL DEFAULT 0,
        updated_count int NOT NULL DEFAULT 0,
        unchanged_count int NOT NULL DEFAULT 0,
        failed_count int NOT NULL DEFAULT 0,
        error text,
        created_by uuid,
        created_by_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX product_import_created_idx ON product_import (created_at DESC, id DESC)`);
    // The sweep for imports whose process died looks only at unfinished ones.
    await q.query(`CREATE INDEX product_import_unfinished_idx ON product_import (heartbeat_at) WHERE status IN ('queued', 'running')`);
    // One row per failed line, written batch by batch: appending to a jsonb array on the job
    // would rewrite the whole array on every batch.
    await q.query(`
      CREATE TABLE product_import_failure (
        import_id uuid NOT NULL REFERENCES product_import (id) ON DELETE CASCADE,
        row_number int NOT NULL,
        cells jsonb NOT NULL CHECK (jsonb_typeof(cells) = 'array'),
        errors jsonb NOT NULL CHECK (jsonb_typeof(errors) = 'array'),
        PRIMARY KEY (import_id, row_number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_import_failure`);
    await q.query(`DROP TABLE product_import`);
  }
}

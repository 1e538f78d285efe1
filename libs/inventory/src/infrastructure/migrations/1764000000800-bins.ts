import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bins1764000000800 implements MigrationInterface {
  name = 'Bins1764000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bin (
        id uuid PRIMARY KEY,
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        zone text NOT NULL CHECK (zone ~ '^[A-Z0-9]{1,4}$'),
        aisle text NOT NULL CHECK (aisle ~ '^[0-9]{1,3}$'),
        bay text NOT NULL CHECK (bay ~ '^[0-9]{1,3}$'),
        level text NOT NULL CHECK (level ~ '^[0-9]{1,2}$'),
        code text GENERATED ALWAYS AS (zone || '-' || aisle || '-' || bay || '-' || level) STORED,
        sequence int NOT NULL CHECK (sequence >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (warehouse_id, zone, aisle, bay, level)
      )`);
    // Pick lists walk bins in this order.
    await q.query(`CREATE INDEX bin_walk_idx ON bin (warehouse_id, sequence, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bin`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reservations1764000000700 implements MigrationInterface {
  name = 'Reservations1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock_reservation (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        line_id text NOT NULL CHECK (length(line_id) BETWEEN 1 AND 100),
        level_id uuid NOT NULL REFERENCES stock_level (id),
        product_id uuid NOT NULL,
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'released', 'consumed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        -- The same request twice reserves once.
        UNIQUE (order_id, line_id, warehouse_id)
      )`);
    await q.query(`CREATE INDEX stock_reservation_open_idx ON stock_reservation (level_id) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_reservation`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Stock1764000000600 implements MigrationInterface {
  name = 'Stock1764000000600';

  async up(q: QueryRunner): Promise<void> {
    // The database itself refuses negative stock and more reserved than on hand.
    await q.query(`
      CREATE TABLE stock_level (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        on_hand int NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        reserved int NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        low_stock_threshold int CHECK (low_stock_threshold >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (reserved <= on_hand),
        UNIQUE (product_id, warehouse_id)
      )`);
    await q.query(`CREATE INDEX stock_level_warehouse_idx ON stock_level (warehouse_id, sku)`);
    await q.query(`CREATE INDEX stock_level_sku_idx ON stock_level (lower(sku), warehouse_id)`);
    await q.query(`
      CREATE TABLE stock_movement (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        level_id uuid NOT NULL REFERENCES stock_level (id),
        product_id uuid NOT NULL,
        sku text NOT NULL,
        warehouse_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('receipt', 'adjustment', 'reservation', 'release', 'shipment', 'return',
                                           'transfer_out', 'transfer_in')),
        on_hand_delta int NOT NULL,
        reserved_delta int NOT NULL,
        on_hand_after int NOT NULL,
        reserved_after int NOT NULL,
        reason text CHECK (length(reason) <= 500),
        reference text CHECK (length(reference) <= 200),
        actor_id uuid,
        CHECK (on_hand_delta <> 0 OR reserved_delta <> 0)
      )`);
    await q.query(`CREATE INDEX stock_movement_level_idx ON stock_movement (level_id, at DESC)`);
    await q.query(`CREATE INDEX stock_movement_at_idx ON stock_movement (at DESC, id DESC)`);
    await q.query(`CREATE INDEX stock_movement_warehouse_idx ON stock_movement (warehouse_id, at DESC, id DESC)`);
    await q.query(`CREATE INDEX stock_movement_reference_idx ON stock_movement (reference) WHERE reference IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION stock_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movement is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER stock_movement_no_update BEFORE UPDATE OR DELETE ON stock_movement
      FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_movement`);
    await q.query(`DROP FUNCTION stock_movement_append_only()`);
    await q.query(`DROP TABLE stock_level`);
  }
}

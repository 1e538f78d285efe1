import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BinStock1764000000850 implements MigrationInterface {
  name = 'BinStock1764000000850';

  async up(q: QueryRunner): Promise<void> {
    // The units of a level that lie in bins; the rest (on_hand - binned) waits to be put away
    // or has been taken out for packing. Bins never hold more than the warehouse has.
    await q.query(`ALTER TABLE stock_level ADD COLUMN binned int NOT NULL DEFAULT 0 CHECK (binned >= 0)`);
    await q.query(`ALTER TABLE stock_level ADD CONSTRAINT stock_level_binned_within_on_hand CHECK (binned <= on_hand)`);
    // Lets bin_stock prove that its bin stands in its warehouse.
    await q.query(`ALTER TABLE bin ADD CONSTRAINT bin_id_warehouse_key UNIQUE (id, warehouse_id)`);
    await q.query(`
      CREATE TABLE bin_stock (
        id uuid PRIMARY KEY,
        bin_id uuid NOT NULL,
        warehouse_id uuid NOT NULL,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL CHECK (quantity >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bin_id, product_id),
        -- The bin is one of the warehouse's, and the stock belongs to that warehouse's level.
        FOREIGN KEY (bin_id, warehouse_id) REFERENCES bin (id, warehouse_id),
        FOREIGN KEY (product_id, warehouse_id) REFERENCES stock_level (product_id, warehouse_id)
      )`);
    await q.query(`CREATE INDEX bin_stock_level_idx ON bin_stock (product_id, warehouse_id)`);
    await q.query(`CREATE INDEX bin_stock_warehouse_idx ON bin_stock (warehouse_id, sku)`);
    // The bin ledger: every unit into or out of a bin, append-only like stock_movement.
    // A missing side is "not in a bin": unbinned stock, or stock arriving or leaving.
    await q.query(`
      CREATE TABLE bin_movement (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        warehouse_id uuid NOT NULL REFERENCES warehouse (id),
        product_id uuid NOT NULL,
        sku text NOT NULL,
        type text NOT NULL CHECK (type IN ('putaway', 'move', 'take_out', 'receipt', 'adjustment', 'shipment',
                                           'transfer_out', 'transfer_in')),
        from_bin_id uuid REFERENCES bin (id),
        to_bin_id uuid REFERENCES bin (id),
        quantity int NOT NULL CHECK (quantity > 0),
        reason text CHECK (length(reason) <= 500),
        reference text CHECK (length(reference) <= 200),
        actor_id uuid,
        CHECK (from_bin_id IS NOT NULL OR to_bin_id IS NOT NULL),
        CHECK (from_bin_id IS DISTINCT FROM to_bin_id)
      )`);
    await q.query(`CREATE INDEX bin_movement_from_idx ON bin_movement (from_bin_id, product_id) WHERE from_bin_id IS NOT NULL`);
    await q.query(`CREATE INDEX bin_movement_to_idx ON bin_movement (to_bin_id, product_id) WHERE to_bin_id IS NOT NULL`);
    await q.query(`CREATE INDEX bin_movement_warehouse_idx ON bin_movement (warehouse_id, at DESC, id DESC)`);
    await q.query(`
      CREATE FUNCTION bin_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'bin_movement is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER bin_movement_no_update BEFORE UPDATE OR DELETE ON bin_movement
      FOR EACH ROW EXECUTE FUNCTION bin_movement_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bin_movement`);
    await q.query(`DROP FUNCTION bin_movement_append_only()`);
    await q.query(`DROP TABLE bin_stock`);
    await q.query(`ALTER TABLE bin DROP CONSTRAINT bin_id_warehouse_key`);
    await q.query(`ALTER TABLE stock_level DROP COLUMN binned`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Allocation1764000000900 implements MigrationInterface {
  name = 'Allocation1764000000900';

  async up(q: QueryRunner): Promise<void> {
    // How orders are allocated: one default row and optional rows per sales channel.
    await q.query(`
      CREATE TABLE allocation_setting (
        id text PRIMARY KEY CHECK (id = 'default' OR id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
        strategies text[] NOT NULL
          CHECK (cardinality(strategies) BETWEEN 1 AND 3 AND strategies <@ ARRAY['nearest', 'lowest_cost', 'priority']),
        shortage_policy text NOT NULL CHECK (shortage_policy IN ('ship_available', 'split', 'wait')),
        -- Empty: every warehouse. Otherwise only these (a virtual one stands for its members).
        warehouse_ids uuid[] NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    await q.query(
      `INSERT INTO allocation_setting (id, strategies, shortage_policy) VALUES ('default', ARRAY['nearest', 'priority'], 'ship_available')`,
    );

    // Every allocation of an order, with the plan and why.
    await q.query(`
      CREATE TABLE allocation (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        sequence int NOT NULL CHECK (sequence > 0),
        trigger text NOT NULL CHECK (trigger IN ('order', 'backorder', 'manual')),
        channel_id uuid,
        status text NOT NULL CHECK (status IN ('pending', 'allocated', 'partially_allocated', 'backordered')),
        policy text NOT NULL,
        strategies text[] NOT NULL,
        ship_to jsonb NOT NULL,
        lines jsonb NOT NULL,
        shipments jsonb NOT NULL DEFAULT '[]',
        backordered jsonb NOT NULL DEFAULT '[]',
        explanation jsonb NOT NULL DEFAULT '{}',
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The first allocation of an order is made once, however often it is asked for.
        UNIQUE (order_id, sequence)
      )`);
    await q.query(`CREATE INDEX allocation_created_idx ON allocation (created_at DESC, id)`);

    // What an order still waits for, line by line.
    await q.query(`
      CREATE TABLE backorder (
        order_id uuid NOT NULL,
        line_id text NOT NULL,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        requested int NOT NULL CHECK (requested > 0),
        outstanding int NOT NULL CHECK (outstanding >= 0 AND outstanding <= requested),
        unit_weight_grams int NOT NULL DEFAULT 0,
        channel_id uuid,
        paid_at timestamptz,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (order_id, line_id),
        CHECK ((status = 'open') = (outstanding > 0) OR status = 'cancelled')
      )`);
    // Stock arriving for a SKU serves its backorders oldest paid first.
    await q.query(
      `CREATE INDEX backorder_open_idx ON backorder (product_id, paid_at NULLS LAST, created_at, order_id) WHERE status = 'open'`,
    );

    // A line can be reserved in one warehouse by several allocations (now, and again when
    // its backorder fills): each allocation's reservation is its own row.
    await q.query(`ALTER TABLE stock_reservation ADD COLUMN allocation_id uuid`);
    await q.query(`ALTER TABLE stock_reservation DROP CONSTRAINT stock_reservation_order_id_line_id_warehouse_id_key`);
    await q.query(`
      CREATE UNIQUE INDEX stock_reservation_request_key ON stock_reservation
        (order_id, line_id, warehouse_id, (coalesce(allocation_id, '00000000-0000-0000-0000-000000000000'::uuid)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_reservation_request_key`);
    await q.query(`ALTER TABLE stock_reservation ADD CONSTRAINT stock_reservation_order_id_line_id_warehouse_id_key UNIQUE (order_id, line_id, warehouse_id)`);
    await q.query(`ALTER TABLE stock_reservation DROP COLUMN allocation_id`);
    await q.query(`DROP TABLE backorder`);
    await q.query(`DROP TABLE allocation`);
    await q.query(`DROP TABLE allocation_setting`);
  }
}

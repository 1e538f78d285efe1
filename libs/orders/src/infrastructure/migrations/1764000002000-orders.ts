import type { MigrationInterface, QueryRunner } from 'typeorm';

import { MANUAL_CHANNEL_ID } from '../../domain/channels.js';

const STATUSES = [
  'pending_payment', 'pending_review', 'on_hold', 'approved', 'partially_allocated', 'backordered', 'allocated',
  'in_fulfillment', 'partially_shipped', 'shipped', 'delivered', 'completed', 'cancelled', 'rejected',
];

export class Orders1764000002000 implements MigrationInterface {
  name = 'Orders1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE sales_channel (
        id uuid PRIMARY KEY,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
        name text NOT NULL,
        type text NOT NULL DEFAULT 'manual',
        -- null: follow the global auto-approval setting
        auto_approve boolean,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX sales_channel_code_key ON sales_channel (code)`);
    await q.query(`INSERT INTO sales_channel (id, code, name, type) VALUES ($1, 'manual', 'Manual entry', 'manual')`, [MANUAL_CHANNEL_ID]);

    // Human-readable numbers: SO-<yyyymmdd>-<6 digits of one sequence>.
    await q.query(`CREATE SEQUENCE sales_order_number_seq`);
    await q.query(`
      CREATE TABLE sales_order (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        channel_id uuid NOT NULL REFERENCES sales_channel (id),
        external_id text,
        external_number text,
        status text NOT NULL CHECK (status IN (${STATUSES.map((s) => `'${s}'`).join(', ')})),
        flags jsonb NOT NULL DEFAULT '[]',
        open_flags text[] NOT NULL DEFAULT '{}',
        subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
        shipping_fee_minor bigint NOT NULL CHECK (shipping_fee_minor >= 0),
        discount_minor bigint NOT NULL CHECK (discount_minor >= 0),
        tax_minor bigint NOT NULL CHECK (tax_minor >= 0),
        total_minor bigint NOT NULL CHECK (total_minor >= 0),
        currency char(3) NOT NULL,
        customer_id uuid,
        customer_name text NOT NULL,
        customer_phone text NOT NULL,
        customer_email text,
        shipping_address jsonb NOT NULL,
        payment jsonb NOT NULL,
        payment_status text NOT NULL,
        paid_at timestamptz,
        delivery jsonb NOT NULL DEFAULT '{}',
        buyer_remark text,
        seller_remark text,
        tags text[] NOT NULL DEFAULT '{}',
        priority int NOT NULL DEFAULT 0,
        -- The warehouse shipping the order (the first, when several do): warehouse staff see their own.
        warehouse_id uuid,
        warehouse_ids uuid[] NOT NULL DEFAULT '{}',
        audit jsonb,
        parent_id uuid REFERENCES sales_order (id),
        merged_into_id uuid REFERENCES sales_order (id),
        shipped_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX sales_order_number_key ON sales_order (number)`);
    // The same channel order comes in once, however often the channel sends it.
    await q.query(`CREATE UNIQUE INDEX sales_order_external_key ON sales_order (channel_id, external_id) WHERE external_id IS NOT NULL`);
    // The list: newest first within a status tab, and every filter on an index.
    await q.query(`CREATE INDEX sales_order_status_created_idx ON sales_order (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX sales_order_created_idx ON sales_order (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX sales_order_paid_idx ON sales_order (paid_at DESC) WHERE paid_at IS NOT NULL`);
    await q.query(`CREATE INDEX sales_order_shipped_idx ON sales_order (shipped_at DESC) WHERE shipped_at IS NOT NULL`);
    await q.query(`CREATE INDEX sales_order_channel_idx ON sales_order (channel_id, created_at DESC)`);
    await q.query(`CREATE INDEX sales_order_phone_idx ON sales_order (customer_phone)`);
    await q.query(`CREATE INDEX sales_order_email_idx ON sales_order (lower(customer_email)) WHERE customer_email IS NOT NULL`);
    await q.query(`CREATE INDEX sales_order_name_trgm_idx ON sales_order USING gin (customer_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX sales_order_external_number_idx ON sales_order (external_number) WHERE external_number IS NOT NULL`);
    await q.query(`CREATE INDEX sales_order_customer_idx ON sales_order (customer_id, created_at DESC) WHERE customer_id IS NOT NULL`);
    await q.query(`CREATE INDEX sales_order_total_idx ON sales_order (total_minor)`);
    await q.query(`CREATE INDEX sales_order_tags_idx ON sales_order USING gin (tags)`);
    await q.query(`CREATE INDEX sales_order_open_flags_idx ON sales_order USING gin (open_flags)`);
    await q.query(`CREATE INDEX sales_order_warehouses_idx ON sales_order USING gin (warehouse_ids)`);
    await q.query(`CREATE INDEX sales_order_warehouse_idx ON sales_order (warehouse_id, created_at DESC) WHERE warehouse_id IS NOT NULL`);
    await q.query(`CREATE INDEX sales_order_parent_idx ON sales_order (parent_id) WHERE parent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE sales_order_line (
        order_id uuid NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
        id text NOT NULL,
        position int NOT NULL,
        sku text NOT NULL,
        name text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
        tax_minor bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
        total_minor bigint NOT NULL,
        PRIMARY KEY (order_id, id)
      )`);
    await q.query(`CREATE INDEX sales_order_line_sku_idx ON sales_order_line (lower(sku), order_id)`);

    // The timeline: every event of an order with who did it (append-only).
    await q.query(`
      CREATE TABLE sales_order_event (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        type text NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'system', 'channel')),
        actor_id uuid,
        from_status text,
        to_status text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX sales_order_event_order_idx ON sales_order_event (order_id, at, id)`);
    await q.query(`
      CREATE FUNCTION sales_order_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'sales_order_event is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER sales_order_event_no_change BEFORE UPDATE ON sales_order_event
      FOR EACH ROW EXECUTE FUNCTION sales_order_event_append_only()`);

    // Counts per status for the status tabs, kept by trigger: no count scans the table.
    await q.query(`CREATE TABLE sales_order_status_count (status text PRIMARY KEY, count bigint NOT NULL DEFAULT 0)`);
    await q.query(`INSERT INTO sales_order_status_count (status) SELECT unnest($1::text[])`, [STATUSES]);
    await q.query(`
      CREATE FUNCTION sales_order_count_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE sales_order_status_count SET count = count - 1 WHERE status = OLD.status;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE sales_order_status_count SET count = count + 1 WHERE status = NEW.status;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER sales_order_status_counted AFTER INSERT OR DELETE OR UPDATE OF status ON sales_order
      FOR EACH ROW EXECUTE FUNCTION sales_order_count_status()`);

  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_order_status_count`);
    await q.query(`DROP TABLE sales_order_event`);
    await q.query(`DROP TABLE sales_order_line`);
    await q.query(`DROP TABLE sales_order`);
    await q.query(`DROP FUNCTION sales_order_count_status`);
    await q.query(`DROP FUNCTION sales_order_event_append_only`);
    await q.query(`DROP SEQUENCE sales_order_number_seq`);
    await q.query(`DROP TABLE sales_channel`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers, built from orders: one per channel and phone (or email), with their order figures. */
export class Customers1764000002200 implements MigrationInterface {
  name = 'Customers1764000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY,
        channel_id uuid NOT NULL REFERENCES sales_channel (id),
        name text NOT NULL,
        phone text NOT NULL,
        email text,
        -- Orders that were not cancelled or rejected, and what they came to.
        order_count int NOT NULL DEFAULT 0 CHECK (order_count >= 0),
        total_spent_minor bigint NOT NULL DEFAULT 0 CHECK (total_spent_minor >= 0),
        currency char(3) NOT NULL,
        first_order_at timestamptz,
        last_order_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customer_channel_phone_key ON customer (channel_id, phone)`);
    await q.query(`CREATE INDEX customer_channel_email_idx ON customer (channel_id, lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE INDEX customer_name_trgm_idx ON customer USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX customer_last_order_idx ON customer (last_order_at DESC NULLS LAST, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE customer`);
  }
}

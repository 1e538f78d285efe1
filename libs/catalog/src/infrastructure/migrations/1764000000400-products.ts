import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Products1764000000400 implements MigrationInterface {
  name = 'Products1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY,
        sku text NOT NULL CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        attributes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
        barcodes text[] NOT NULL DEFAULT '{}',
        weight_grams int CHECK (weight_grams >= 0),
        length_mm int CHECK (length_mm >= 0),
        width_mm int CHECK (width_mm >= 0),
        height_mm int CHECK (height_mm >= 0),
        price_minor bigint NOT NULL CHECK (price_minor >= 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        purchase_limit int CHECK (purchase_limit > 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    // SKUs are matched whatever their case: "ab-1" and "AB-1" are one product.
    await q.query(`CREATE UNIQUE INDEX product_sku_key ON product (lower(sku))`);
    await q.query(`CREATE INDEX product_barcodes_idx ON product USING gin (barcodes)`);
    await q.query(`CREATE INDEX product_created_idx ON product (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX product_name_idx ON product (name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product`);
  }
}

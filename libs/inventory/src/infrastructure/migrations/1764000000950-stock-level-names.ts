import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stock levels keep their product's name, so stock can be found by name without asking the catalogue. */
export class StockLevelNames1764000000950 implements MigrationInterface {
  name = 'StockLevelNames1764000000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_level ADD COLUMN product_name text NOT NULL DEFAULT ''`);
    // Once, for levels that exist already; from now on the catalogue's product events keep it.
    await q.query(`UPDATE stock_level s SET product_name = p.name FROM product p WHERE p.id = s.product_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_level DROP COLUMN product_name`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A virtual warehouse can hold its pooled stock for one sales channel. */
export class ChannelPools1764000001000 implements MigrationInterface {
  name = 'ChannelPools1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE warehouse ADD COLUMN channel_id uuid`);
    await q.query(`ALTER TABLE warehouse ADD CONSTRAINT warehouse_channel_pool_check CHECK (channel_id IS NULL OR type = 'virtual')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE warehouse DROP COLUMN channel_id`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an order was first approved (from then on inventory may hold stock for it, so its lines
 * are fixed and its cancellation or rejection gives stock back), and the last allocation it has
 * recorded (a late or repeated allocation event is recognised and changes nothing).
 */
export class OrderApproval1764000002500 implements MigrationInterface {
  name = 'OrderApproval1764000002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sales_order ADD COLUMN approved_at timestamptz, ADD COLUMN allocation_sequence integer NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE sales_order o SET approved_at = e.at
      FROM (SELECT order_id, min(at) AS at FROM sales_order_event WHERE type = 'orders.order-approved' GROUP BY order_id) e
      WHERE e.order_id = o.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sales_order DROP COLUMN approved_at, DROP COLUMN allocation_sequence`);
  }
}

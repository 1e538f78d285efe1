import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The phone filter finds an order however its phone was written (by a channel or by hand) and
 * however it is typed into the filter: full-width digits, spaces and dashes, +86 / 0086 / 86,
 * an extension after a mobile number. `order_phone_key` is the mainland national form; an
 * index on it serves the filter.
 */
export class OrderPhoneKey1764000002600 implements MigrationInterface {
  name = 'OrderPhoneKey1764000002600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION order_phone_key(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
                 WHEN d ~ '^(0086|86)1[3-9][0-9]{9}$' THEN regexp_replace(d, '^(0086|86)', '')
                 WHEN d ~ '^(0086|86)0' THEN regexp_replace(d, '^(0086|86)', '')
                 WHEN d ~ '^(0086|86)[1-9]' THEN '0' || regexp_replace(d, '^(0086|86)', '')
                 ELSE d
               END
        FROM (SELECT regexp_replace(
                       regexp_replace(
                         regexp_replace(translate(coalesce(phone, ''), '０１２３４５６７８９＋－', '0123456789+-'), '\\s', '', 'g'),
                         '^((\\+|00)?(86)?1[3-9][0-9]{9})(-|转|分机|ext\\.?|x|#|,)[0-9]{1,6}$', '\\1', 'i'),
                       '[^0-9]', '', 'g') AS d) s
      $$`);
    await q.query(`CREATE INDEX sales_order_phone_key_idx ON sales_order (order_phone_key(customer_phone))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sales_order_phone_key_idx`);
    await q.query(`DROP FUNCTION order_phone_key(text)`);
  }
}

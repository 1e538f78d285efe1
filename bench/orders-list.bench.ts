import type { INestApplicationContext } from '@nestjs/common';
import { BUILT_IN_ROLES } from '@oms/access';
import { type AppAbility, buildAbility, listResource, newId, parseListQuery, RequestContext, UnitOfWork } from '@oms/core';
import { MANUAL_CHANNEL_ID, ORDERS, OrderQueries } from '@oms/orders';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import { secondsSince } from './support/report.js';

export interface OrdersListOptions {
  /** Orders generated into sales_order (with 1-3 lines each into sales_order_line). */
  rows: number;
  /** Warehouses shipping them. */
  warehouses: number;
  /** Warehouses of the staff user of the scoped list. */
  scopedWarehouses: number;
  /** SKUs the lines are drawn from (a few popular, a long tail). */
  skus: number;
  /** Timed repetitions of each list, after two untimed rounds. */
  repeats: number;
  /** Also time the lists no index serves with the index that would. */
  whatIf: boolean;
}

const PAGE = 25;
const TAG = '赠品';
const CHANNELS = ['tmall', 'jd', 'douyin', 'pdd'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
const PLACES = [
  ['浙江省', '杭州市', '310000'], ['广东省', '深圳市', '518000'], ['上海市', '上海市', '200000'], ['北京市', '北京市', '100000'],
  ['江苏省', '南京市', '210000'], ['四川省', '成都市', '610000'], ['湖北省', '武汉市', '430000'], ['福建省', '厦门市', '361000'],
];
const FLAGS = ['OUT_OF_STOCK', 'ADDRESS_INCOMPLETE', 'SUSPECTED_DUPLICATE', 'AMOUNT_NEEDS_REVIEW', 'PHONE_INVALID'];
const WARM_UP = 2;
const MIN_ROUNDS = 3;
const BUDGET_MS = 20_000;

/** The columns the list returns, as the list definition names them. */
const SELECT_LIST = Object.entries(ORDERS.fields)
  .map(([field, sql]) => `${sql} AS "${field}"`)
  .join(', ');

interface Statement {
  sql: string;
  params: unknown[];
}

/** One list request as the admin sends it, and the SQL a developer would write for the same rows. */
interface ListCase {
  label: string;
  filter: Record<string, unknown>;
  /** The warehouse staff user (scoped to their warehouses) instead of an order operator. */
  staff?: boolean;
  where: string;
  params: unknown[];
  /** Indexes that would serve the filter, as (name, definition after `ON sales_order`), for the what-if measure. */
  missing?: [string, string][];
}

interface Page {
  ids: string[];
  total: number;
}

/** Stable pseudo-random non-negative ints per order: `h(k)` of order `i`, the same every run. */
const h = (k: number, i = 'i') => `(hashint8((${i})::bigint * 64 + ${k}) & 2147483647)`;
/** Created evenly over the 180 days before `$1` (the newest order, i = n). */
const created = (n: number) => `($1::timestamptz - ((${n} - i)::float8 / ${n}) * interval '180 days')`;
/** A v7-shaped uuid: the creation time in milliseconds, then bits of the order's hash. */
const orderId = (n: number) =>
  `(lpad(to_hex(floor(extract(epoch FROM ${created(n)}) * 1000)::bigint), 12, '0') || '7' || substr(md5(i::text), 1, 3) || '8' || substr(md5(i::text), 4, 15))::uuid`;

/**
 * Status by age: today's orders spread over the whole lifecycle, last fortnight's mostly
 * shipped or delivered, older ones completed, with cancellations and rejections throughout.
 */
const STATUS = `CASE
  WHEN age < 2 THEN CASE WHEN r1 < 80 THEN 'pending_payment' WHEN r1 < 130 THEN 'pending_review' WHEN r1 < 180 THEN 'on_hold'
    WHEN r1 < 230 THEN 'approved' WHEN r1 < 250 THEN 'backordered' WHEN r1 < 260 THEN 'partially_allocated' WHEN r1 < 400 THEN 'allocated'
    WHEN r1 < 550 THEN 'in_fulfillment' WHEN r1 < 570 THEN 'partially_shipped' WHEN r1 < 880 THEN 'shipped' WHEN r1 < 980 THEN 'cancelled'
    ELSE 'rejected' END
  WHEN age < 14 THEN CASE WHEN r1 < 250 THEN 'shipped' WHEN r1 < 800 THEN 'delivered' WHEN r1 < 880 THEN 'completed'
    WHEN r1 < 980 THEN 'cancelled' ELSE 'rejected' END
  ELSE CASE WHEN r1 < 850 THEN 'completed' WHEN r1 < 880 THEN 'delivered' WHEN r1 < 990 THEN 'cancelled' ELSE 'rejected' END
END`;
const SHIPS_FROM_WAREHOUSE = `('partially_allocated', 'allocated', 'in_fulfillment', 'partially_shipped', 'shipped', 'delivered', 'completed')`;

/**
 * One row per order with everything drawn for it. Each level ends in OFFSET 0, which keeps
 * PostgreSQL from pulling the level up and computing its expressions again at every use.
 */
function drawOrders(n: number, warehouses: number): string {
  const base = `SELECT o.i, o.subtotal, ${created(n)} AS created, ${orderId(n)} AS id, (${n} - o.i) * 180.0 / ${n} AS age,
      ${h(3)} % 300000 AS c, ${h(1)} % 1000 AS r1, ${h(4)} % 1000 AS r4, ${h(5)} % 1000 AS r5, ${h(6)} AS h6, ${h(7)} % 1000 AS r7,
      ${h(8)} % 1000 AS r8, ${h(9)} AS h9, ${h(10)} % ${warehouses} AS wh
    FROM bench_gen_order o OFFSET 0`;
  const withStatus = `SELECT b.*, ${STATUS} AS status FROM (${base}) b OFFSET 0`;
  return `SELECT s.*, CASE WHEN s.status = 'on_hold' THEN ($8::text[])[1 + s.h9 % 5] END AS flag,
      CASE WHEN s.subtotal >= 9900 THEN 0 ELSE 800 END AS fee, CASE WHEN s.r5 < 200 THEN s.subtotal / 10 ELSE 0 END AS discount,
      ($10::text[])[1 + s.h6 % 6] AS method, CASE WHEN s.status = 'pending_payment' THEN 'pending' ELSE 'paid' END AS paid,
      CASE WHEN s.status <> 'pending_payment' THEN s.created + (1 + s.h6 % 30) * interval '1 minute' END AS paid_at,
      CASE WHEN s.status IN ${SHIPS_FROM_WAREHOUSE} THEN ($11::uuid[])[1 + s.wh] END AS warehouse_id,
      CASE WHEN s.r4 < 100 THEN $9::uuid ELSE ($2::uuid[])[1 + s.r4 % 4] END AS channel_id,
      CASE WHEN s.r4 >= 100 THEN (2 + s.r4 % 4)::text || lpad(s.i::text, 15, '0') END AS ext
    FROM (${withStatus}) s OFFSET 0`;
}

interface Generated {
  newest: Date;
  warehouseIds: string[];
  /** Orders in the table (the generated ones and any already there). */
  orders: number;
  number: string;
  phone: string;
  sku: string;
  tag: string;
}

/**
 * `rows` orders and their lines straight in SQL. The tables' secondary indexes are dropped
 * for the load and created again from their own definitions afterwards (faster than keeping 20
 * indexes up to date row by row). Triggers are off during the load where the user may turn
 * them off (a superuser: also the foreign-key checks, which the generated rows satisfy by
 * construction); the status counts are recomputed after it. Then VACUUM (ANALYZE) and a
 * checkpoint, as a live table would have had.
 */
async function generateOrders(sql: pg.Client, o: OrdersListOptions, say: (m: string) => void): Promise<Generated> {
  const n = o.rows;
  const [{ newest }] = (await sql.query<{ newest: Date }>(`SELECT date_trunc('second', now()) AS newest`)).rows;
  const warehouseIds = Array.from({ length: o.warehouses }, () => newId());
  await sql.query(
    `INSERT INTO sales_channel (id, code, name, type) SELECT gen_random_uuid(), c, c, 'marketplace' FROM unnest($1::text[]) AS c ON CONFLICT DO NOTHING`,
    [CHANNELS],
  );
  const channels = (await sql.query<{ id: string }>(`SELECT id FROM sales_channel WHERE code = ANY($1::text[]) ORDER BY code`, [CHANNELS])).rows.map((c) => c.id);
  const [{ seq }] = (await sql.query<{ seq: string }>(`SELECT last_value::text AS seq FROM sales_order_number_seq`)).rows;

  let start = performance.now();
  const { rows: indexes } = await sql.query<{ name: string; def: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index i
     WHERE indrelid IN ('sales_order'::regclass, 'sales_order_line'::regclass) AND NOT indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await sql.query(`DROP INDEX ${index.name}`);
  const skipsChecks = await sql.query(`SET session_replication_role = replica`).then(() => true, () => false);
  await sql.query('ALTER TABLE sales_order DISABLE TRIGGER sales_order_status_counted');
  await sql.query(`SET maintenance_work_mem = '256MB'`);

  // 1-3 lines per order; SKU k is drawn with probability falling off as k grows (a few sell a lot, most a little).
  await sql.query(
    `CREATE TEMP TABLE bench_gen_line AS
     SELECT i, k, sku_no, CASE WHEN q < 700 THEN 1 WHEN q < 900 THEN 2 ELSE 3 END AS qty, 990 + (sku_no * 7919 % 200) * 100 AS price
     FROM generate_series(1, ${n}) AS i
     CROSS JOIN LATERAL generate_series(1, 1 + ${h(2)} % 3) AS k
     CROSS JOIN LATERAL (SELECT floor(${o.skus} * power(${h(8, 'i * 64 + k')} % 1000000 / 1e6, 2))::int + 1 AS sku_no,
                                ${h(16, 'i * 64 + k')} % 1000 AS q) x`,
  );
  await sql.query(`CREATE TEMP TABLE bench_gen_order AS SELECT i, sum(qty * price)::bigint AS subtotal FROM bench_gen_line GROUP BY i`);
  await sql.query(
    `INSERT INTO sales_order (id, number, channel_id, external_id, external_number, status, flags, open_flags, subtotal_minor,
       shipping_fee_minor, discount_minor, tax_minor, total_minor, currency, customer_name, customer_phone, customer_email,
       shipping_address, payment, payment_status, paid_at, buyer_remark, tags, warehouse_id, warehouse_ids, audit, shipped_at,
       created_at, updated_at)
     SELECT g.id, 'SO-' || to_char(g.created AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(no::text, greatest(6, length(no::text)), '0'),
       g.channel_id, g.ext, g.ext, g.status,
       CASE WHEN g.flag IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('code', g.flag, 'message', g.flag,
         'raisedAt', g.created, 'resolvedAt', null, 'resolvedBy', null, 'resolution', null)) END,
       CASE WHEN g.flag IS NULL THEN '{}'::text[] ELSE ARRAY[g.flag] END,
       g.subtotal, g.fee, g.discount, 0, g.subtotal + g.fee - g.discount, 'CNY',
       ($3::text[])[1 + g.c % 20] || ($4::text[])[1 + g.c / 20 % 20], '138' || lpad(g.c::text, 8, '0'),
       CASE WHEN g.c % 5 = 0 THEN 'c' || g.c || '@example.com' END,
       jsonb_build_object('country', 'CN', 'province', ($5::text[])[1 + g.c % 8], 'city', ($6::text[])[1 + g.c % 8], 'district', '',
         'line1', '幸福路 ' || (1 + g.c % 999) || ' 号', 'postcode', ($7::text[])[1 + g.c % 8]),
       jsonb_build_object('method', g.method, 'instant', g.method NOT IN ('bank_transfer', 'cash_on_delivery'), 'status', g.paid,
         'paidAmountMinor', CASE WHEN g.paid = 'paid' THEN g.subtotal + g.fee - g.discount ELSE 0 END, 'paidAt', g.paid_at, 'reference', null),
       g.paid, g.paid_at, CASE WHEN g.r7 < 50 THEN '请尽快发货' END,
       CASE WHEN g.r8 < 20 THEN '{VIP}' WHEN g.r8 < 50 THEN '{${TAG}}' WHEN g.r8 < 70 THEN '{预售}' WHEN g.r8 < 80 THEN '{加急}'
            WHEN g.r8 < 85 THEN '{VIP,加急}' ELSE '{}' END::text[],
       g.warehouse_id, CASE WHEN g.warehouse_id IS NULL THEN '{}' ELSE ARRAY[g.warehouse_id] END,
       jsonb_build_object('ranAt', g.created, 'passed', g.flag IS NULL, 'results', '[]'::jsonb),
       CASE WHEN g.status IN ('partially_shipped', 'shipped', 'delivered', 'completed') THEN g.created + least(interval '1 day', ($1::timestamptz - g.created) / 2) END,
       g.created, g.created
     FROM (${drawOrders(n, o.warehouses)}) g CROSS JOIN LATERAL (SELECT ${seq}::bigint + g.i AS no) s`,
    [newest, channels, SURNAMES, GIVEN, PLACES.map((p) => p[0]), PLACES.map((p) => p[1]), PLACES.map((p) => p[2]), FLAGS, MANUAL_CHANNEL_ID,
      ['alipay', 'wechat_pay', 'alipay', 'wechat_pay', 'unionpay', 'cash_on_delivery'], warehouseIds],
  );
  await sql.query(`SELECT setval('sales_order_number_seq', $1::bigint)`, [String(BigInt(seq) + BigInt(n))]);
  await sql.query(
    `INSERT INTO sales_order_line (order_id, id, position, sku, name, quantity, unit_price_minor, discount_minor, tax_minor, total_minor)
     SELECT ${orderId(n)}, k::text, k - 1, 'SKU-' || lpad(sku_no::text, 5, '0'), '商品 ' || sku_no, qty, price, 0, 0, qty * price
     FROM bench_gen_line`,
    [newest],
  );
  await sql.query('DROP TABLE bench_gen_line, bench_gen_order');
  if (skipsChecks) await sql.query('RESET session_replication_role');
  const inserted = secondsSince(start);

  start = performance.now();
  for (const index of indexes) await sql.query(index.def);
  await sql.query('RESET maintenance_work_mem');
  await sql.query('ALTER TABLE sales_order ENABLE TRIGGER sales_order_status_counted');
  await sql.query(
    `UPDATE sales_order_status_count c SET count = CASE WHEN c.shard = 0 THEN coalesce(x.n, 0) ELSE 0 END
     FROM sales_order_status_count c2 LEFT JOIN (SELECT status, count(*) AS n FROM sales_order GROUP BY status) x USING (status)
     WHERE c2.status = c.status AND c2.shard = c.shard`,
  );
  const indexed = secondsSince(start);
  start = performance.now();
  await sql.query('VACUUM (ANALYZE) sales_order, sales_order_line, sales_order_status_count');
  await sql.query('CHECKPOINT').catch(() => say('note: CHECKPOINT not allowed for this user; skipped'));
  const { rows: size } = await sql.query<{ orders: number; size: string; lines: string }>(
    `SELECT (SELECT count(*)::int FROM sales_order) AS orders, pg_size_pretty(pg_total_relation_size('sales_order')) AS size,
            pg_size_pretty(pg_total_relation_size('sales_order_line')) AS lines`,
  );
  say(
    `generated ${n.toLocaleString('en-US')} orders and their lines in ${inserted.toFixed(1)} s ` +
      `(${skipsChecks ? 'foreign-key checks off' : 'foreign keys checked row by row: not a superuser'}), ` +
      `${indexes.length} secondary indexes built again in ${indexed.toFixed(1)} s, vacuumed, analysed and checkpointed in ${secondsSince(start).toFixed(1)} s; ` +
      `sales_order ${size[0].size}, sales_order_line ${size[0].lines} with indexes`,
  );

  // Values to look for: the number and phone of an order a third of the way back, a SKU of middling popularity.
  const [sample] = (
    await sql.query<{ number: string; phone: string }>(
      `SELECT number, customer_phone AS phone FROM sales_order ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
      [Math.floor(n / 3)],
    )
  ).rows;
  return { newest, warehouseIds, orders: size[0].orders, number: sample.number, phone: sample.phone, sku: `sku-${String(100).padStart(5, '0')}`, tag: TAG };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function ms(n: number): string {
  return n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);
}

/** Latencies side by side: p50 and p95 of plain SQL and of listResource, and listResource's over plain's. */
function latencyTable(rows: { label: string; total: number; plain: number[]; list: number[] }[], sideLabel = 'listResource'): string {
  const header = ['list (page of 25 + exact total)', 'total', 'runs', 'plain p50', 'plain p95', `${sideLabel} p50`, `${sideLabel} p95`, '÷ plain p50', '÷ plain p95'];
  const cells = rows.map((r) => {
    const plain = [...r.plain].sort((a, b) => a - b);
    const list = [...r.list].sort((a, b) => a - b);
    const [p50, p95, l50, l95] = [percentile(plain, 50), percentile(plain, 95), percentile(list, 50), percentile(list, 95)];
    return [r.label, r.total.toLocaleString('en-US'), String(plain.length), `${ms(p50)} ms`, `${ms(p95)} ms`, `${ms(l50)} ms`, `${ms(l95)} ms`, (l50 / p50).toFixed(2), (l95 / p95).toFixed(2)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Parallel Aware'?: boolean; 'Partial Mode'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** The plan's nodes from the top: `Limit > Index Scan on sales_order_created_idx`. */
function planShape(node: PlanNode): string {
  const mode = node['Partial Mode'] && node['Partial Mode'] !== 'Simple' ? `${node['Partial Mode']} ` : '';
  const type = `${mode}${node['Parallel Aware'] ? 'Parallel ' : ''}${node['Node Type']}`;
  const on = node['Index Name'] ?? (node['Node Type'].includes('Seq Scan') ? node['Relation Name'] : undefined);
  const self = on ? `${type} on ${on}` : type;
  const children = (node.Plans ?? []).map(planShape);
  if (children.length === 0) return self;
  return `${self} > ${children.length === 1 ? children[0] : `(${children.join(' + ')})`}`;
}

async function explain(manager: EntityManager, { sql, params }: Statement): Promise<string> {
  const [row] = await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return planShape((row['QUERY PLAN'] as [{ Plan: PlanNode }])[0].Plan);
}

/** The page and count statements listResource sends, recorded from a real call. */
async function listStatements(manager: EntityManager, ability: AppAbility, filter: Record<string, unknown>): Promise<{ page: Statement; count: Statement }> {
  const seen: Statement[] = [];
  const recorder = {
    query: (sql: string, params: unknown[] = []) => {
      seen.push({ sql, params });
      return manager.query(sql, params);
    },
  } as unknown as EntityManager;
  await RequestContext.run({ requestId: 'bench', ability }, () => listResource(recorder, ORDERS, listQuery(filter)));
  const count = seen.find((s) => s.sql.startsWith('SELECT count(*)'));
  const page = seen.find((s) => s !== count);
  if (!page || !count || seen.length !== 2) throw new Error(`listResource sent ${seen.length} statements, expected a page and a count`);
  return { page, count };
}

const listQuery = (filter: Record<string, unknown>) =>
  parseListQuery({ range: JSON.stringify([0, PAGE - 1]), filter: JSON.stringify(filter) }, ORDERS);

/**
 * The order list on `rows` generated orders: typical requests of the admin's order list through
 * listResource (page of 25, newest first, and the exact total, side by side as the list runs
 * them), each beside hand-written SQL for the same rows; and the status tabs' counts from the
 * counter table beside a GROUP BY. Returns the problems found (the two sides disagreeing).
 */
export async function runOrdersList(app: INestApplicationContext, sql: pg.Client, options: OrdersListOptions, say: (m: string) => void): Promise<string[]> {
  const data = await generateOrders(sql, options, say);
  const manager = app.get(UnitOfWork).manager;
  const user = (key: string, warehouseIds: string[]) =>
    buildAbility(BUILT_IN_ROLES.find((r) => r.key === key)!.permissions, { id: newId(), email: `${key}@bench.local`, warehouseIds, channelIds: [] });
  const operator = user('order_operator', []);
  const mine = data.warehouseIds.slice(0, options.scopedWarehouses);
  const staff = user('warehouse_staff', mine);
  const weekAgo = new Date(data.newest.getTime() - 7 * 86_400_000).toISOString();

  const cases: ListCase[] = [
    { label: 'default page (all orders, newest first)', filter: {}, where: 'TRUE', params: [] },
    { label: "status tab 'shipped'", filter: { status: 'shipped' }, where: 'o.status = $1', params: ['shipped'] },
    {
      label: "status 'delivered', created in the last 7 days",
      filter: { status: 'delivered', createdAt_gte: weekAgo, createdAt_lte: data.newest.toISOString() },
      where: 'o.status = $1 AND o.created_at >= $2 AND o.created_at <= $3',
      params: ['delivered', weekAgo, data.newest.toISOString()],
    },
    { label: 'customer phone', filter: { customerPhone: data.phone }, where: 'o.customer_phone = $1', params: [data.phone] },
    {
      label: 'q = an order number',
      filter: { q: data.number },
      where: `(o.number ILIKE $1 OR o.external_id ILIKE $1 OR o.external_number ILIKE $1 OR o.customer_phone ILIKE $1
              OR o.customer_name ILIKE $1 OR o.customer_email ILIKE $1)`,
      params: [`%${data.number}%`],
      // customer_name has its trigram index already; an OR is served by a BitmapOr only when every arm has an index.
      missing: ['number', 'external_id', 'external_number', 'customer_phone', 'customer_email'].map((c) => [`bench_${c}_trgm_idx`, `USING gin (${c} gin_trgm_ops)`]),
    },
    {
      label: `SKU ${data.sku}`,
      filter: { sku: data.sku },
      where: 'EXISTS (SELECT 1 FROM sales_order_line l WHERE l.order_id = o.id AND lower(l.sku) = lower($1))',
      params: [data.sku],
    },
    { label: `tag ${data.tag}`, filter: { tag: data.tag }, where: 'o.tags @> $1::text[]', params: [[data.tag]] },
    {
      label: 'has an exception (open flags)',
      filter: { hasException: true },
      where: 'cardinality(o.open_flags) > 0',
      params: [],
      missing: [['bench_open_flags_created_idx', '(created_at DESC, id DESC) WHERE cardinality(open_flags) > 0']],
    },
    {
      label: 'total 500.00-1,000.00 CNY',
      filter: { totalMinor_gte: 50_000, totalMinor_lte: 100_000 },
      where: 'o.total_minor >= $1 AND o.total_minor <= $2',
      params: [50_000, 100_000],
    },
    { label: `warehouse staff of ${mine.length} warehouses`, filter: {}, staff: true, where: 'o.warehouse_id = ANY($1::uuid[])', params: [mine] },
  ];

  const problems: string[] = [];
  const measured: Measured[] = [];
  for (const c of cases) {
    const m = await prepare(manager, c, c.staff ? staff : operator);
    problems.push(...(await compare(m)));
    measured.push(m);
  }

  const queries = app.get(OrderQueries);
  const grouped = async () =>
    Object.fromEntries(
      ((await manager.query(`SELECT status, count(*)::int AS count FROM sales_order GROUP BY status`)) as { status: string; count: number }[]).map((r) => [r.status, r.count]),
    );
  const fromCounter = await queries.statusCounts();
  const fromTable = await grouped();
  for (const [status, n] of Object.entries(fromCounter)) {
    if (n !== (fromTable[status] ?? 0)) problems.push(`status-counts says ${n} ${status}, the table holds ${fromTable[status] ?? 0}`);
  }

  say(
    `\nOrder list: ${options.rows.toLocaleString('en-US')} generated orders (${data.orders.toLocaleString('en-US')} in the table); ` +
      `an order operator's requests, and a warehouse staff user's; first page of ${PAGE}, newest first, with the exact total; ` +
      `up to ${options.repeats} timed runs each (at least ${MIN_ROUNDS}, fewer past ${BUDGET_MS / 1000} s), plain SQL and listResource taking turns\n`,
  );
  const timings = [];
  for (const m of measured) timings.push({ label: m.c.label, total: m.total, ...(await inTurns(m.plain, m.list, options.repeats)) });
  say(latencyTable(timings));
  const counts = await inTurns(grouped, () => queries.statusCounts(), options.repeats);
  say('');
  say(latencyTable([{ label: 'status tab counts (14 statuses)', total: data.orders, ...counts }], '/status-counts').replace('list (page of 25 + exact total)', 'GROUP BY status vs counter table'));

  say('\nplans of the statements listResource sends (EXPLAIN):');
  for (const m of measured) {
    say(`  ${m.c.label}`);
    say(`    page   ${await explain(manager, m.statements.page)}`);
    say(`    count  ${await explain(manager, m.statements.count)}`);
  }
  if (options.whatIf) problems.push(...(await whatIf(sql, manager, measured, options.repeats, say)));
  return problems;
}

interface Measured {
  c: ListCase;
  total: number;
  plain: () => Promise<Page>;
  list: () => Promise<Page>;
  statements: { page: Statement; count: Statement };
}

/** The case's hand-written SQL and its listResource request, ready to run (page and total side by side, as the list runs them). */
async function prepare(manager: EntityManager, c: ListCase, ability: AppAbility): Promise<Measured> {
  const page = `SELECT ${SELECT_LIST} FROM sales_order o WHERE ${c.where} ORDER BY o.created_at DESC, o.id DESC LIMIT ${PAGE}`;
  const count = `SELECT count(*)::int AS total FROM sales_order o WHERE ${c.where}`;
  const plain = async (): Promise<Page> => {
    const [rows, [{ total }]] = await Promise.all([manager.query(page, c.params), manager.query(count, c.params)]);
    return { ids: rows.map((r: { id: string }) => r.id), total };
  };
  const list = async (): Promise<Page> => {
    const result = await RequestContext.run({ requestId: 'bench', ability }, () => listResource<{ id: string }>(manager, ORDERS, listQuery(c.filter)));
    return { ids: result.rows.map((r) => r.id), total: result.total };
  };
  return { c, total: (await plain()).total, plain, list, statements: await listStatements(manager, ability, c.filter) };
}

/** What differs between the two sides' first page and total (empty when nothing does). */
async function compare(m: Measured): Promise<string[]> {
  const [expected, got] = [await m.plain(), await m.list()];
  const problems: string[] = [];
  if (expected.total === 0) problems.push(`${m.c.label}: plain SQL found no order; the generated data does not exercise this filter`);
  if (got.total !== expected.total) problems.push(`${m.c.label}: listResource counted ${got.total}, plain SQL ${expected.total}`);
  if (got.ids.join() !== expected.ids.join()) problems.push(`${m.c.label}: listResource returned another first page than plain SQL`);
  return problems;
}

/**
 * Milliseconds of each call, `repeats` times after two untimed rounds, the two taking turns at
 * going first; a list slower than BUDGET_MS for all its rounds stops after MIN_ROUNDS, and one
 * taking seconds is warmed up once only.
 */
async function inTurns(plain: () => Promise<unknown>, list: () => Promise<unknown>, repeats: number) {
  const t = { plain: [] as number[], list: [] as number[] };
  const begun = performance.now();
  for (let round = -WARM_UP; round < repeats; round++) {
    if (round >= MIN_ROUNDS && performance.now() - begun > BUDGET_MS) break;
    if (round === 1 - WARM_UP && performance.now() - begun > BUDGET_MS / 10) continue;
    const order: ['plain' | 'list', () => Promise<unknown>][] = round % 2 ? [['list', list], ['plain', plain]] : [['plain', plain], ['list', list]];
    for (const [side, run] of order) {
      const start = performance.now();
      await run();
      if (round >= 0) t[side].push(performance.now() - start);
    }
  }
  return t;
}

/**
 * BENCH_ORDER_LIST_WHAT_IF=1: the lists whose filter no index serves, again with the index
 * that would (built here, dropped afterwards; the migration is not changed).
 */
async function whatIf(sql: pg.Client, manager: EntityManager, measured: Measured[], repeats: number, say: (m: string) => void): Promise<string[]> {
  const problems: string[] = [];
  const timings = [];
  say('\nwhat if the migration had these indexes (built for the measure, dropped after it):');
  for (const m of measured.filter((x) => x.c.missing)) {
    const start = performance.now();
    for (const [name, def] of m.c.missing!) await sql.query(`CREATE INDEX ${name} ON sales_order ${def}`);
    await sql.query('ANALYZE sales_order');
    say(`  ${m.c.label}: ${m.c.missing!.map(([name, def]) => `${name} ${def}`).join('; ')} (built in ${secondsSince(start).toFixed(1)} s)`);
    say(`    page   ${await explain(manager, m.statements.page)}`);
    say(`    count  ${await explain(manager, m.statements.count)}`);
    problems.push(...(await compare(m)).map((p) => `with the index: ${p}`));
    timings.push({ label: `${m.c.label}, with the index`, total: m.total, ...(await inTurns(m.plain, m.list, repeats)) });
    for (const [name] of m.c.missing!) await sql.query(`DROP INDEX ${name}`);
  }
  say('');
  say(latencyTable(timings));
  return problems;
}

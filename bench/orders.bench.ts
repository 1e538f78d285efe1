import type { INestApplicationContext } from '@nestjs/common';
import { BUILT_IN_ROLES } from '@oms/access';
import { buildAbility, newId, RequestContext } from '@oms/core';
import { WarehousesService } from '@oms/inventory';
import { type CreateOrderInput, OrdersService } from '@oms/orders';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DataSource } from 'typeorm';
// The settings service is not among the context's exports (only its controller uses it); the
// bench turns auto-approval on through it, as the settings page does.
import { OrderSettingsService } from '../libs/orders/src/application/order-settings.service.js';
import { type Measure, secondsSince, table } from './support/report.js';

export interface OrdersBenchOptions {
  /** Orders submitted through OrdersService.create, and orders written by the plain-SQL baseline. */
  orders: number;
  /** Callers submitting side by side (both the service and the baseline). */
  concurrency: number;
  /** SKUs the orders pick their two lines from. */
  skus: number;
  /** Stop waiting for allocations this long after the first submit. */
  timeoutSeconds: number;
  pollMs: number;
}

export interface OrdersBenchResult {
  problems: string[];
  /** Every order reached `allocated` before the time limit. */
  complete: boolean;
}

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号', postcode: '310000' };
const WAREHOUSE = {
  code: 'BENCH-ORD-HZ',
  name: 'Bench order warehouse Hangzhou',
  type: 'physical',
  address: { ...ADDRESS },
  geo: { lat: 30.27, lng: 120.15 },
  regions: [{ country: 'CN', province: '浙江省' }],
} as const;
const SKU_PREFIX = 'BENCH-ORD-';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '磊', '强', '洋', '艳'];

interface Product {
  sku: string;
  productId: string;
  priceMinor: number;
}

interface PlannedLine {
  product: Product;
  quantity: number;
}

/** A small seeded generator, so every run orders the same SKUs. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two lines of two different SKUs per order, 1 or 2 units each, in product-id order. */
function planOrders(products: Product[], count: number): PlannedLine[][] {
  const random = mulberry32(20261125);
  return Array.from({ length: count }, () => {
    const a = Math.floor(random() * products.length);
    const b = (a + 1 + Math.floor(random() * (products.length - 1))) % products.length;
    return [a, b]
      .map((p) => ({ product: products[p], quantity: random() < 0.3 ? 2 : 1 }))
      .sort((x, y) => x.product.productId.localeCompare(y.product.productId));
  });
}

/** A paid order of a customer of its own (a distinct phone, so no order looks like a duplicate of another). */
function orderInput(i: number, lines: PlannedLine[]): CreateOrderInput {
  return {
    customer: { name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`, phone: `139${String(i).padStart(8, '0')}` },
    shippingAddress: { ...ADDRESS },
    lines: lines.map((l) => ({ sku: l.product.sku, quantity: l.quantity, unitPriceMinor: l.product.priceMinor })),
    currency: 'CNY',
    payment: { method: 'alipay', status: 'paid' },
  };
}

/**
 * The warehouse through its service; products, stock levels and their opening receipts with SQL
 * (on-hand = the ledger's sum from the start), each SKU holding what the orders need plus 10.
 */
async function seed(app: INestApplicationContext, sql: pg.Client, skus: number): Promise<{ warehouseId: string; products: Product[] }> {
  const warehouse = await app.get(WarehousesService).create({ ...WAREHOUSE, address: { ...WAREHOUSE.address }, regions: [...WAREHOUSE.regions] });
  const { rows } = await sql.query<Product>(
    `INSERT INTO product (id, sku, name, weight_grams, price_minor, currency)
     SELECT gen_random_uuid(), $1 || lpad(i::text, 5, '0'), '测试商品 ' || i, 200, 1000 + (i * 37 % 90) * 100, 'CNY'
     FROM generate_series(1, $2::int) AS i
     RETURNING sku, id AS "productId", price_minor::int AS "priceMinor"`,
    [SKU_PREFIX, skus],
  );
  return { warehouseId: String(warehouse.id), products: rows };
}

async function stock(sql: pg.Client, warehouseId: string, plan: PlannedLine[][]): Promise<Map<string, number>> {
  const demand = new Map<string, number>();
  for (const line of plan.flat()) demand.set(line.product.productId, (demand.get(line.product.productId) ?? 0) + line.quantity);
  const ids = [...demand.keys()];
  await sql.query('BEGIN');
  await sql.query(
    `INSERT INTO stock_level (id, product_id, sku, warehouse_id, on_hand, product_name)
     SELECT gen_random_uuid(), p.id, p.sku, $3, d.units + 10, p.name
     FROM unnest($1::uuid[], $2::int[]) AS d (product_id, units) JOIN product p ON p.id = d.product_id`,
    [ids, ids.map((id) => demand.get(id)), warehouseId],
  );
  await sql.query(
    `INSERT INTO stock_movement (id, level_id, product_id, sku, warehouse_id, type, on_hand_delta, reserved_delta,
                                 on_hand_after, reserved_after, reason, reference)
     SELECT gen_random_uuid(), s.id, s.product_id, s.sku, s.warehouse_id, 'receipt', s.on_hand, 0, s.on_hand, 0, 'Opening stock', 'BENCH'
     FROM stock_level s WHERE s.warehouse_id = $1`,
    [warehouseId],
  );
  await sql.query('COMMIT');
  await sql.query('VACUUM (ANALYZE) product, stock_level, stock_movement');
  return demand;
}

async function walLsn(sql: pg.Client): Promise<string> {
  return (await sql.query<{ lsn: string }>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`)).rows[0].lsn;
}

async function walSince(sql: pg.Client, lsn: string): Promise<number> {
  const { rows } = await sql.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1)::bigint AS bytes`, [lsn]);
  return Number(rows[0].bytes);
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** Runs `call(i)` for every i below `count`, `concurrency` at a time; failures are counted, the first kept. */
async function callers(count: number, concurrency: number, call: (i: number) => Promise<void>) {
  const outcome = { failed: 0, firstError: undefined as unknown };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        try {
          await call(i);
        } catch (e) {
          outcome.failed++;
          outcome.firstError ??= e;
        }
      }
    }),
  );
  return outcome;
}

const PLAIN_ORDER = 'bench_plain_order';
const PLAIN_LINE = 'bench_plain_order_line';

/**
 * The least a database must do to take an order and hold its stock: in one transaction, an
 * orders-shaped row (the order table's own columns, defaults, checks and indexes, copied with
 * LIKE; no trigger, no foreign keys), its two lines, and one conditional UPDATE reserving both
 * lines' units. Levels are updated in product-id order, as the services lock them. Afterwards
 * the units are given back and the tables dropped.
 */
async function plainBaseline(sql: pg.Client, pool: pg.Pool, warehouseId: string, plan: PlannedLine[][], demand: Map<string, number>, concurrency: number) {
  await sql.query(`CREATE TABLE ${PLAIN_ORDER} (LIKE sales_order INCLUDING ALL)`);
  await sql.query(`CREATE TABLE ${PLAIN_LINE} (LIKE sales_order_line INCLUDING ALL)`);
  const lsn = await walLsn(sql);
  const cpu = process.cpuUsage();
  const start = performance.now();
  let deadlocks = 0;
  const outcome = await callers(plan.length, concurrency, async function intake(i: number, attempt = 1): Promise<void> {
    const lines = plan[i];
    const client = await pool.connect();
    let deadlocked = false;
    try {
      const id = newId();
      const subtotal = lines.reduce((n, l) => n + l.quantity * l.product.priceMinor, 0);
      const now = new Date().toISOString();
      const payment = { method: 'alipay', instant: true, status: 'paid', paidAmountMinor: subtotal, paidAt: now, reference: null };
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${PLAIN_ORDER} (id, number, channel_id, status, subtotal_minor, shipping_fee_minor, discount_minor, tax_minor,
           total_minor, currency, customer_name, customer_phone, shipping_address, payment, payment_status, paid_at, created_at)
         VALUES ($1, $2, $3, 'approved', $4, 0, 0, 0, $4, 'CNY', $5, $6, $7, $8, 'paid', $9, $9)`,
        [id, `PLAIN-${String(i).padStart(8, '0')}`, newId(), subtotal, '王伟', `139${String(i).padStart(8, '0')}`, JSON.stringify(ADDRESS), JSON.stringify(payment), now],
      );
      await client.query(
        `INSERT INTO ${PLAIN_LINE} (order_id, id, position, sku, name, quantity, unit_price_minor, total_minor)
         VALUES ($1, '1', 0, $2, $2, $3, $4, $5), ($1, '2', 1, $6, $6, $7, $8, $9)`,
        [id, ...lines.flatMap((l) => [l.product.sku, l.quantity, l.product.priceMinor, l.quantity * l.product.priceMinor])],
      );
      const { rowCount } = await client.query(
        `UPDATE stock_level s SET reserved = s.reserved + v.quantity
         FROM (VALUES ($1::uuid, $2::int), ($3::uuid, $4::int)) AS v (product_id, quantity)
         WHERE s.product_id = v.product_id AND s.warehouse_id = $5 AND s.on_hand - s.reserved >= v.quantity`,
        [...lines.flatMap((l) => [l.product.productId, l.quantity]), warehouseId],
      );
      if (rowCount !== 2) throw new Error(`the stock UPDATE reserved ${rowCount} of 2 lines`);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      // Two orders sharing both SKUs may still meet in opposite order within the UPDATE's join: retried, as a caller would.
      if ((e as { code?: string }).code !== '40P01' || attempt >= 5) throw e;
      deadlocked = true;
    } finally {
      client.release();
    }
    if (deadlocked) {
      deadlocks++;
      await intake(i, attempt + 1);
    }
  });
  const measure: Measure = { name: 'plain SQL: order row + 2 lines + conditional stock UPDATE, 1 transaction', count: plan.length - outcome.failed, seconds: secondsSince(start) };
  const cpuPerOrder = cpuSeconds(cpu) / plan.length;
  const walPerOrder = (await walSince(sql, lsn)) / plan.length;

  const ids = [...demand.keys()];
  const { rows } = await sql.query<{ reserved: number }>(
    `SELECT coalesce(sum(reserved), 0)::int AS reserved FROM stock_level WHERE product_id = ANY($1::uuid[])`,
    [ids],
  );
  const problems: string[] = [];
  const units = [...demand.values()].reduce((a, b) => a + b, 0);
  if (outcome.failed) problems.push(`plain SQL baseline: ${outcome.failed} orders failed, the first with: ${String(outcome.firstError)}`);
  else if (rows[0].reserved !== units) problems.push(`plain SQL baseline reserved ${rows[0].reserved} units, expected ${units}`);
  // Given back: the baseline writes no reservation or ledger rows.
  await sql.query(
    `UPDATE stock_level s SET reserved = 0 FROM unnest($1::uuid[]) AS p (id) WHERE s.product_id = p.id AND s.warehouse_id = $2`,
    [ids, warehouseId],
  );
  await sql.query(`DROP TABLE ${PLAIN_ORDER}, ${PLAIN_LINE}`);
  await sql.query('VACUUM (ANALYZE) stock_level');
  return { measure, cpuPerOrder, walPerOrder, problems, deadlocks };
}

/** The statement a query text starts with, named by its verb and table: `INSERT INTO sales_order`. */
function statementOf(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim();
  if (/pgboss\./.test(text)) return 'pg-boss job queue';
  const m = /^(INSERT INTO \S+|UPDATE \S+|DELETE FROM \S+|COMMIT|START TRANSACTION|BEGIN)/i.exec(text) ?? /^SELECT .*? FROM (\S+)/i.exec(text);
  if (!m) return text.slice(0, 40);
  return m[0].startsWith('SELECT') ? `SELECT FROM ${m[1]}` : m[1];
}

/** What each active session of the database is doing now: waiting (and on what) or running, by statement. */
async function sampleSessions(sql: pg.Client, samples: Map<string, number>): Promise<void> {
  const { rows } = await sql.query<{ wait: string; query: string }>(
    `SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS wait, query FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
  );
  for (const r of rows) {
    const key = `${r.wait.padEnd(20)} ${statementOf(r.query)}`;
    samples.set(key, (samples.get(key) ?? 0) + 1);
  }
}

async function statusCounts(sql: pg.Client): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ status: string; count: number }>(`SELECT status, sum(count)::int AS count FROM sales_order_status_count GROUP BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}

/** Rows in every table of the application and of the job queue, to tell what one order writes. */
async function rowCounts(sql: pg.Client): Promise<Map<string, number>> {
  const { rows: tables } = await sql.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const counts = new Map<string, number>();
  for (const { name } of tables) counts.set(name, (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`)).rows[0].n);
  return counts;
}

/**
 * After the run: every order allocated once, its lines reserved in full, the stock levels
 * reconciling with their ledger and open reservations, the status counter matching the table.
 */
async function verify(sql: pg.Client, ids: string[], products: Product[], complete: boolean): Promise<string[]> {
  const problems: string[] = [];
  const productIds = products.map((p) => p.productId);
  const { rows: statuses } = await sql.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM sales_order WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
    [ids],
  );
  const notAllocated = statuses.filter((s) => s.status !== 'allocated');
  if (complete && notAllocated.length) problems.push(`orders not allocated: ${notAllocated.map((s) => `${s.n} ${s.status}`).join(', ')}`);
  const [r] = (
    await sql.query<{ orders: number; twice: number; allocated: number; units: number; reservedOpen: number; linesOff: number; levelReserved: number; elsewhere: number; deadLetters: number }>(
      `SELECT
         (SELECT count(DISTINCT order_id)::int FROM allocation WHERE order_id = ANY($1::uuid[])) AS orders,
         (SELECT count(*)::int FROM (SELECT order_id FROM allocation WHERE order_id = ANY($1::uuid[]) GROUP BY order_id HAVING count(*) <> 1) x) AS twice,
         (SELECT count(*)::int FROM allocation WHERE order_id = ANY($1::uuid[]) AND status = 'allocated') AS allocated,
         (SELECT coalesce(sum(quantity), 0)::int FROM sales_order_line WHERE order_id = ANY($1::uuid[])) AS units,
         (SELECT coalesce(sum(quantity), 0)::int FROM stock_reservation WHERE order_id = ANY($1::uuid[]) AND status = 'open') AS "reservedOpen",
         (SELECT count(*)::int FROM sales_order_line l
            LEFT JOIN (SELECT order_id, line_id, sum(quantity) AS q FROM stock_reservation WHERE status = 'open' GROUP BY 1, 2) s
              ON s.order_id = l.order_id AND s.line_id = l.id
            WHERE l.order_id = ANY($1::uuid[]) AND coalesce(s.q, 0) <> l.quantity) AS "linesOff",
         (SELECT coalesce(sum(reserved), 0)::int FROM stock_level WHERE product_id = ANY($2::uuid[])) AS "levelReserved",
         (SELECT count(*)::int FROM sales_order o WHERE o.id = ANY($1::uuid[])
            AND (o.warehouse_id IS NULL OR o.warehouse_id <> (SELECT id FROM warehouse WHERE code = $3))) AS elsewhere,
         (SELECT count(*)::int FROM dead_letter) AS "deadLetters"`,
      [ids, productIds, WAREHOUSE.code],
    )
  ).rows;
  const want = (what: string, got: number, wanted: number) => {
    if (got !== wanted) problems.push(`${what} is ${got}, expected ${wanted}`);
  };
  want('orders allocated more than once', r.twice, 0);
  want('SUM(stock_level.reserved) of the SKUs', r.levelReserved, r.reservedOpen);
  want('dead letters', r.deadLetters, 0);
  // A run cut short by the time limit has orders still on their way: only the checks above hold for it.
  if (complete) {
    want('orders with an allocation', r.orders, ids.length);
    want("allocation rows 'allocated'", r.allocated, ids.length);
    want('open reserved units of the orders', r.reservedOpen, r.units);
    want('order lines whose open reservations differ from their quantity', r.linesOff, 0);
    want('orders recorded with another warehouse (or none)', r.elsewhere, 0);
  }

  const drift = await sql.query<{ sku: string }>(
    `SELECT s.sku FROM stock_level s
     LEFT JOIN (SELECT level_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved FROM stock_movement GROUP BY level_id) l ON l.level_id = s.id
     LEFT JOIN (SELECT level_id, sum(quantity) AS open FROM stock_reservation WHERE status = 'open' GROUP BY level_id) o ON o.level_id = s.id
     WHERE s.on_hand <> coalesce(l.on_hand, 0) OR s.reserved <> coalesce(l.reserved, 0) OR s.reserved <> coalesce(o.open, 0)
     ORDER BY s.sku`,
  );
  if (drift.rows.length) problems.push(`${drift.rows.length} stock levels do not reconcile, e.g. ${drift.rows.slice(0, 3).map((d) => d.sku).join(', ')}`);
  const counter = await sql.query<{ status: string; count: number; actual: number }>(
    `SELECT c.status, c.count::int AS count, coalesce(x.n, 0)::int AS actual
     FROM (SELECT status, sum(count) AS count FROM sales_order_status_count GROUP BY status) c
     LEFT JOIN (SELECT status, count(*) AS n FROM sales_order GROUP BY status) x USING (status) WHERE c.count <> coalesce(x.n, 0)`,
  );
  for (const c of counter.rows) problems.push(`status counter ${c.status} says ${c.count}, the table holds ${c.actual}`);
  return problems;
}

/**
 * Orders per second from intake through the audit (auto-approval on) and, in the worker,
 * allocation, beside a plain-SQL intake-and-reserve of the same orders at the same concurrency.
 */
export async function runOrders(app: INestApplicationContext, sql: pg.Client, url: string, options: OrdersBenchOptions, say: (m: string) => void): Promise<OrdersBenchResult> {
  const seedStart = performance.now();
  const { warehouseId, products } = await seed(app, sql, options.skus);
  const plan = planOrders(products, options.orders);
  const demand = await stock(sql, warehouseId, plan);
  const settings = app.get(OrderSettingsService);
  const current = await settings.get();
  await settings.put({ audit: { ...current.audit, autoApprove: true } });
  say(`seeding ${secondsSince(seedStart).toFixed(1)} s: 1 warehouse serving 浙江省, ${options.skus} SKUs stocked for the orders (+10 each); auto-approval on`);

  const poolSize = (app.get(DataSource).options.extra as { max?: number } | undefined)?.max ?? 10;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'oms-bench-plain' });
  pool.on('error', () => undefined);
  say(
    `\nOrders end to end: ${options.orders} paid orders of 2 lines, ${options.concurrency} callers, ${poolSize} connections ` +
      `(the app's one pool, shared by intake and the worker; the baseline gets a pool of the same size)\n`,
  );
  let baseline;
  try {
    baseline = await plainBaseline(sql, pool, warehouseId, plan, demand, options.concurrency);
  } finally {
    await pool.end();
  }

  const orders = app.get(OrdersService);
  const operator = BUILT_IN_ROLES.find((role) => role.key === 'order_operator')!;
  const ability = buildAbility(operator.permissions, { id: newId(), email: 'operator@bench.local', warehouseIds: [], channelIds: [] });
  const rowsBefore = await rowCounts(sql);
  const allocatedBefore = (await statusCounts(sql)).allocated ?? 0;
  const ids: string[] = [];
  const lsn = await walLsn(sql);
  const cpu = process.cpuUsage();
  const start = performance.now();

  const samples = new Map<string, number>();
  let intakeDone = false;
  const progress = { allocated: 0, lastAt: 0, atIntakeEnd: 0 };
  /** `drained`: all allocated; `stuck`: nothing on its way any more (e.g. held by the audit), a wrong result; `timeout`. */
  const watcher = (async (): Promise<'drained' | 'stuck' | 'timeout'> => {
    while (secondsSince(start) < options.timeoutSeconds) {
      const counts = await statusCounts(sql);
      await sampleSessions(sql, samples);
      const allocated = (counts.allocated ?? 0) - allocatedBefore;
      if (allocated > progress.allocated) Object.assign(progress, { allocated, lastAt: secondsSince(start) });
      if (intakeDone && allocated >= ids.length) return 'drained';
      if (intakeDone && !counts.approved && !counts.pending_review && progress.lastAt < secondsSince(start) - 5) return 'stuck';
      await sleep(options.pollMs);
    }
    return 'timeout';
  })();

  const intake = await callers(options.orders, options.concurrency, (i) =>
    RequestContext.run({ requestId: `bench-order-${i}`, ability }, async () => {
      ids.push((await orders.create(orderInput(i, plan[i]))).id);
    }),
  );
  const intakeSeconds = secondsSince(start);
  intakeDone = true;
  progress.atIntakeEnd = progress.allocated;
  const { rows: backlog } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
  const outcome = await watcher;
  const drained = outcome === 'drained';
  const cpuPerOrder = cpuSeconds(cpu) / Math.max(ids.length, 1);
  const walPerOrder = (await walSince(sql, lsn)) / Math.max(ids.length, 1);

  const created: Measure = { name: 'OrdersService.create (intake, audit, auto-approval)', count: ids.length, seconds: intakeSeconds };
  const endToEnd: Measure = {
    name: `end to end: first submit -> last 'allocated'${drained ? '' : ' (partial)'}`,
    count: progress.allocated,
    seconds: progress.lastAt || secondsSince(start),
  };
  say(table([baseline.measure, created, endToEnd], [{ label: 'plain SQL', measure: baseline.measure }]));
  say('');
  say(`intake done          ${intakeSeconds.toFixed(2)} s after the first submit; ${progress.atIntakeEnd} allocated by then, ${backlog[0].n} events not yet relayed`);
  const rest = progress.allocated - progress.atIntakeEnd;
  const after = progress.lastAt - intakeSeconds;
  if (after > 0) say(`allocations after it ${rest} in ${after.toFixed(2)} s = ${(rest / after).toFixed(0)} orders/s`);
  say(`last allocated       ${progress.lastAt.toFixed(2)} s${drained ? '' : ` (not all: ${outcome === 'stuck' ? 'the rest settled elsewhere' : 'timed out'})`}`);
  if (baseline.deadlocks) say(`plain SQL deadlocks   ${baseline.deadlocks}, each retried`);
  say(`WAL per order:       plain SQL ${(baseline.walPerOrder / 1024).toFixed(2)} kB, end to end ${(walPerOrder / 1024).toFixed(2)} kB`);
  say(`Node CPU per order:  plain SQL ${(baseline.cpuPerOrder * 1000).toFixed(2)} ms, end to end (intake + worker) ${(cpuPerOrder * 1000).toFixed(2)} ms`);

  const rowsAfter = await rowCounts(sql);
  const added = [...rowsAfter]
    .map(([name, n]) => ({ name, perOrder: (n - (rowsBefore.get(name) ?? 0)) / Math.max(ids.length, 1) }))
    .filter((t) => t.perOrder >= 0.005)
    .sort((a, b) => b.perOrder - a.perOrder || a.name.localeCompare(b.name));
  say(`rows added per order: ${added.map((t) => `${t.name.replace(/^public\./, '')} ${t.perOrder.toFixed(2)}`).join(', ')}`);

  say(`database sessions, sampled every ${options.pollMs} ms from the first submit to the last allocation (share of active-session samples):`);
  const total = Math.max(1, [...samples.values()].reduce((a, b) => a + b, 0));
  for (const [what, n] of [...samples].sort((a, b) => b[1] - a[1]).slice(0, 8)) say(`  ${((100 * n) / total).toFixed(0).padStart(3)}%  ${what}`);
  const problems = [...baseline.problems];
  if (intake.failed) problems.push(`${intake.failed} OrdersService.create calls failed, the first with: ${String(intake.firstError)}`);
  // Stuck orders are checked as a finished run's: each one not allocated is a wrong result.
  problems.push(...(await verify(sql, ids, products, outcome !== 'timeout')));
  return { problems, complete: outcome !== 'timeout' };
}

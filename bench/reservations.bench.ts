import type { INestApplicationContext } from '@nestjs/common';
import { ProductsService } from '@oms/catalog';
import { newId } from '@oms/core';
import { AllocationService, ReservationsService, StockService, WarehousesService } from '@oms/inventory';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { type Measure, secondsSince, table } from './support/report.js';

export interface ReservationsBenchOptions {
  /** Calls per measure: plain UPDATEs, reservations, allocations. */
  reservations: number;
  /** Callers running side by side in each measure. */
  concurrency: number;
  /** SKUs of the spread scenario. */
  skus: number;
  /** The measures take turns: this many rounds of each, `reservations / rounds` calls a round. */
  rounds: number;
}

interface Sku {
  sku: string;
  productId: string;
}

interface Scenario {
  title: string;
  skus: Sku[];
  /** The SKU of call `i` (the same sequence for every measure of the scenario). */
  pick: (i: number) => Sku;
}

/** One measure, summed over its rounds. */
interface Tally {
  measure: Measure;
  failed: number;
  firstError?: unknown;
  walBytes: number;
  /** CPU time of this process (the services, or the pg client of the baseline), user + system. */
  cpuSeconds: number;
}

const WAREHOUSE = {
  code: 'BENCH-HZ',
  name: 'Bench warehouse Hangzhou',
  type: 'physical',
  address: { country: 'CN', province: '浙江省', city: '杭州市', line1: 'Bench road 1' },
  geo: { lat: 30.27, lng: 120.15 },
  regions: [{ country: 'CN', province: '浙江省' }],
} as const;
const SHIP_TO = { country: 'CN', province: '浙江省' };
const HOT_SKU = 'BENCH-HOT';
const SPREAD_PREFIX = 'BENCH-SKU-';

/** The plain conditional UPDATE every reservation comes down to, without anything around it. */
const PLAIN_UPDATE = `UPDATE stock_level SET reserved = reserved + 1
                      WHERE product_id = $1 AND warehouse_id = $2 AND on_hand - reserved >= 1`;

/** A small seeded generator, so every run (and every measure of a run) picks the same SKUs. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function walLsn(sql: pg.Client): Promise<string> {
  const { rows } = await sql.query<{ lsn: string }>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
  return rows[0].lsn;
}

const emptyTally = (name: string): Tally => ({ measure: { name, count: 0, seconds: 0 }, failed: 0, walBytes: 0, cpuSeconds: 0 });

/**
 * Calls `call(i)` for i in [from, to), `concurrency` at a time, and adds the time, the CPU, the
 * WAL and the successes to `tally`; failures are counted, not thrown.
 */
async function timed(sql: pg.Client, tally: Tally, from: number, to: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<void> {
  const lsn = await walLsn(sql);
  let next = from;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < to; i = next++) {
        try {
          await call(i);
          tally.measure.count++;
        } catch (e) {
          tally.failed++;
          tally.firstError ??= e;
        }
      }
    }),
  );
  tally.measure.seconds += secondsSince(start);
  const used = process.cpuUsage(cpu);
  tally.cpuSeconds += (used.user + used.system) / 1e6;
  const { rows } = await sql.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1)::bigint AS bytes`, [lsn]);
  tally.walBytes += Number(rows[0].bytes);
}

/**
 * One warehouse and the hot SKU through the services (a receipt through StockService, so its
 * ledger is the real one); the spread SKUs with SQL, each level with its matching receipt
 * movement so that on-hand equals the ledger's sum from the start.
 */
async function seed(app: INestApplicationContext, sql: pg.Client, skus: number, onHand: { hot: number; spread: number }) {
  const warehouse = await app.get(WarehousesService).create({ ...WAREHOUSE, address: { ...WAREHOUSE.address }, regions: [...WAREHOUSE.regions] });
  const warehouseId = String(warehouse.id);
  const hot = await app.get(ProductsService).create({ sku: HOT_SKU, name: 'Bench hot product', priceMinor: 1000, currency: 'CNY', weightGrams: 100 });
  await app.get(StockService).record({ sku: HOT_SKU, warehouseId, type: 'receipt', quantity: onHand.hot, reason: 'Opening stock', reference: 'BENCH' });

  await sql.query('BEGIN');
  const { rows } = await sql.query<Sku>(
    `INSERT INTO product (id, sku, name, weight_grams, price_minor, currency)
     SELECT gen_random_uuid(), $1 || lpad(i::text, 5, '0'), 'Bench product ' || i, 100, 1000, 'CNY'
     FROM generate_series(1, $2::int) AS i
     RETURNING sku, id AS "productId"`,
    [SPREAD_PREFIX, skus],
  );
  await sql.query(
    `INSERT INTO stock_level (id, product_id, sku, warehouse_id, on_hand)
     SELECT gen_random_uuid(), p.id, p.sku, $2, $3 FROM product p WHERE p.id = ANY($1::uuid[])`,
    [rows.map((r) => r.productId), warehouseId, onHand.spread],
  );
  await sql.query(
    `INSERT INTO stock_movement (id, level_id, product_id, sku, warehouse_id, type, on_hand_delta, reserved_delta,
                                 on_hand_after, reserved_after, reason, reference)
     SELECT gen_random_uuid(), s.id, s.product_id, s.sku, s.warehouse_id, 'receipt', s.on_hand, 0, s.on_hand, 0, 'Opening stock', 'BENCH'
     FROM stock_level s WHERE s.sku LIKE $1 || '%'`,
    [SPREAD_PREFIX],
  );
  await sql.query('COMMIT');
  await sql.query('VACUUM (ANALYZE) product, stock_level, stock_movement');
  return { warehouseId, hot: { sku: HOT_SKU, productId: String(hot.id) }, spread: rows };
}

/** What one scenario's levels hold after a measure, with the reconcile invariants over every level. */
async function check(sql: pg.Client, scenario: Scenario, expected: { reserved: number; allocations: number }): Promise<string[]> {
  const ids = scenario.skus.map((s) => s.productId);
  const { rows } = await sql.query<{ reserved: number; rows: number; units: number; movements: number; allocations: number; backorders: number }>(
    `SELECT (SELECT coalesce(sum(reserved), 0)::int FROM stock_level WHERE product_id = ANY($1::uuid[])) AS reserved,
            (SELECT count(*)::int FROM stock_reservation WHERE product_id = ANY($1::uuid[]) AND status = 'open') AS rows,
            (SELECT coalesce(sum(quantity), 0)::int FROM stock_reservation WHERE product_id = ANY($1::uuid[]) AND status = 'open') AS units,
            (SELECT count(*)::int FROM stock_movement WHERE product_id = ANY($1::uuid[]) AND type = 'reservation') AS movements,
            (SELECT count(*)::int FROM allocation a WHERE a.status = 'allocated'
               AND (a.lines -> 0 ->> 'productId')::uuid = ANY($1::uuid[])) AS allocations,
            (SELECT count(*)::int FROM backorder WHERE product_id = ANY($1::uuid[])) AS backorders`,
    [ids],
  );
  const r = rows[0];
  const problems: string[] = [];
  const want = (what: string, got: number, wanted: number) => {
    if (got !== wanted) problems.push(`${scenario.title}: ${what} is ${got}, expected ${wanted}`);
  };
  want('SUM(stock_level.reserved)', r.reserved, expected.reserved);
  want('open stock_reservation rows', r.rows, expected.reserved);
  want('SUM(stock_reservation.quantity) open', r.units, expected.reserved);
  want("stock_movement rows of type 'reservation'", r.movements, expected.reserved);
  want("allocation rows 'allocated'", r.allocations, expected.allocations);
  want('backorder rows', r.backorders, 0);

  // Over every level: on-hand = the ledger's sum; reserved = the ledger's reserved sum = open reservations.
  const drift = await sql.query<{ sku: string; on_hand: number; ledger_on_hand: number; reserved: number; ledger_reserved: number; open: number }>(
    `SELECT s.sku, s.on_hand, coalesce(l.on_hand, 0)::int AS ledger_on_hand, s.reserved,
            coalesce(l.reserved, 0)::int AS ledger_reserved, coalesce(r.open, 0)::int AS open
     FROM stock_level s
     LEFT JOIN (SELECT level_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                FROM stock_movement GROUP BY level_id) l ON l.level_id = s.id
     LEFT JOIN (SELECT level_id, sum(quantity) AS open FROM stock_reservation WHERE status = 'open'
                GROUP BY level_id) r ON r.level_id = s.id
     WHERE s.on_hand <> coalesce(l.on_hand, 0) OR s.reserved <> coalesce(l.reserved, 0) OR s.reserved <> coalesce(r.open, 0)
     ORDER BY s.sku`,
  );
  for (const d of drift.rows.slice(0, 5)) {
    problems.push(
      `${scenario.title}: level ${d.sku} drifts: on_hand ${d.on_hand} vs ledger ${d.ledger_on_hand}, ` +
        `reserved ${d.reserved} vs ledger ${d.ledger_reserved} vs open reservations ${d.open}`,
    );
  }
  if (drift.rows.length > 5) problems.push(`${scenario.title}: ${drift.rows.length - 5} more levels drift`);
  return problems;
}

const failures = (scenario: Scenario, t: Tally): string[] =>
  t.failed ? [`${scenario.title}: ${t.failed} calls of "${t.measure.name}" failed, the first with: ${String(t.firstError)}`] : [];

const perCall = (t: Tally, total: number) => total / Math.max(t.measure.count, 1);

/**
 * One scenario: the plain UPDATE, the reservations service and the allocation service take
 * turns, a round of each at a time, so that a disturbance on the machine falls on all three.
 * The plain UPDATEs write no ledger or reservation rows, so each round of them is given back
 * before the services run; the services' work is checked against the database after each round.
 */
async function runScenario(
  app: INestApplicationContext,
  sql: pg.Client,
  pool: pg.Pool,
  warehouseId: string,
  scenario: Scenario,
  { reservations: n, concurrency, rounds: asked }: ReservationsBenchOptions,
  say: (m: string) => void,
): Promise<string[]> {
  const reserve = app.get(ReservationsService);
  const allocate = app.get(AllocationService);
  const ids = scenario.skus.map((s) => s.productId);
  const plain = emptyTally('plain conditional UPDATE (autocommit)');
  const reserved = emptyTally('ReservationsService.reserve');
  const allocated = emptyTally('AllocationService.allocate');
  const problems: string[] = [];
  const rounds = Math.min(asked, n);
  const reservedNow = async () =>
    (
      await sql.query<{ reserved: number }>(
        `SELECT coalesce(sum(reserved), 0)::int AS reserved FROM stock_level WHERE product_id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows[0].reserved;

  for (let round = 0; round < rounds; round++) {
    const from = Math.floor((round * n) / rounds);
    const to = Math.floor(((round + 1) * n) / rounds);

    const before = await reservedNow();
    const updated: string[] = [];
    await timed(sql, plain, from, to, concurrency, async (i) => {
      const productId = scenario.pick(i).productId;
      const { rowCount } = await pool.query(PLAIN_UPDATE, [productId, warehouseId]);
      if (rowCount !== 1) throw new Error(`the UPDATE changed ${rowCount} rows`);
      updated.push(productId);
    });
    const after = await reservedNow();
    if (after - before !== updated.length) {
      problems.push(`${scenario.title}: the plain UPDATEs added ${after - before} to reserved, expected ${updated.length}`);
    }
    await sql.query(
      `UPDATE stock_level s SET reserved = s.reserved - u.n
       FROM (SELECT product_id, count(*)::int AS n FROM unnest($1::uuid[]) AS product_id GROUP BY product_id) u
       WHERE s.product_id = u.product_id AND s.warehouse_id = $2`,
      [updated, warehouseId],
    );
    await sql.query('VACUUM stock_level');

    await timed(sql, reserved, from, to, concurrency, (i) =>
      reserve.reserve(newId(), [{ lineId: '1', sku: scenario.pick(i).sku, warehouseId, quantity: 1 }]),
    );
    problems.push(...(await check(sql, scenario, { reserved: reserved.measure.count + allocated.measure.count, allocations: allocated.measure.count })));

    await timed(sql, allocated, from, to, concurrency, (i) =>
      allocate.allocate({ orderId: newId(), shipTo: SHIP_TO, lines: [{ lineId: '1', sku: scenario.pick(i).sku, quantity: 1 }] }),
    );
    problems.push(...(await check(sql, scenario, { reserved: reserved.measure.count + allocated.measure.count, allocations: allocated.measure.count })));
  }
  problems.push(...failures(scenario, plain), ...failures(scenario, reserved), ...failures(scenario, allocated));

  say(`\n${scenario.title}:`);
  say(table([plain.measure, reserved.measure, allocated.measure], [{ label: 'plain UPDATE', measure: plain.measure }]));
  const each = (what: (t: Tally) => string) => `plain UPDATE ${what(plain)}, reserve ${what(reserved)}, allocate ${what(allocated)}`;
  say(`WAL per call:       ${each((t) => `${(perCall(t, t.walBytes) / 1024).toFixed(2)} kB`)}`);
  say(`Node CPU per call:  ${each((t) => `${(perCall(t, t.cpuSeconds) * 1000).toFixed(2)} ms`)}`);
  return problems;
}

/**
 * Reservations per second through the real services on one hot SKU and spread over many,
 * each beside a plain conditional UPDATE of the same level rows at the same concurrency.
 * Returns what went wrong (empty when every check passed).
 */
export async function runReservations(
  app: INestApplicationContext,
  sql: pg.Client,
  url: string,
  options: ReservationsBenchOptions,
  say: (m: string) => void,
): Promise<string[]> {
  // The same picks for every measure of the spread scenario; reserve and allocate both keep
  // theirs, so each SKU holds twice what it is picked most (the plain UPDATEs are given back).
  const random = mulberry32(20261125);
  const picks = Array.from({ length: options.reservations }, () => Math.floor(random() * options.skus));
  const timesPicked = new Map<number, number>();
  for (const p of picks) timesPicked.set(p, (timesPicked.get(p) ?? 0) + 1);
  const onHand = { hot: 2 * options.reservations, spread: 2 * Math.max(...timesPicked.values()) };

  const seedStart = performance.now();
  const stock = await seed(app, sql, options.skus, onHand);
  say(
    `seeding ${secondsSince(seedStart).toFixed(1)} s: 1 warehouse, 1 hot SKU (${onHand.hot} on hand), ` +
      `${options.skus} SKUs (${onHand.spread} on hand each)`,
  );

  // The baseline gets as many connections as the services' pool, so both queue the same way.
  const extra = app.get(DataSource).options.extra as { max?: number } | undefined;
  const poolSize = extra?.max ?? 10;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'oms-bench-plain' });
  // An idle connection that breaks (the server stopped on Ctrl-C) must not end the process mid-cleanup.
  pool.on('error', () => undefined);
  say(
    `\nReservations: ${options.reservations} calls per measure, 1 unit each, ${options.concurrency} callers, ` +
      `${poolSize} connections (the app's pool, and the plain UPDATE's)`,
  );

  const scenarios: Scenario[] = [
    { title: 'one hot SKU', skus: [stock.hot], pick: () => stock.hot },
    { title: `${options.skus.toLocaleString('en-US')} SKUs, picked at random`, skus: stock.spread, pick: (i) => stock.spread[picks[i]] },
  ];
  const problems: string[] = [];
  try {
    for (const scenario of scenarios) problems.push(...(await runScenario(app, sql, pool, stock.warehouseId, scenario, options, say)));
  } finally {
    await pool.end();
  }
  return problems;
}

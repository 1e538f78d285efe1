import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { dataSourceOptions, EventDeliveryWorker, loadConfig, runMigrations } from '@oms/core';
import os from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../apps/api/src/system/migrations.js';
import { createSystem } from '../apps/api/src/system/system.js';
import {
  insertUsers,
  type OutboxBenchOptions,
  plainInsertBaselines,
  runPipeline,
  verifyPipeline,
} from './outbox-pipeline.bench.js';
import { type OrdersListOptions, runOrdersList } from './orders-list.bench.js';
import { type OrdersBenchOptions, runOrders } from './orders.bench.js';
import { type ReservationsBenchOptions, runReservations } from './reservations.bench.js';
import { runScopedList, type ScopedListOptions } from './scoped-list.bench.js';
import { type BenchDatabase, openBenchDatabase } from './support/database.js';
import { type Measure, perSecond, secondsSince, table } from './support/report.js';

/** Only for signing tokens, which no benchmark does; the config requires one. */
const BENCH_JWT_SECRET = 'bench-only-secret-not-used-for-any-token-0123456789';

/** Exit codes: 0 verified, 1 a wrong result (events, lists, stock, orders) or the run broke, 3 not drained (or not allocated) in time. */
const EXIT_INCOMPLETE = 3;

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a positive integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const BENCHES = ['outbox', 'scoped', 'reservations', 'orders', 'orders-list'] as const;
const only = process.env.BENCH_ONLY || undefined;
if (only !== undefined && !(BENCHES as readonly string[]).includes(only)) {
  console.error(`BENCH_ONLY must be one of ${BENCHES.join(', ')}, got "${only}"`);
  process.exit(2);
}
const runs = (bench: (typeof BENCHES)[number]) => only === undefined || only === bench;

const options: OutboxBenchOptions = {
  events: positiveInt('BENCH_EVENTS', 20_000),
  users: 100,
  batch: 100,
  pollMs: 50,
  timeoutSeconds: positiveInt('BENCH_TIMEOUT_SECONDS', 45),
};

const scopedOptions: ScopedListOptions = {
  rows: positiveInt('BENCH_ROWS', 1_000_000),
  warehouses: 20,
  scopedWarehouses: 2,
  repeats: positiveInt('BENCH_LIST_REPEATS', 50),
};

const reservationOptions: ReservationsBenchOptions = {
  reservations: positiveInt('BENCH_RESERVATIONS', 4_000),
  concurrency: positiveInt('BENCH_RESERVE_CONCURRENCY', 16),
  skus: 10_000,
  rounds: 8,
};

const orderOptions: OrdersBenchOptions = {
  orders: positiveInt('BENCH_ORDERS', 10_000),
  concurrency: positiveInt('BENCH_ORDER_CONCURRENCY', 16),
  skus: 1_000,
  timeoutSeconds: positiveInt('BENCH_ORDERS_TIMEOUT_SECONDS', 600),
  pollMs: 50,
};

const orderListOptions: OrdersListOptions = {
  rows: positiveInt('BENCH_ORDER_ROWS', 1_000_000),
  warehouses: 20,
  scopedWarehouses: 2,
  skus: 3_000,
  repeats: positiveInt('BENCH_ORDER_LIST_REPEATS', 30),
  whatIf: process.env.BENCH_ORDER_LIST_WHAT_IF === '1',
};

const say = (m: string) => process.stdout.write(`${m}\n`);

let database: BenchDatabase | undefined;
let app: INestApplicationContext | undefined;
let sql: pg.Client | undefined;
let lists: DataSource | undefined;

let cleaning: Promise<void> | undefined;
let interrupted = false;

/** App first (it holds connections), then our client, then the database; once, whoever asks first. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await app?.close().catch((e) => say(`warning: closing the app failed: ${String(e)}`));
    if (lists?.isInitialized) await lists.destroy().catch(() => undefined);
    await sql?.end().catch(() => undefined);
    await database?.dispose().catch((e) => say(`warning: cleaning up the database failed: ${String(e)}`));
  })();
  return cleaning;
}

// The embedded server package installs exit hooks that would stop PostgreSQL under the
// running app; on Ctrl-C the order is ours (app, then database, then its files).
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    say(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function timeline(run: Awaited<ReturnType<typeof runPipeline>>, single: Measure): void {
  say(`producer done        ${run.producer.seconds.toFixed(2)} s after the first append`);
  if (run.relayedAt !== undefined) {
    say(
      `relay done           ${run.relayedAt.toFixed(2)} s: every event published, its delivery job enqueued ` +
        `(${(options.events / run.relayedAt).toFixed(0)} events/s); ${run.appliedWhenRelayed} applied by then`,
    );
    const after = run.endToEnd.seconds - run.relayedAt;
    const rest = run.endToEnd.count - (run.appliedWhenRelayed ?? 0);
    if (after > 0) say(`deliveries after it  ${rest} in ${after.toFixed(2)} s = ${(rest / after).toFixed(0)} events/s`);
  }
  say(`handlers done        ${run.endToEnd.seconds.toFixed(2)} s${run.drained ? '' : ' (not all: timed out)'}`);
  say(`end to end : 1-row INSERT = 1 : ${(perSecond(single) / perSecond(run.endToEnd)).toFixed(1)}`);
}

/** The outbox pipeline through the real worker; its exit code (0, 1 or EXIT_INCOMPLETE). */
async function outboxBench(wall: number, url: string, sql: pg.Client): Promise<number> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), jwtSecret: BENCH_JWT_SECRET };
  app = await createSystem({ config, databaseUrl: url, roles: ['worker'] });
  // A worker-only system comes back initialised (relay and delivery pollers running); this is a no-op then.
  await app.init();
  const delivery = app.get(EventDeliveryWorker);
  say(`delivery worker: ${delivery.concurrency} pollers x up to ${delivery.batchSize} jobs per fetch (shipped defaults)`);
  say(`setup (database, migrations, worker boot): ${secondsSince(wall).toFixed(1)} s`);

  const userIds = await insertUsers(sql, options.users);
  say(
    `\nOutbox pipeline: ${options.events} UserSignedIn events over ${options.users} users, ` +
      `${options.batch} per transaction; worker (relay + deliveries) in this process\n`,
  );
  const { single, batched } = await plainInsertBaselines(sql, userIds, options);
  const run = await runPipeline(app, sql, userIds, options);

  say(
    table(
      [single, batched, run.producer, run.endToEnd],
      [
        { label: '1-row INSERT', measure: single },
        { label: `${options.batch}-row INSERT`, measure: batched },
      ],
    ),
  );
  say('');
  timeline(run, single);

  // Before the app closes: a timed-out run's deliveries are still going on.
  const problems = await verifyPipeline(sql, run.drained ? options.events : undefined);
  // Closed now, so that its pollers do not run beside the benchmarks that follow.
  await app.close();
  app = undefined;
  if (problems.length) {
    say(`FAILED, events applied wrongly:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  if (!run.drained) {
    say(
      `INCOMPLETE: ${run.endToEnd.count} of ${options.events} events applied within ${options.timeoutSeconds} s ` +
        `(BENCH_TIMEOUT_SECONDS), each exactly once, none dead-lettered; the end-to-end rate is over those. ` +
        `The pipeline cannot drain BENCH_EVENTS in time: see bench/README.md.`,
    );
    return EXIT_INCOMPLETE;
  }
  say('verified: every event applied once (SUM(sign_in_count) = processed_event rows = events), none dead-lettered');
  return 0;
}

/** The scoped orders list; 0, or 1 when listResource and plain SQL disagree on the rows. */
async function scopedBench(url: string, sql: pg.Client): Promise<number> {
  lists = new DataSource(dataSourceOptions(url, [], 'oms-bench-list'));
  await lists.initialize();
  const problems = await runScopedList(sql, lists.manager, scopedOptions, say);
  if (problems.length) {
    say(`FAILED, the scoped lists disagree:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  say('verified: every scoped list returned the first page and total of plain SQL');
  return 0;
}

/** Reservations and allocations through the real services; 0, or 1 when stock came out wrong. */
async function reservationsBench(url: string, sql: pg.Client): Promise<number> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), jwtSecret: BENCH_JWT_SECRET };
  // The API side without listening: the services, no worker (nothing relays the outbox meanwhile).
  app = await createSystem({ config, databaseUrl: url, roles: ['api'] });
  await app.init();
  const problems = await runReservations(app, sql, url, reservationOptions, say);
  await app.close();
  app = undefined;
  if (problems.length) {
    say(`FAILED, stock came out wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  say(
    'verified: reserved = open reservation rows = reservation movements = successful calls on each scenario; ' +
      'every level reconciles (on_hand = ledger sum, reserved = ledger reserved sum = open reservations)',
  );
  return 0;
}

/** Orders from intake to allocation through the real system (API and worker); 0, 1 (wrong result) or EXIT_INCOMPLETE. */
async function ordersBench(url: string, sql: pg.Client): Promise<number> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), jwtSecret: BENCH_JWT_SECRET };
  // The API's services and the worker (relay, deliveries, the order saga) in one process, as `npm start` runs them; not listening.
  app = await createSystem({ config, databaseUrl: url, roles: ['api', 'worker'] });
  await app.init();
  const { problems, complete } = await runOrders(app, sql, url, orderOptions, say);
  await app.close();
  app = undefined;
  if (problems.length) {
    say(`FAILED, orders came out wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  if (!complete) {
    say(
      `INCOMPLETE: not every order was allocated within ${orderOptions.timeoutSeconds} s (BENCH_ORDERS_TIMEOUT_SECONDS); ` +
        'none was allocated twice and the stock reconciles; the end-to-end rate is over those allocated.',
    );
    return EXIT_INCOMPLETE;
  }
  say(
    'verified: every order allocated exactly once in the seeded warehouse, each line\'s open reservations = its quantity, ' +
      'SUM(reserved) = ordered units, every level reconciles, the status counter matches the table, no dead letter',
  );
  return 0;
}

/** The order list on generated orders through listResource; 0, or 1 when it and plain SQL disagree. */
async function ordersListBench(url: string, sql: pg.Client): Promise<number> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), jwtSecret: BENCH_JWT_SECRET };
  app = await createSystem({ config, databaseUrl: url, roles: ['api'] });
  await app.init();
  const problems = await runOrdersList(app, sql, orderListOptions, say);
  await app.close();
  app = undefined;
  if (problems.length) {
    say(`FAILED, the order lists disagree:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  say('verified: every list returned the first page and total of plain SQL; /status-counts matched GROUP BY status');
  return 0;
}

async function main(): Promise<number> {
  const wall = performance.now();
  say(`OMS benchmarks — ${new Date().toISOString()}`);
  say(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown cpu'}), node ${process.version}`);

  database = await openBenchDatabase();
  if (runs('outbox') || runs('reservations') || runs('orders') || runs('orders-list')) await runMigrations(database.url, ALL_MIGRATIONS);
  sql = new pg.Client({ connectionString: database.url, application_name: 'oms-bench' });
  await sql.connect();
  const settings = await sql.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings
     WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers') ORDER BY name`,
  );
  say(`database: ${database.where}`);
  say(`settings: ${settings.rows.map((s) => `${s.name}=${s.setting}`).join(', ')}`);

  const codes: number[] = [];
  if (runs('outbox')) codes.push(await outboxBench(wall, database.url, sql));
  if (runs('scoped')) {
    if (codes.length) say('');
    codes.push(await scopedBench(database.url, sql));
  }
  if (runs('reservations')) {
    if (codes.length) say('');
    codes.push(await reservationsBench(database.url, sql));
  }
  if (runs('orders')) {
    if (codes.length) say('');
    codes.push(await ordersBench(database.url, sql));
  }
  if (runs('orders-list')) {
    if (codes.length) say('');
    codes.push(await ordersListBench(database.url, sql));
  }

  const cleanupStart = performance.now();
  await cleanUp();
  say(`\ncleanup ${secondsSince(cleanupStart).toFixed(1)} s, total ${secondsSince(wall).toFixed(1)} s`);
  // A wrong result outranks a run that merely ran out of time.
  if (codes.includes(1)) return 1;
  return codes.includes(EXIT_INCOMPLETE) ? EXIT_INCOMPLETE : 0;
}

main()
  .then((code) => process.exit(code))
  .catch(async (e) => {
    // An interrupted run fails on its closed connections; that is not worth a stack trace.
    if (!interrupted) console.error(e);
    await cleanUp();
    process.exit(interrupted ? 130 : 1);
  });

import { BUILT_IN_ROLES } from '@oms/access';
import {
  type AppAbility,
  buildAbility,
  listResource,
  maskPhone,
  newId,
  parseListQuery,
  RequestContext,
  type ResourceDefinition,
  scopeFor,
} from '@oms/core';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import { type Measure, secondsSince, table } from './support/report.js';

export interface ScopedListOptions {
  /** Rows in the orders-shaped table. */
  rows: number;
  /** Warehouses the rows are spread over (round robin, so every warehouse spans the whole time range). */
  warehouses: number;
  /** Warehouses the staff user is assigned to. */
  scopedWarehouses: number;
  /** Timed repetitions of each measure, after two untimed rounds. */
  repeats: number;
}

const TABLE = 'bench_orders';
const WAREHOUSE_INDEX = `${TABLE}_warehouse_created_idx`;
const CREATED_INDEX = `${TABLE}_created_idx`;
const WARM_UP = 2;
/** The first page react-admin asks for. */
const PAGE = 25;
const LIST_QUERY = { range: JSON.stringify([0, PAGE - 1]) };
/** The newest row's creation time; each older row is 30 s before the previous one. */
const NEWEST = '2026-11-25T00:00:00Z';

/** The orders list as a resource: the subject makes listResource add the user's row scope. */
const ORDERS: ResourceDefinition = {
  resource: 'orders',
  from: `${TABLE} o`,
  fields: {
    id: 'o.id',
    warehouseId: 'o.warehouse_id',
    channelId: 'o.channel_id',
    status: 'o.status',
    totalMinor: 'o.total_minor',
    createdAt: 'o.created_at',
    customerPhone: 'o.customer_phone',
  },
  idColumn: 'o.id',
  sortable: ['createdAt', 'totalMinor'],
  filters: {},
  defaultSort: ['createdAt', 'DESC'],
  subject: 'Order',
  masks: { customerPhone: maskPhone },
};

const TYPED_ORDERS: ResourceDefinition = {
  ...ORDERS,
  columnTypes: {
    id: 'uuid',
    warehouseId: 'uuid',
    channelId: 'uuid',
    status: 'text',
    totalMinor: 'integer',
    createdAt: 'timestamptz',
    customerPhone: 'text',
  },
};

const SELECT_LIST = Object.entries(ORDERS.fields)
  .map(([field, sql]) => `${sql} AS "${field}"`)
  .join(', ');

interface Statement {
  sql: string;
  params: unknown[];
}

/** One list request: its first page and its total, run side by side as listResource runs them. */
interface Variant {
  label: string;
  page: Statement;
  count: Statement;
  list: () => Promise<{ ids: string[]; total: number }>;
}

/**
 * An orders-shaped table of `rows` rows, filled by one INSERT ... SELECT, indexed afterwards
 * (faster than maintaining the indexes row by row) and vacuumed, as a live table would be.
 */
async function seed(sql: pg.Client, { rows, warehouses }: ScopedListOptions, say: (m: string) => void): Promise<string[]> {
  const warehouseIds = Array.from({ length: warehouses }, () => newId());
  const channelIds = Array.from({ length: 5 }, () => newId());
  let start = performance.now();
  await sql.query(`CREATE TABLE ${TABLE} (
    id uuid NOT NULL, warehouse_id uuid NOT NULL, channel_id uuid NOT NULL, status text NOT NULL,
    total_minor bigint NOT NULL, created_at timestamptz NOT NULL, customer_phone text)`);
  await sql.query(
    `INSERT INTO ${TABLE}
     SELECT gen_random_uuid(), ($1::uuid[])[1 + i % $5::int], ($2::uuid[])[1 + (i / 7) % 5],
            (ARRAY['pending', 'approved', 'allocated', 'shipped', 'delivered', 'cancelled'])[1 + (i * 7) % 6],
            1000 + (i * 37) % 200000, $3::timestamptz - i * interval '30 seconds',
            '138' || lpad((i % 100000000)::text, 8, '0')
     FROM generate_series(0, $4::int - 1) AS i`,
    [warehouseIds, channelIds, NEWEST, rows, warehouses],
  );
  const inserted = secondsSince(start);
  start = performance.now();
  await sql.query(`ALTER TABLE ${TABLE} ADD PRIMARY KEY (id)`);
  await sql.query(`CREATE INDEX ${WAREHOUSE_INDEX} ON ${TABLE} (warehouse_id, created_at DESC, id DESC)`);
  await sql.query(`CREATE INDEX ${CREATED_INDEX} ON ${TABLE} (created_at DESC, id DESC)`);
  const indexed = secondsSince(start);
  start = performance.now();
  await sql.query(`VACUUM (ANALYZE) ${TABLE}`);
  // Writes the seeding's dirty pages out now rather than during the timings; needs a superuser
  // or pg_checkpoint, which a DATABASE_URL user may lack: then the timings may share the disk.
  await sql.query('CHECKPOINT').catch(() => say('note: CHECKPOINT not allowed for this user; skipped'));
  const { rows: size } = await sql.query<{ size: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size('${TABLE}')) AS size`,
  );
  say(
    `seeded ${rows.toLocaleString('en-US')} rows in ${inserted.toFixed(1)} s, indexed in ${indexed.toFixed(1)} s, ` +
      `vacuumed, analysed and checkpointed in ${secondsSince(start).toFixed(1)} s; table with indexes ${size[0].size}`,
  );
  return warehouseIds;
}

/** The page and count statements listResource sends for `def`, recorded from a real call. */
async function listStatements(manager: EntityManager, def: ResourceDefinition, ability: AppAbility) {
  const seen: Statement[] = [];
  const recorder = {
    query: (sql: string, params: unknown[] = []) => {
      seen.push({ sql, params });
      return manager.query(sql, params);
    },
  } as unknown as EntityManager;
  await RequestContext.run({ requestId: 'bench', ability }, () => listResource(recorder, def, parseListQuery(LIST_QUERY, def)));
  const count = seen.find((s) => s.sql.startsWith('SELECT count(*)'));
  const page = seen.find((s) => s !== count);
  if (!page || !count || seen.length !== 2) throw new Error(`listResource sent ${seen.length} statements, expected a page and a count`);
  return { page, count };
}

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Parallel Aware'?: boolean;
  'Partial Mode'?: string;
  Plans?: PlanNode[];
};

/** The plan's node types from the top, named as plain EXPLAIN names them: `Limit > Index Scan on <index>`. */
function planShape(node: PlanNode): string {
  const mode = node['Partial Mode'] && node['Partial Mode'] !== 'Simple' ? `${node['Partial Mode']} ` : '';
  const type = `${mode}${node['Parallel Aware'] ? 'Parallel ' : ''}${node['Node Type']}`;
  const self = node['Index Name'] ? `${type} on ${node['Index Name']}` : type;
  const children = (node.Plans ?? []).map(planShape);
  if (children.length === 0) return self;
  return `${self} > ${children.length === 1 ? children[0] : `(${children.join(' + ')})`}`;
}

async function explain(manager: EntityManager, { sql, params }: Statement): Promise<string> {
  const [row] = await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return planShape((row['QUERY PLAN'] as [{ Plan: PlanNode }])[0].Plan);
}

/**
 * Times each of `runs` `repeats` times, taking turns (one of each, then again), so a passing
 * disturbance on the machine falls on every measure alike; two untimed rounds first.
 */
async function timeInTurns(runs: { name: string; run: () => Promise<unknown> }[], repeats: number): Promise<Measure[]> {
  const seconds = runs.map(() => 0);
  for (let round = -WARM_UP; round < repeats; round++) {
    for (const [i, { run }] of runs.entries()) {
      const start = performance.now();
      await run();
      if (round >= 0) seconds[i] += secondsSince(start);
    }
  }
  return runs.map(({ name }, i) => ({ name, count: repeats, seconds: seconds[i] }));
}

const run = (manager: EntityManager, { sql, params }: Statement) => manager.query(sql, params);

/**
 * The orders list of a warehouse-staff user (the built-in role) scoped to `scopedWarehouses`
 * warehouses: first page (25 newest) and total through listResource, with and without
 * `columnTypes`, beside the plain SQL a developer would write for the same rows. Returns the
 * problems found (variants disagreeing on the page or the total), empty when none.
 */
export async function runScopedList(
  sql: pg.Client,
  manager: EntityManager,
  options: ScopedListOptions,
  say: (m: string) => void,
): Promise<string[]> {
  const warehouseIds = await seed(sql, options, say);
  const mine = warehouseIds.slice(0, options.scopedWarehouses);
  const staff = BUILT_IN_ROLES.find((r) => r.key === 'warehouse_staff')!;
  const ability = buildAbility(staff.permissions, {
    id: newId(),
    email: 'staff@bench.local',
    warehouseIds: mine,
    channelIds: [],
  });
  for (const def of [ORDERS, TYPED_ORDERS]) {
    const scope = scopeFor(ability, 'read', 'Order', def.fields, 0, def.columnTypes);
    say(`row scope ${def.columnTypes ? 'with' : 'without'} columnTypes: ${scope.sql}`);
  }

  const plainWhere = 'o.warehouse_id = ANY($1::uuid[])';
  const plain: Variant = {
    label: 'plain SQL',
    page: {
      sql: `SELECT ${SELECT_LIST} FROM ${TABLE} o WHERE ${plainWhere} ORDER BY o.created_at DESC, o.id DESC LIMIT ${PAGE}`,
      params: [mine],
    },
    count: { sql: `SELECT count(*)::int AS total FROM ${TABLE} o WHERE ${plainWhere}`, params: [mine] },
    list: async () => {
      const [rows, [{ total }]] = await Promise.all([run(manager, plain.page), run(manager, plain.count)]);
      return { ids: rows.map((r: { id: string }) => r.id), total };
    },
  };
  const viaListResource = async (label: string, def: ResourceDefinition): Promise<Variant> => ({
    label,
    ...(await listStatements(manager, def, ability)),
    list: async () => {
      const page = await RequestContext.run({ requestId: 'bench', ability }, () =>
        listResource<{ id: string }>(manager, def, parseListQuery(LIST_QUERY, def)),
      );
      return { ids: page.rows.map((r) => r.id), total: page.total };
    },
  });
  const variants = [
    plain,
    await viaListResource('listResource, no columnTypes', ORDERS),
    await viaListResource('listResource, columnTypes', TYPED_ORDERS),
  ];

  const expected = mine.reduce((n, _, k) => n + Math.max(0, Math.ceil((options.rows - k) / options.warehouses)), 0);
  const problems: string[] = [];
  const reference = await plain.list();
  if (reference.total !== expected) problems.push(`plain SQL counted ${reference.total} rows in scope, expected ${expected}`);
  for (const v of variants.slice(1)) {
    const got = await v.list();
    if (got.total !== reference.total) problems.push(`${v.label} counted ${got.total}, plain SQL ${reference.total}`);
    if (got.ids.join() !== reference.ids.join()) problems.push(`${v.label} returned another first page than plain SQL`);
  }

  // Not what listResource sends: its `NULLS LAST` is what keeps the typed page off the
  // (created_at DESC, id DESC) indexes, whose DESC puts nulls first (see bench/README.md).
  const typed = variants[2];
  const whatIf: Variant[] = [];
  if (typed.page.sql.includes(' DESC NULLS LAST,')) {
    const page = { ...typed.page, sql: typed.page.sql.replace(' DESC NULLS LAST,', ' DESC,') };
    whatIf.push({ ...typed, label: 'what if: columnTypes, ORDER BY without NULLS LAST', page });
    const rows: { id: string }[] = await run(manager, page);
    if (rows.map((r) => r.id).join() !== reference.ids.join()) problems.push(`${whatIf[0].label} returned another page`);
  }

  // Read the whole table once so that the first variant timed does not pay for a cold cache.
  await sql.query(`SELECT count(*) FROM ${TABLE}`);

  const { repeats } = options;
  say(
    `\nScoped orders list: ${options.rows.toLocaleString('en-US')} rows over ${options.warehouses} warehouses; ` +
      `warehouse staff of ${mine.length} (${expected.toLocaleString('en-US')} rows in scope); ` +
      `first page of ${PAGE}, newest first, and the total; ${repeats} timed repetitions each\n`,
  );
  const sections: { title: string; runs: { name: string; run: () => Promise<unknown> }[] }[] = [
    {
      title: 'page + total, side by side on two connections (one list request)',
      runs: variants.map((v) => ({ name: `${v.label}: page + total`, run: v.list })),
    },
    {
      title: 'first page only',
      runs: [...variants, ...whatIf].map((v) => ({ name: `${v.label}: page`, run: () => run(manager, v.page) })),
    },
    {
      title: 'total only (count(*))',
      runs: variants.map((v) => ({ name: `${v.label}: count`, run: () => run(manager, v.count) })),
    },
  ];
  for (const section of sections) {
    const measures = await timeInTurns(section.runs, repeats);
    say(`${section.title}:`);
    say(table(measures, [{ label: 'plain SQL', measure: measures[0] }]));
    say('');
  }

  say('plans (EXPLAIN):');
  for (const v of variants) {
    say(`  ${v.label}`);
    say(`    page   ${await explain(manager, v.page)}`);
    say(`    count  ${await explain(manager, v.count)}`);
  }
  for (const v of whatIf) {
    say(`  ${v.label}`);
    say(`    page   ${await explain(manager, v.page)}`);
  }
  return problems;
}

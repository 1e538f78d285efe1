import { subject } from '@casl/ability';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createTestDatabase, sqlClient, type TestDatabase } from '../../../test/support/database.js';
import { type ColumnType, scopeFor } from '../src/access-control/ability-sql.js';
import { buildAbility, type AbilityUser } from '../src/access-control/build-ability.js';
import type { Action, PermissionRule } from '../src/access-control/permissions.js';

/**
 * CASL is the oracle: for every rule set, the rows PostgreSQL returns under `scopeFor` must be
 * exactly the rows for which `ability.can` answers true.
 */
describe('scopeFor on PostgreSQL', () => {
  let db: TestDatabase;
  let sql: pg.Client;
  const [w1, w2, w3, c1, c2] = Array.from({ length: 5 }, () => randomUUID());
  const user: AbilityUser = { id: randomUUID(), email: 'alice@example.com', warehouseIds: [w1, w2], channelIds: [c1] };
  const columns = {
    id: 'o.id',
    warehouseId: 'o.warehouse_id',
    status: 'o.status',
    totalMinor: 'o.total',
    channelId: 'o.channel_id',
    amount: 'o.amount',
    paid: 'o.paid',
    createdAt: 'o.created_at',
  };
  const types: Record<string, ColumnType> = {
    id: 'uuid',
    warehouseId: 'uuid',
    status: 'text',
    totalMinor: 'integer',
    channelId: 'uuid',
    amount: 'numeric',
    paid: 'boolean',
    createdAt: 'timestamptz',
  };
  // CASL sees each row as the API would show it: numeric as a number, a timestamp as ISO 8601 in UTC.
  const select = `SELECT o.id, o.warehouse_id AS "warehouseId", o.status, o.total AS "totalMinor", o.channel_id AS "channelId",
      o.amount::float8 AS amount, o.paid,
      to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
    FROM scope_probe o`;
  const START = Date.parse('2026-01-01T00:00:00.000Z');
  /** The creation time of the i-th probe row, as ISO 8601 in UTC. */
  const at = (i: number) => new Date(START + i * 3_600_000).toISOString();
  let rows: Record<string, unknown>[];

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = await sqlClient(db.url);
    await sql.query(`CREATE TABLE scope_probe (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), warehouse_id uuid NOT NULL, status text NOT NULL,
      total int, channel_id uuid, amount numeric(12, 2), paid boolean, created_at timestamptz)`);
    let i = 0;
    for (const warehouse of [w1, w2, w3]) {
      for (const status of ['pending', 'held', 'shipped', 'cancelled']) {
        for (const total of [0, 4999, 5000, 20000, null]) {
          for (const channel of [c1, c2, null]) {
            await sql.query(
              `INSERT INTO scope_probe (warehouse_id, status, total, channel_id, amount, paid, created_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7)`,
              [warehouse, status, total, channel, total === null ? null : total / 100, [true, false, null][i % 3], i % 7 ? at(i) : null],
            );
            i++;
          }
        }
      }
    }
    rows = (await sql.query(select)).rows;
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  const idsWhere = async (where: string, params: unknown[]) =>
    (await sql.query(`${select} WHERE ${where}`, params)).rows.map((r) => r.id as string).sort();
  const allowedByCasl = (rules: PermissionRule[], action: Action, keep: (row: Record<string, unknown>) => boolean = () => true) => {
    const ability = buildAbility(rules, user);
    return rows.filter((row) => keep(row) && ability.can(action, subject('Order', { ...row }))).map((r) => r.id as string).sort();
  };

  const mine: PermissionRule = { action: 'read', subject: 'Order', conditions: { warehouseId: { $in: '${user.warehouseIds}' } } };
  const cases: [string, PermissionRule[], Action?][] = [
    ['no rule', []],
    ['a rule for another action', [{ action: 'update', subject: 'Order' }]],
    ['an unconditional can', [{ action: 'read', subject: 'Order' }]],
    ['manage all', [{ action: 'manage', subject: 'all' }], 'refund'],
    ['the user warehouses', [mine]],
    ['a cannot subtracting cancelled orders', [mine, { action: 'read', subject: 'Order', inverted: true, conditions: { status: 'cancelled' } }]],
    [
      'a cannot with $or over everything else',
      [
        { action: 'manage', subject: 'all' },
        { action: 'read', subject: 'Order', inverted: true, conditions: { $or: [{ status: 'held' }, { totalMinor: { $gte: 20000 } }] } },
      ],
    ],
    [
      'a later can outranking a cannot',
      [
        mine,
        { action: 'read', subject: 'Order', inverted: true, conditions: { status: 'held' } },
        { action: 'read', subject: 'Order', conditions: { $and: [{ status: 'held' }, { channelId: c1 }] } },
      ],
    ],
    ['a cannot that only hides fields', [mine, { action: 'read', subject: 'Order', inverted: true, fields: ['customerPhone'] }]],
    ['a can limited to fields', [{ action: 'read', subject: 'Order', fields: ['status'], conditions: { warehouseId: w3 } }]],
    ['$in with null', [{ action: 'read', subject: 'Order', conditions: { channelId: { $in: ['${user.channelIds}', null] } } }]],
    ['$nin over a nullable column', [{ action: 'read', subject: 'Order', conditions: { channelId: { $nin: '${user.channelIds}' } } }]],
    ['$ne over a nullable column', [{ action: 'read', subject: 'Order', conditions: { channelId: { $ne: c2 } } }]],
    ['a cannot with $ne over a nullable column', [mine, { action: 'read', subject: 'Order', inverted: true, conditions: { channelId: { $ne: c2 } } }]],
    ['equality with null', [{ action: 'read', subject: 'Order', conditions: { channelId: null } }]],
    ['$exists false', [{ action: 'read', subject: 'Order', conditions: { channelId: { $exists: false } } }]],
    ['$exists true', [{ action: 'read', subject: 'Order', conditions: { channelId: { $exists: true } } }]],
    ['number ordering over nulls', [{ action: 'read', subject: 'Order', conditions: { status: { $ne: 'pending' }, totalMinor: { $lt: 5000 } } }]],
    ['a cannot with number ordering', [mine, { action: 'read', subject: 'Order', inverted: true, conditions: { totalMinor: { $lte: 4999 } } }]],
    ['text ordering', [{ action: 'read', subject: 'Order', conditions: { status: { $gt: 'held', $lte: 'shipped' } } }]],
    ['$in with numbers', [{ action: 'read', subject: 'Order', conditions: { totalMinor: { $in: [0, 20000] } } }]],
    ['empty $in', [{ action: 'read', subject: 'Order', conditions: { status: { $in: [] } } }]],
    ['empty $nin', [{ action: 'read', subject: 'Order', conditions: { status: { $nin: [] } } }]],
  ];

  it.each(cases)('returns exactly the rows CASL allows: %s', async (_name, rules, action = 'read') => {
    const scope = scopeFor(buildAbility(rules, user), action, 'Order', columns);
    expect(await idsWhere(scope.sql, scope.params)).toEqual(allowedByCasl(rules, action));
  });

  const can = (conditions: Record<string, unknown>): PermissionRule => ({ action: 'read', subject: 'Order', conditions });
  const cannot = (conditions: Record<string, unknown>): PermissionRule => ({ ...can(conditions), inverted: true });
  const typedCases: [string, PermissionRule[], Action?][] = [
    ...cases,
    ['numeric ordering over nulls', [can({ amount: { $gte: 49.99, $lt: 200 } })]],
    ['numeric $in with null', [can({ amount: { $in: [0, 50, null] } })]],
    ['boolean equality', [can({ paid: true })]],
    ['boolean $ne over nulls', [can({ paid: { $ne: true } })]],
    ['a cannot on a boolean', [mine, cannot({ paid: false })]],
    ['timestamp ordering over nulls', [can({ createdAt: { $gte: at(10), $lt: at(100) } })]],
    ['timestamp equality and $in', [can({ $or: [{ createdAt: at(5) }, { createdAt: { $in: [at(8), at(9), null] } }] })]],
    ['a cannot with timestamp $nin', [mine, cannot({ createdAt: { $nin: [at(1), at(2)] } })]],
    ['uuid ordering over nulls', [can({ channelId: { $lte: c1 < c2 ? c1 : c2 } })]],
  ];

  it.each(typedCases)('with declared column types, returns exactly the rows CASL allows: %s', async (_name, rules, action = 'read') => {
    const scope = scopeFor(buildAbility(rules, user), action, 'Order', columns, 0, types);
    expect(await idsWhere(scope.sql, scope.params)).toEqual(allowedByCasl(rules, action));
  });

  it('reads a timestamp with an offset as the same instant', async () => {
    const typed = (value: string) => scopeFor(buildAbility([can({ createdAt: { $gte: value } })], user), 'read', 'Order', columns, 0, types);
    const inUtc = typed('2026-01-03T00:00:00Z');
    const ids = await idsWhere(inUtc.sql, inUtc.params);
    expect(ids.length).toBeGreaterThan(0);
    const inShanghai = typed('2026-01-03T08:00:00+08:00');
    expect(await idsWhere(inShanghai.sql, inShanghai.params)).toEqual(ids);
  });

  describe.each([
    ['a string that is not a uuid', { warehouseId: 'not-a-uuid' }],
    ['a bad id in a $in list', { warehouseId: { $in: [w1, 'w-1'] } }],
    ['a string for an integer', { totalMinor: '5000' }],
    ['a fraction for an integer', { totalMinor: { $lt: 4999.5 } }],
    ['a string for a numeric', { amount: { $gte: '49.99' } }],
    ['a string for a boolean', { paid: 'true' }],
    ['a day that does not exist', { createdAt: { $gte: '2026-02-30T00:00:00Z' } }],
    ['a timestamp without an offset', { createdAt: { $gte: '2026-01-03T00:00:00' } }],
  ])('with a value its declared type cannot hold: %s', (_name, conditions) => {
    const query = async (rules: PermissionRule[]) => {
      const scope = scopeFor(buildAbility(rules, user), 'read', 'Order', columns, 0, types);
      return idsWhere(scope.sql, scope.params);
    };

    it('a can grants no row, and the query runs', async () => {
      expect(await query([can(conditions)])).toEqual([]);
    });

    it('a cannot leaks no row it could guard; a later, valid can still grants its own', async () => {
      const rules: PermissionRule[] = [{ action: 'read', subject: 'Order' }, cannot(conditions), can({ status: 'held' })];
      const ids = await query(rules);
      expect(ids).toEqual(rows.filter((r) => r.status === 'held').map((r) => r.id as string).sort());
      expect(allowedByCasl(rules, 'read')).toEqual(expect.arrayContaining(ids));
    });
  });

  it('numbers its parameters after the ones of another filter', async () => {
    const rules: PermissionRule[] = [mine, { action: 'read', subject: 'Order', inverted: true, conditions: { totalMinor: { $gte: 20000 } } }];
    const scope = scopeFor(buildAbility(rules, user), 'read', 'Order', columns, 1);
    const ids = await idsWhere(`o.status = $1 AND ${scope.sql}`, ['held', ...scope.params]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(allowedByCasl(rules, 'read', (row) => row.status === 'held'));
  });

  it('leaks no row when a cannot names a field without a column', async () => {
    const rules: PermissionRule[] = [
      { action: 'read', subject: 'Order' },
      { action: 'read', subject: 'Order', inverted: true, conditions: { 'shippingAddress.city': 'Hangzhou' } },
      { action: 'read', subject: 'Order', conditions: { status: 'held' } },
    ];
    const scope = scopeFor(buildAbility(rules, user), 'read', 'Order', columns);
    const ids = await idsWhere(scope.sql, scope.params);
    // Only the later, fully known can still grants rows; the rows the unknown cannot guards stay out.
    expect(ids).toEqual(rows.filter((r) => r.status === 'held').map((r) => r.id as string).sort());
    expect(allowedByCasl(rules, 'read')).toEqual(expect.arrayContaining(ids));
  });

  describe('on an indexed uuid column', () => {
    /** 20,000 rows over 500 warehouses: the user's two hold 80 of them, few enough for any plan to want the index. */
    const WAREHOUSES = 500;
    const ROWS = 20_000;
    const INDEX = 'scope_index_probe_warehouse';
    const probe = { id: 'p.id', warehouseId: 'p.warehouse_id' };

    beforeAll(async () => {
      await sql.query(`CREATE TABLE scope_index_probe (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), warehouse_id uuid NOT NULL, note text NOT NULL)`);
      const warehouses = [w1, w2, ...Array.from({ length: WAREHOUSES - 2 }, () => randomUUID())];
      await sql.query(
        `INSERT INTO scope_index_probe (warehouse_id, note)
         SELECT ($1::uuid[])[1 + i % $2::int], repeat('x', 40) FROM generate_series(0, $3::int - 1) AS i`,
        [warehouses, WAREHOUSES, ROWS],
      );
      await sql.query(`CREATE INDEX ${INDEX} ON scope_index_probe (warehouse_id)`);
      await sql.query('ANALYZE scope_index_probe');
    });

    type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
    const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
    const plan = async (where: string, params: unknown[]) => {
      const { rows: [row] } = await sql.query(`EXPLAIN (FORMAT JSON) SELECT p.id FROM scope_index_probe p WHERE ${where}`, params);
      return nodes((row['QUERY PLAN'] as [{ Plan: PlanNode }])[0].Plan);
    };
    const usesIndex = (plan: PlanNode[]) =>
      plan.some((n) => n['Index Name'] === INDEX && ['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'].includes(n['Node Type']));
    const scope = (types?: Record<string, ColumnType>) => scopeFor(buildAbility([mine], user), 'read', 'Order', probe, 0, types);

    it('lets a warehouse scope on a declared uuid column use the index', async () => {
      const typed = scope({ warehouseId: 'uuid' });
      expect(typed.sql).toBe('(p.warehouse_id) = ANY($1::uuid[])');
      expect(usesIndex(await plan(typed.sql, typed.params))).toBe(true);
      const { rows: [{ n }] } = await sql.query(`SELECT count(*)::int AS n FROM scope_index_probe p WHERE ${typed.sql}`, typed.params);
      expect(n).toBe((2 * ROWS) / WAREHOUSES);
    });

    it('cannot use the index when the column is compared as text, even with sequential scans disabled', async () => {
      const untyped = scope();
      await sql.query('SET enable_seqscan = off');
      try {
        expect(usesIndex(await plan(untyped.sql, untyped.params))).toBe(false);
      } finally {
        await sql.query('RESET enable_seqscan');
      }
    });
  });
});

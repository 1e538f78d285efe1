import { subject } from '@casl/ability';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createTestDatabase, sqlClient, type TestDatabase } from '../../../test/support/database.js';
import { scopeFor } from '../src/access-control/ability-sql.js';
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
  };
  const select = `SELECT o.id, o.warehouse_id AS "warehouseId", o.status, o.total AS "totalMinor", o.channel_id AS "channelId"
    FROM scope_probe o`;
  let rows: Record<string, unknown>[];

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = await sqlClient(db.url);
    await sql.query(`CREATE TABLE scope_probe (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), warehouse_id uuid NOT NULL, status text NOT NULL,
      total int, channel_id uuid)`);
    for (const warehouse of [w1, w2, w3]) {
      for (const status of ['pending', 'held', 'shipped', 'cancelled']) {
        for (const total of [0, 4999, 5000, 20000, null]) {
          for (const channel of [c1, c2, null]) {
            await sql.query('INSERT INTO scope_probe (warehouse_id, status, total, channel_id) VALUES ($1, $2, $3, $4)', [
              warehouse, status, total, channel,
            ]);
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
});

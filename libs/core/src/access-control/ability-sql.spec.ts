import { type ColumnType, scopeFor } from './ability-sql.js';
import { buildAbility, type AbilityUser } from './build-ability.js';
import type { PermissionRule } from './permissions.js';

const user: AbilityUser = { id: 'u-1', email: 'alice@example.com', warehouseIds: ['w-1', 'w-2'], channelIds: ['c-1'] };
const columns = {
  id: 'o.id',
  warehouseId: 'o.warehouse_id',
  channelId: 'o.channel_id',
  status: 'o.status',
  totalMinor: 'o.total_minor',
  remark: 'o.remark',
};
const scope = (rules: PermissionRule[], action: PermissionRule['action'] & string = 'read', offset = 0) =>
  scopeFor(buildAbility(rules, user), action as 'read', 'Order', columns, offset);
const mine: PermissionRule = { action: 'read', subject: 'Order', conditions: { warehouseId: { $in: '${user.warehouseIds}' } } };

describe('scopeFor', () => {
  it('selects nothing without a rule', () => {
    expect(scope([])).toEqual({ sql: 'FALSE', params: [] });
    expect(scope([{ action: 'update', subject: 'Order' }])).toEqual({ sql: 'FALSE', params: [] });
  });

  it('selects everything for an unconditional can', () => {
    expect(scope([{ action: 'read', subject: 'Order' }])).toEqual({ sql: 'TRUE', params: [] });
  });

  it('selects everything for manage on all, whatever the action', () => {
    expect(scope([{ action: 'manage', subject: 'all' }], 'refund')).toEqual({ sql: 'TRUE', params: [] });
  });

  it('limits to the user warehouses, passing the ids as one parameter', () => {
    expect(scope([mine])).toEqual({ sql: '(o.warehouse_id)::text = ANY($1::text[])', params: [['w-1', 'w-2']] });
  });

  it('subtracts the rows of a later cannot with conditions', () => {
    const out = scope([{ action: 'read', subject: 'Order' }, { action: 'read', subject: 'Order', inverted: true, conditions: { status: 'cancelled' } }]);
    expect(out).toEqual({ sql: 'NOT COALESCE((o.status)::text = $1::text, FALSE)', params: ['cancelled'] });
  });

  it('bounds each can only by the cannots that come after it', () => {
    const out = scope([
      mine,
      { action: 'read', subject: 'Order', inverted: true, conditions: { status: 'held' } },
      { action: 'read', subject: 'Order', conditions: { remark: 'vip' } },
    ]);
    expect(out.sql).toBe(
      '((o.remark)::text = $1::text OR ((o.warehouse_id)::text = ANY($2::text[]) AND NOT COALESCE((o.status)::text = $3::text, FALSE)))',
    );
    expect(out.params).toEqual(['vip', ['w-1', 'w-2'], 'held']);
  });

  it('selects nothing when an unconditional cannot comes last', () => {
    expect(scope([mine, { action: 'read', subject: 'Order', inverted: true }])).toEqual({ sql: 'FALSE', params: [] });
  });

  it('does not restrict rows for a cannot that only names fields', () => {
    const hidden: PermissionRule = { action: 'read', subject: 'Order', inverted: true, fields: ['customerPhone'] };
    expect(scope([mine, hidden])).toEqual(scope([mine]));
  });

  it('grants rows for a can that names fields', () => {
    expect(scope([{ action: 'read', subject: 'Order', fields: ['status'] }])).toEqual({ sql: 'TRUE', params: [] });
  });

  it('numbers parameters after the offset', () => {
    const out = scope([mine, { action: 'read', subject: 'Order', inverted: true, conditions: { status: 'held' } }], 'read', 2);
    expect(out.sql).toBe('((o.warehouse_id)::text = ANY($3::text[]) AND NOT COALESCE((o.status)::text = $4::text, FALSE))');
    expect(out.params).toEqual([['w-1', 'w-2'], 'held']);
  });

  describe('fails closed on a field without a column', () => {
    const unknown = { 'shippingAddress.city': 'Hangzhou' };

    it('a can on it grants nothing', () => {
      expect(scope([{ action: 'read', subject: 'Order', conditions: unknown }])).toEqual({ sql: 'FALSE', params: [] });
    });

    it('a cannot on it forbids every row it outranks', () => {
      const rules: PermissionRule[] = [mine, { action: 'read', subject: 'Order', inverted: true, conditions: unknown }];
      expect(scope(rules)).toEqual({ sql: 'FALSE', params: [] });
    });

    it('a later can still grants its own rows', () => {
      const rules: PermissionRule[] = [
        { action: 'read', subject: 'Order', inverted: true, conditions: { $or: [{ status: 'x' }, unknown] } },
        mine,
      ];
      expect(scope(rules)).toEqual(scope([mine]));
    });
  });

  it('treats empty $in as no row and empty $nin as every row', () => {
    expect(scope([{ action: 'read', subject: 'Order', conditions: { status: { $in: [] } } }]).sql).toBe('FALSE');
    expect(scope([{ action: 'read', subject: 'Order', conditions: { status: { $nin: [] } } }]).sql).toBe('TRUE');
  });

  it('compares null with IS NULL and $exists with IS [NOT] NULL', () => {
    expect(scope([{ action: 'read', subject: 'Order', conditions: { channelId: null } }]).sql).toBe('(o.channel_id) IS NULL');
    expect(scope([{ action: 'read', subject: 'Order', conditions: { channelId: { $exists: true } } }]).sql).toBe(
      '(o.channel_id) IS NOT NULL',
    );
    expect(scope([{ action: 'read', subject: 'Order', conditions: { channelId: { $ne: null } } }]).sql).toBe(
      'NOT ((o.channel_id) IS NULL)',
    );
  });

  it('keeps null in a $in list apart from the typed values', () => {
    const out = scope([{ action: 'read', subject: 'Order', conditions: { channelId: { $in: ['c-1', null] } } }]);
    expect(out).toEqual({ sql: '((o.channel_id)::text = ANY($1::text[]) OR (o.channel_id) IS NULL)', params: [['c-1']] });
  });

  it('casts by the type of the value: numbers numerically, text in byte order', () => {
    const out = scope([
      { action: 'read', subject: 'Order', conditions: { totalMinor: { $gte: 100, $lt: 5000 }, remark: { $gt: 'm' }, status: { $in: [1, 'a'] } } },
    ]);
    expect(out.sql).toBe(
      '((o.total_minor)::numeric >= $1::numeric AND (o.total_minor)::numeric < $2::numeric' +
        ' AND (o.remark)::text COLLATE "C" > $3::text' +
        ' AND ((o.status)::numeric = ANY($4::numeric[]) OR (o.status)::text = ANY($5::text[])))',
    );
    expect(out.params).toEqual([100, 5000, 'm', [1], ['a']]);
  });

  it('never writes a value into the SQL text', () => {
    const evil = "x'); DROP TABLE orders; --";
    const out = scope([{ action: 'read', subject: 'Order', conditions: { status: evil, remark: { $in: [evil] } } }]);
    expect(out.sql).not.toContain('DROP');
    expect(out.params).toEqual([evil, [evil]]);
  });

  it('compares booleans as booleans', () => {
    const out = scopeFor(
      buildAbility([{ action: 'read', subject: 'Product', conditions: { active: true } }], user),
      'read',
      'Product',
      { active: 'p.active' },
    );
    expect(out).toEqual({ sql: '(p.active)::boolean = $1::boolean', params: [true] });
  });

  describe('with declared column types', () => {
    const [W1, W2, C1] = ['019ab000-0000-7000-8000-0000000000a1', '019ab000-0000-7000-8000-0000000000a2', '019ab000-0000-7000-8000-0000000000c1'];
    const staff: AbilityUser = { id: '019ab000-0000-7000-8000-0000000000f1', email: 'bob@example.com', warehouseIds: [W1, W2], channelIds: [C1] };
    const typedColumns = { ...columns, createdAt: 'o.created_at' };
    const types: Record<string, ColumnType> = {
      id: 'uuid',
      warehouseId: 'uuid',
      channelId: 'uuid',
      status: 'text',
      totalMinor: 'integer',
      createdAt: 'timestamptz',
    };
    const typed = (rules: PermissionRule[], offset = 0) =>
      scopeFor(buildAbility(rules, staff), 'read', 'Order', typedColumns, offset, types);
    const where = (conditions: Record<string, unknown>) => typed([{ action: 'read', subject: 'Order', conditions }]);

    it('compares a uuid column with uuid parameters, so its index applies', () => {
      expect(typed([mine])).toEqual({ sql: '(o.warehouse_id) = ANY($1::uuid[])', params: [[W1, W2]] });
      expect(where({ channelId: C1 })).toEqual({ sql: '(o.channel_id) = $1::uuid', params: [C1] });
    });

    it('keeps the null semantics of $in with null, $ne, $nin and $exists', () => {
      expect(where({ channelId: { $in: [C1, null] } }).sql).toBe('((o.channel_id) = ANY($1::uuid[]) OR (o.channel_id) IS NULL)');
      expect(where({ channelId: { $ne: C1 } }).sql).toBe('NOT COALESCE((o.channel_id) = $1::uuid, FALSE)');
      expect(where({ channelId: { $nin: [C1] } }).sql).toBe('NOT COALESCE((o.channel_id) = ANY($1::uuid[]), FALSE)');
      expect(where({ channelId: { $ne: null } }).sql).toBe('NOT ((o.channel_id) IS NULL)');
      expect(where({ channelId: { $exists: false } }).sql).toBe('(o.channel_id) IS NULL');
    });

    it('compares integers, text and timestamps natively, text ordered byte by byte', () => {
      const out = where({
        totalMinor: { $gte: 100, $lt: 5000 },
        status: { $gt: 'held' },
        createdAt: { $gte: '2026-01-01T00:00:00Z' },
        id: { $in: [W1] },
      });
      expect(out.sql).toBe(
        '((o.total_minor) >= $1::bigint AND (o.total_minor) < $2::bigint AND (o.status) COLLATE "C" > $3::text' +
          ' AND (o.created_at) >= $4::timestamptz AND (o.id) = ANY($5::uuid[]))',
      );
      expect(out.params).toEqual([100, 5000, 'held', '2026-01-01T00:00:00Z', [W1]]);
    });

    it('compares numeric and boolean columns natively', () => {
      const out = scopeFor(
        buildAbility([{ action: 'read', subject: 'Product', conditions: { active: true, priceMinor: { $lte: 99.5 } } }], staff),
        'read',
        'Product',
        { active: 'p.active', priceMinor: 'p.price' },
        0,
        { active: 'boolean', priceMinor: 'numeric' },
      );
      expect(out).toEqual({ sql: '((p.active) = $1::boolean AND (p.price) <= $2::numeric)', params: [true, 99.5] });
    });

    it('leaves undeclared fields compared by the type of the value', () => {
      const out = typed([mine, { action: 'read', subject: 'Order', inverted: true, conditions: { remark: 'vip' } }], 2);
      expect(out.sql).toBe('((o.warehouse_id) = ANY($3::uuid[]) AND NOT COALESCE((o.remark)::text = $4::text, FALSE))');
      expect(out.params).toEqual([[W1, W2], 'vip']);
    });

    it('reads a timestamp in every offset form PostgreSQL reads, and leap days', () => {
      for (const at of ['2026-01-01T08:00:00+08:00', '2026-01-01T08:00+0800', '2026-01-01 08:00:00.123456+08', '2028-02-29T00:00:00Z']) {
        expect(where({ createdAt: { $lt: at } })).toEqual({ sql: '(o.created_at) < $1::timestamptz', params: [at] });
      }
    });

    describe.each([
      ['a string that is not a uuid', { warehouseId: 'w-1' }],
      ['an upper-case uuid', { warehouseId: W1.toUpperCase() }],
      ['a number for a uuid', { warehouseId: 1 }],
      ['one bad id in a $in list', { warehouseId: { $in: [W1, 'nope'] } }],
      ['a bad id in a $nin list', { channelId: { $nin: [C1, "x'::uuid"] } }],
      ['a string for an integer', { totalMinor: '5000' }],
      ['a fraction for an integer', { totalMinor: { $lt: 4999.5 } }],
      ['an integer past 2^53', { totalMinor: 2 ** 53 }],
      ['a number for text', { status: 1 }],
      ['a boolean for text', { status: { $ne: true } }],
      ['a timestamp without an offset', { createdAt: { $gte: '2026-01-01T00:00:00' } }],
      ['a date only', { createdAt: { $gte: '2026-01-01' } }],
      ['a day that does not exist', { createdAt: { $gte: '2026-02-29T00:00:00Z' } }],
      ['an hour that does not exist', { createdAt: { $gte: '2026-01-01T24:00:00Z' } }],
      ['a number for a timestamp', { createdAt: { $gte: 1767225600000 } }],
    ])('fails closed on %s', (_name, conditions) => {
      it('a can on it grants nothing', () => {
        expect(where(conditions)).toEqual({ sql: 'FALSE', params: [] });
      });

      it('a cannot on it forbids every row it outranks', () => {
        expect(typed([mine, { action: 'read', subject: 'Order', inverted: true, conditions }])).toEqual({ sql: 'FALSE', params: [] });
      });

      it('a later can still grants its own rows', () => {
        expect(typed([{ action: 'read', subject: 'Order', inverted: true, conditions }, mine])).toEqual(typed([mine]));
      });
    });

    it('fails closed on a type it does not know', () => {
      const out = scopeFor(buildAbility([mine], staff), 'read', 'Order', columns, 0, { warehouseId: 'int4' as ColumnType });
      expect(out).toEqual({ sql: 'FALSE', params: [] });
    });

    it('refuses to order a boolean column', () => {
      const out = scopeFor(
        buildAbility([{ action: 'read', subject: 'Product', conditions: { active: { $gt: false } } }], staff),
        'read',
        'Product',
        { active: 'p.active' },
        0,
        { active: 'boolean' },
      );
      expect(out).toEqual({ sql: 'FALSE', params: [] });
    });
  });
});

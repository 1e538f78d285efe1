import { scopeFor } from './ability-sql.js';
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
});

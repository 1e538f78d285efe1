import { subject } from '@casl/ability';
import { buildAbility, interpolateRules, type AbilityUser } from './build-ability.js';
import type { PermissionRule } from './permissions.js';

const user: AbilityUser = {
  id: 'u-1',
  email: 'alice@example.com',
  warehouseIds: ['w-1', 'w-2'],
  channelIds: ['c-1'],
};
const order = (fields: Record<string, unknown>) => subject('Order', { ...fields });

describe('interpolateRules', () => {
  it('replaces single-valued placeholders with the user values', () => {
    const [rule] = interpolateRules(
      [{ action: 'read', subject: 'User', conditions: { id: '${user.id}', email: { $eq: '${user.email}' } } }],
      user,
    );
    expect(rule.conditions).toEqual({ id: 'u-1', email: { $eq: 'alice@example.com' } });
  });

  it('replaces a list placeholder with the list', () => {
    const [rule] = interpolateRules(
      [{ action: 'read', subject: 'Order', conditions: { warehouseId: { $in: '${user.warehouseIds}' } } }],
      user,
    );
    expect(rule.conditions).toEqual({ warehouseId: { $in: ['w-1', 'w-2'] } });
  });

  it('flattens a list placeholder written inside a list', () => {
    const [rule] = interpolateRules(
      [{ action: 'read', subject: 'Order', conditions: { channelId: { $nin: ['${user.channelIds}', 'c-9'] } } }],
      user,
    );
    expect(rule.conditions).toEqual({ channelId: { $nin: ['c-1', 'c-9'] } });
  });

  it('reaches placeholders inside $or and $and', () => {
    const [rule] = interpolateRules(
      [
        {
          action: 'update',
          subject: 'Order',
          conditions: { $or: [{ warehouseId: { $in: '${user.warehouseIds}' } }, { $and: [{ remark: '${user.id}' }] }] },
        },
      ],
      user,
    );
    expect(rule.conditions).toEqual({ $or: [{ warehouseId: { $in: ['w-1', 'w-2'] } }, { $and: [{ remark: 'u-1' }] }] });
  });

  it('leaves unknown placeholders, rules without conditions and the input rules untouched', () => {
    const rules: PermissionRule[] = [
      { action: 'read', subject: 'Order', conditions: { remark: '${user.password}', warehouseId: '${user.id}' } },
      { action: 'read', subject: 'Product', fields: ['name'] },
    ];
    const copy = structuredClone(rules);
    const out = interpolateRules(rules, user);
    expect(out[0].conditions).toEqual({ remark: '${user.password}', warehouseId: 'u-1' });
    expect(out[1]).toEqual(copy[1]);
    expect(rules).toEqual(copy);
  });

  it('does not share the user lists with the rules', () => {
    const [rule] = interpolateRules(
      [{ action: 'read', subject: 'Order', conditions: { warehouseId: { $in: '${user.warehouseIds}' } } }],
      user,
    );
    (rule.conditions!.warehouseId as { $in: string[] }).$in.push('w-9');
    expect(user.warehouseIds).toEqual(['w-1', 'w-2']);
  });
});

describe('buildAbility', () => {
  it('grants rows of the user warehouses only', () => {
    const ability = buildAbility(
      [{ action: 'read', subject: 'Order', conditions: { warehouseId: { $in: '${user.warehouseIds}' } } }],
      user,
    );
    expect(ability.can('read', order({ warehouseId: 'w-2' }))).toBe(true);
    expect(ability.can('read', order({ warehouseId: 'w-3' }))).toBe(false);
    expect(ability.can('update', order({ warehouseId: 'w-2' }))).toBe(false);
  });

  it('lets a later cannot win over an earlier can', () => {
    const ability = buildAbility(
      [
        { action: 'manage', subject: 'all' },
        { action: 'cancel', subject: 'Order', conditions: { status: 'shipped' }, inverted: true },
      ],
      user,
    );
    expect(ability.can('cancel', order({ status: 'pending' }))).toBe(true);
    expect(ability.can('cancel', order({ status: 'shipped' }))).toBe(false);
  });

  it('understands $or and $and, so a cannot with $or really forbids', () => {
    const ability = buildAbility(
      [
        { action: 'read', subject: 'Order' },
        { action: 'read', subject: 'Order', inverted: true, conditions: { $or: [{ status: 'held' }, { currency: 'USD' }] } },
        { action: 'ship', subject: 'Order', conditions: { $and: [{ status: 'allocated' }, { currency: 'CNY' }] } },
      ],
      user,
    );
    expect(ability.can('read', order({ status: 'pending', currency: 'USD' }))).toBe(false);
    expect(ability.can('read', order({ status: 'held', currency: 'CNY' }))).toBe(false);
    expect(ability.can('read', order({ status: 'pending', currency: 'CNY' }))).toBe(true);
    expect(ability.can('ship', order({ status: 'allocated', currency: 'CNY' }))).toBe(true);
    expect(ability.can('ship', order({ status: 'allocated', currency: 'USD' }))).toBe(false);
  });

  it('reads $exists as "not null", as SQL does', () => {
    const ability = buildAbility([{ action: 'read', subject: 'Order', conditions: { channelId: { $exists: false } } }], user);
    expect(ability.can('read', order({ channelId: null }))).toBe(true);
    expect(ability.can('read', order({}))).toBe(true);
    expect(ability.can('read', order({ channelId: 'c-1' }))).toBe(false);
  });

  it('never lets null satisfy an ordering comparison', () => {
    const ability = buildAbility([{ action: 'approve', subject: 'Order', conditions: { totalMinor: { $lt: 10000 } } }], user);
    expect(ability.can('approve', order({ totalMinor: 500 }))).toBe(true);
    expect(ability.can('approve', order({ totalMinor: 20000 }))).toBe(false);
    expect(ability.can('approve', order({ totalMinor: null }))).toBe(false);
  });

  it('applies rule fields', () => {
    const ability = buildAbility(
      [
        { action: 'read', subject: 'Order' },
        { action: 'read', subject: 'Order', fields: ['customerPhone'], inverted: true },
      ],
      user,
    );
    expect(ability.can('read', order({}), 'status')).toBe(true);
    expect(ability.can('read', order({}), 'customerPhone')).toBe(false);
  });
});

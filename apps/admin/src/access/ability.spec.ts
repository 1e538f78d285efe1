import { buildAbility, canAccessWith, type PermissionRule } from './ability';
import { caslAction, SUBJECT_OF } from './subjects';

const VIEWER: PermissionRule[] = [{ action: 'read', subject: ['Order', 'Customer', 'Report'] }];
const ADMIN: PermissionRule[] = [{ action: 'manage', subject: 'all' }];
const WAREHOUSE: PermissionRule[] = [
  { action: ['read', 'ship'], subject: 'Order', conditions: { warehouseId: { $in: ['w1', 'w2'] } } },
  { action: 'read', subject: 'Order', fields: ['customerPhone'], inverted: true },
];

describe('access control in the panel', () => {
  it('maps react-admin actions to CASL actions and passes domain verbs through', () => {
    expect(['list', 'show', 'create', 'edit', 'delete', 'export', 'replay', 'approve'].map(caslAction)).toEqual([
      'read', 'read', 'create', 'update', 'delete', 'export', 'replay', 'approve',
    ]);
  });

  it('lets a viewer read what the role names and nothing else', () => {
    const ability = buildAbility(VIEWER);
    expect(canAccessWith(ability, { action: 'list', resource: 'orders' })).toBe(true);
    expect(canAccessWith(ability, { action: 'list', resource: 'order_exceptions' })).toBe(true);
    expect(canAccessWith(ability, { action: 'edit', resource: 'orders' })).toBe(false);
    expect(canAccessWith(ability, { action: 'list', resource: 'users' })).toBe(false);
    expect(canAccessWith(ability, { action: 'create', resource: 'users' })).toBe(false);
    expect(canAccessWith(ability, { action: 'replay', resource: 'dead-letters' })).toBe(false);
  });

  it('lets an administrator do anything on any known screen, and refuses unknown screens', () => {
    const ability = buildAbility(ADMIN);
    for (const action of ['list', 'show', 'create', 'edit', 'delete', 'replay']) {
      expect(canAccessWith(ability, { action, resource: 'users' })).toBe(true);
      expect(canAccessWith(ability, { action, resource: 'dead-letters' })).toBe(true);
    }
    expect(canAccessWith(ability, { action: 'list', resource: 'no-such-thing' })).toBe(false);
  });

  it('applies conditions to a record and inverted rules to a field', () => {
    const ability = buildAbility(WAREHOUSE);
    expect(canAccessWith(ability, { action: 'list', resource: 'orders' })).toBe(true);
    expect(canAccessWith(ability, { action: 'show', resource: 'orders', record: { id: 1, warehouseId: 'w2' } })).toBe(true);
    expect(canAccessWith(ability, { action: 'show', resource: 'orders', record: { id: 2, warehouseId: 'w9' } })).toBe(false);
    expect(canAccessWith(ability, { action: 'read', resource: 'orders.customerPhone' })).toBe(false);
    expect(canAccessWith(ability, { action: 'read', resource: 'orders.status' })).toBe(true);
  });

  it('does not tag the record it is given', () => {
    const record = { id: 1, warehouseId: 'w1' };
    canAccessWith(buildAbility(WAREHOUSE), { action: 'show', resource: 'orders', record });
    expect(Object.getOwnPropertyNames(record)).toEqual(['id', 'warehouseId']);
  });
});

describe('screens and subjects', () => {
  it('gives every menu entry a subject', async () => {
    const { ACCESS_KEYS } = await import('../layout/navigation');
    expect(ACCESS_KEYS.filter((key) => !SUBJECT_OF[key])).toEqual([]);
  });
});

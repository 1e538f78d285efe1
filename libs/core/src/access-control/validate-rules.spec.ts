import { subject } from '@casl/ability';
import { buildAbility } from './build-ability.js';
import type { PermissionRule } from './permissions.js';
import { validatePermissionRules } from './validate-rules.js';

const rule = (extra: Record<string, unknown>) => ({ action: 'read', subject: 'Order', ...extra });
const problemsOf = (input: unknown) => validatePermissionRules(input);
/** The single problem reported for one rule, as [field, message]. */
const onlyProblem = (r: unknown) => {
  const problems = problemsOf([{ action: 'read', subject: 'Order' }, r]);
  expect(problems).toHaveLength(1);
  return [problems[0].field, problems[0].message];
};

describe('validatePermissionRules', () => {
  const accepted = [
    { action: 'manage', subject: 'all' },
    { action: ['read', 'update'], subject: ['Order', 'Shipment'], conditions: { warehouseId: { $in: '${user.warehouseIds}' } } },
    { action: 'read', subject: 'Order', fields: ['customerPhone'], inverted: true, reason: 'privacy' },
    {
      action: 'approve',
      subject: 'Order',
      conditions: {
        $or: [{ totalMinor: { $lt: 10000, $gte: 0 } }, { channelId: { $nin: ['${user.channelIds}', 'c-x'] } }],
        $and: [{ status: { $ne: 'held' } }, { remark: { $exists: false } }, { flags: null }],
        'shippingAddress.city': 'Hangzhou',
      },
    },
    { action: 'read', subject: 'User', conditions: { id: '${user.id}', email: { $eq: '${user.email}' } } },
  ];

  it('accepts the rules the documentation shows', () => {
    expect(problemsOf(accepted)).toEqual([]);
  });

  it('accepts only rules CASL can evaluate', () => {
    const user = { id: 'u-1', email: 'a@b.c', warehouseIds: ['w-1'], channelIds: [] };
    const ability = buildAbility(accepted as PermissionRule[], user);
    for (const action of ['read', 'approve'] as const) {
      expect(() => ability.can(action, subject('Order', { status: 'held', totalMinor: 1 }))).not.toThrow();
    }
  });

  it('refuses anything but a list', () => {
    expect(problemsOf({ action: 'read' })).toEqual([{ field: 'permissions', message: 'permissions must be a list of rules' }]);
  });

  it('refuses more than 200 rules', () => {
    expect(problemsOf(Array.from({ length: 201 }, () => rule({})))[0].message).toContain('at most 200 rules');
  });

  it.each([
    ['a rule that is not an object', 'read', 'permissions[1]', 'must be an object'],
    ['an unknown key', rule({ when: 'always' }), 'permissions[1].when', 'unknown key when'],
    ['a missing action', { subject: 'Order' }, 'permissions[1].action', 'action is required'],
    ['an unknown action', rule({ action: 'destroy' }), 'permissions[1].action', 'unknown action "destroy"'],
    ['an unknown action in a list', rule({ action: ['read', 'fly'] }), 'permissions[1].action[1]', 'unknown action "fly"'],
    ['an empty action list', rule({ action: [] }), 'permissions[1].action', 'at least one action'],
    ['a missing subject', { action: 'read' }, 'permissions[1].subject', 'subject is required'],
    ['an unknown subject', rule({ subject: 'Invoice' }), 'permissions[1].subject', 'unknown subject "Invoice"'],
    ['fields for all', { action: 'read', subject: 'all', fields: ['id'] }, 'permissions[1].fields', 'cannot be used with subject all'],
    ['fields for several subjects', rule({ subject: ['Order', 'Shipment'], fields: ['id'] }), 'permissions[1].fields', 'single subject'],
    ['an empty field list', rule({ fields: [] }), 'permissions[1].fields', 'non-empty list'],
    ['an unknown field', rule({ fields: ['status', 'password'] }), 'permissions[1].fields[1]', 'Order has no field "password"'],
    ['a dotted field', rule({ fields: ['shippingAddress.city'] }), 'permissions[1].fields[0]', 'no field "shippingAddress.city"'],
    ['conditions for all', { action: 'read', subject: 'all', conditions: { id: 'x' } }, 'permissions[1].conditions', 'cannot be used with subject all'],
    ['conditions that are not an object', rule({ conditions: ['x'] }), 'permissions[1].conditions', 'must be an object'],
    ['an unknown condition field', rule({ conditions: { warehouse: 'w' } }), 'permissions[1].conditions.warehouse', 'Order has no field warehouse'],
    ['a path under an unknown field', rule({ conditions: { 'address.city': 'x' } }), 'permissions[1].conditions.address.city', 'no field address.city'],
    ['a field missing from one of the subjects', rule({ subject: ['Order', 'Shipment'], conditions: { channelId: 'c' } }), 'permissions[1].conditions.channelId', 'Shipment has no field channelId'],
    ['$where', rule({ conditions: { $where: 'true' } }), 'permissions[1].conditions.$where', 'operator $where is not allowed'],
    ['$nor', rule({ conditions: { $nor: [{ status: 'x' }] } }), 'permissions[1].conditions.$nor', 'operator $nor is not allowed'],
    ['$regex', rule({ conditions: { status: { $regex: '^a' } } }), 'permissions[1].conditions.status.$regex', 'operator $regex is not allowed'],
    ['$elemMatch', rule({ conditions: { lines: { $elemMatch: { sku: 'a' } } } }), 'permissions[1].conditions.lines.$elemMatch', 'operator $elemMatch is not allowed'],
    ['$not', rule({ conditions: { status: { $not: { $eq: 'a' } } } }), 'permissions[1].conditions.status.$not', 'operator $not is not allowed'],
    ['an empty $or', rule({ conditions: { $or: [] } }), 'permissions[1].conditions.$or', 'non-empty list of conditions'],
    ['a bad field inside $or', rule({ conditions: { $or: [{ nope: 1 }] } }), 'permissions[1].conditions.$or[0].nope', 'Order has no field nope'],
    ['an object value', rule({ conditions: { shippingAddress: { city: 'x' } } }), 'permissions[1].conditions.shippingAddress', 'object of operators'],
    ['operators mixed with keys', rule({ conditions: { status: { $eq: 'a', city: 'x' } } }), 'permissions[1].conditions.status', 'object of operators'],
    ['a list as a plain value', rule({ conditions: { status: ['a', 'b'] } }), 'permissions[1].conditions.status', 'needs $in or $nin'],
    ['$in without a list', rule({ conditions: { status: { $in: 'a' } } }), 'permissions[1].conditions.status.$in', 'takes a list'],
    ['a nested list in $in', rule({ conditions: { status: { $in: [['a']] } } }), 'permissions[1].conditions.status.$in[0]', 'flat list'],
    ['an object in $nin', rule({ conditions: { status: { $nin: [{ a: 1 }] } } }), 'permissions[1].conditions.status.$nin[0]', 'text, numbers'],
    ['$exists without a boolean', rule({ conditions: { remark: { $exists: 1 } } }), 'permissions[1].conditions.remark.$exists', 'true or false'],
    ['$lt with null', rule({ conditions: { totalMinor: { $lt: null } } }), 'permissions[1].conditions.totalMinor.$lt', 'number or text'],
    ['$gte with a boolean', rule({ conditions: { totalMinor: { $gte: true } } }), 'permissions[1].conditions.totalMinor.$gte', 'number or text'],
    ['an unknown placeholder', rule({ conditions: { remark: '${user.password}' } }), 'permissions[1].conditions.remark', 'unknown placeholder ${user.password}'],
    ['a text with a placeholder inside', rule({ conditions: { remark: 'x-${user.id}' } }), 'permissions[1].conditions.remark', 'unknown placeholder'],
    ['a list placeholder compared with equality', rule({ conditions: { warehouseId: '${user.warehouseIds}' } }), 'permissions[1].conditions.warehouseId', 'is a list: compare with $in'],
    ['a list placeholder in $ne', rule({ conditions: { channelId: { $ne: '${user.channelIds}' } } }), 'permissions[1].conditions.channelId.$ne', 'is a list'],
    ['an inverted that is not a boolean', rule({ inverted: 'yes' }), 'permissions[1].inverted', 'true or false'],
    ['a reason that is not text', rule({ reason: 5 }), 'permissions[1].reason', 'must be text'],
    ['a reason over 500 characters', rule({ reason: 'x'.repeat(501) }), 'permissions[1].reason', 'longer than 500'],
  ])('refuses %s', (_name, input, field, message) => {
    const [actualField, actualMessage] = onlyProblem(input);
    expect(actualField).toBe(field);
    expect(actualMessage).toContain(message);
  });

  it('refuses conditions nested too deep', () => {
    let conditions: Record<string, unknown> = { status: 'a' };
    for (let i = 0; i < 8; i++) conditions = { $or: [conditions] };
    expect(onlyProblem(rule({ conditions }))[1]).toContain('nest at most');
  });

  it('refuses a stored __proto__ key as an unknown field', () => {
    const conditions = JSON.parse('{"__proto__": {"status": "a"}}');
    expect(onlyProblem(rule({ conditions }))[0]).toBe('permissions[1].conditions.__proto__');
  });

  it('reports every problem, not only the first', () => {
    expect(problemsOf([{ action: 'fly', subject: 'Invoice', inverted: 1 }]).map((p) => p.field)).toEqual([
      'permissions[0].action',
      'permissions[0].subject',
      'permissions[0].inverted',
    ]);
  });
});

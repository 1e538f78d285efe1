import { subject } from '@casl/ability';
import { buildAbility, type AbilityUser } from './build-ability.js';
import {
  applyReadRules,
  assertWritable,
  FieldForbiddenError,
  forbiddenFields,
  maskEmail,
  maskPhone,
} from './field-access.js';
import type { PermissionRule } from './permissions.js';

const user: AbilityUser = { id: 'u-1', email: 'alice@example.com', warehouseIds: ['w-1'], channelIds: [] };
const ability = (rules: PermissionRule[]) => buildAbility(rules, user);

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['138-1234-5678', '138****5678'],
    ['12345678', '****5678'],
    ['1234567', '****'],
    ['', '****'],
    [13812345678, '138****5678'],
  ])('masks %j as %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('leaves null and undefined as they are', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeUndefined();
  });
});

describe('maskEmail', () => {
  it.each([
    ['alice@example.com', 'a***@example.com'],
    ['b@example.com', 'b***@example.com'],
    ['no-at-sign', '****'],
    ['@example.com', '****'],
  ])('masks %j as %j', (input, masked) => {
    expect(maskEmail(input)).toBe(masked);
  });

  it('leaves null and undefined as they are', () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail(undefined)).toBeUndefined();
  });
});

describe('applyReadRules', () => {
  const row = { id: 'o-1', status: 'pending', customerPhone: '13812345678', customerEmail: 'bob@example.com', remark: 'x' };
  const hiding = ability([
    { action: 'read', subject: 'Order' },
    { action: 'read', subject: 'Order', inverted: true, fields: ['customerPhone', 'customerEmail', 'remark'] },
  ]);

  it('masks a hidden field it has a mask for and drops the others', () => {
    expect(applyReadRules(hiding, 'Order', row, { customerPhone: maskPhone, customerEmail: maskEmail })).toEqual({
      id: 'o-1',
      status: 'pending',
      customerPhone: '138****5678',
      customerEmail: 'b***@example.com',
    });
  });

  it('drops every hidden field without masks', () => {
    expect(applyReadRules(hiding, 'Order', row)).toEqual({ id: 'o-1', status: 'pending' });
  });

  it('keeps only the fields a field-limited can grants, and always the id', () => {
    const limited = ability([{ action: 'read', subject: 'Order', fields: ['status'] }]);
    expect(applyReadRules(limited, 'Order', row)).toEqual({ id: 'o-1', status: 'pending' });
  });

  it('hides fields only on rows matching the rule conditions', () => {
    const conditional = ability([
      { action: 'read', subject: 'Order' },
      { action: 'read', subject: 'Order', inverted: true, fields: ['customerPhone'], conditions: { status: 'shipped' } },
    ]);
    expect(applyReadRules(conditional, 'Order', row)).toEqual(row);
    expect(applyReadRules(conditional, 'Order', { ...row, status: 'shipped' })).not.toHaveProperty('customerPhone');
  });

  it('returns a new object and leaves the row untagged', () => {
    const input = { ...row };
    const out = applyReadRules(hiding, 'Order', input);
    expect(out).not.toBe(input);
    expect(input).toEqual(row);
    expect(Object.getOwnPropertyNames(input)).not.toContain('__caslSubjectType__');
    // A row already tagged as another subject must not make CASL throw.
    const tagged = subject('Customer', { ...row }) as unknown as Record<string, unknown>;
    expect(() => applyReadRules(hiding, 'Order', tagged)).not.toThrow();
  });
});

describe('forbiddenFields', () => {
  const editor = ability([
    { action: 'update', subject: 'Order' },
    { action: 'update', subject: 'Order', inverted: true, fields: ['totalMinor', 'currency'] },
    { action: 'update', subject: 'Order', inverted: true, fields: ['remark'], conditions: { status: 'shipped' } },
  ]);

  it('names the fields a cannot rule covers', () => {
    expect(forbiddenFields(editor, 'update', 'Order', ['remark', 'totalMinor', 'tags', 'currency'])).toEqual([
      'totalMinor',
      'currency',
    ]);
  });

  it('applies conditions to the record when given', () => {
    expect(forbiddenFields(editor, 'update', 'Order', ['remark', 'tags'], { status: 'shipped' })).toEqual(['remark']);
    expect(forbiddenFields(editor, 'update', 'Order', ['remark', 'tags'], { status: 'pending' })).toEqual([]);
  });

  it('forbids every field without a rule for the action', () => {
    expect(forbiddenFields(editor, 'refund', 'Order', ['remark'])).toEqual(['remark']);
  });
});

describe('assertWritable', () => {
  const editor = ability([
    { action: 'update', subject: 'Order' },
    { action: 'update', subject: 'Order', inverted: true, fields: ['totalMinor', 'currency'] },
  ]);

  it('passes when every field may be written', () => {
    expect(() => assertWritable(editor, 'update', 'Order', ['remark', 'tags'])).not.toThrow();
  });

  it('throws a forbidden error naming the fields', () => {
    let error: unknown;
    try {
      assertWritable(editor, 'update', 'Order', ['remark', 'totalMinor', 'currency']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FieldForbiddenError);
    expect(error).toMatchObject({
      code: 'access.field_forbidden',
      kind: 'forbidden',
      message: 'You may not update the Order fields totalMinor, currency',
      details: { action: 'update', subject: 'Order', fields: ['totalMinor', 'currency'] },
    });
  });
});

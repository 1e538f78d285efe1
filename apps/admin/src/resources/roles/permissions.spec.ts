import type { PermissionRule } from '../../access/ability';
import { cellState, insertRule, toggleCell, updateRule } from './matrix';
import { compactRules, expandRules } from './permissions';

const IN_MY_WAREHOUSES = { warehouseId: { $in: '${user.warehouseIds}' } };

// The built-in roles (libs/access/src/domain/built-in-roles.ts) as the API returns them.
const BUILT_IN: Record<string, PermissionRule[]> = {
  administrator: [{ action: 'manage', subject: 'all' }],
  order_operator: [
    { action: ['read', 'create', 'update', 'approve', 'reject', 'hold', 'cancel', 'allocate'], subject: 'Order' },
    { action: 'read', subject: ['Customer', 'Product', 'Warehouse', 'StockLevel', 'Shipment', 'Channel', 'Payment'] },
  ],
  warehouse_staff: [
    { action: ['read', 'ship'], subject: 'Order', conditions: IN_MY_WAREHOUSES },
    { action: ['read', 'create', 'update'], subject: ['StockLevel', 'StockMovement'], conditions: IN_MY_WAREHOUSES },
    { action: ['read', 'create', 'update', 'ship'], subject: 'Shipment', conditions: IN_MY_WAREHOUSES },
    { action: 'read', subject: 'Warehouse', conditions: { id: { $in: '${user.warehouseIds}' } } },
    { action: 'read', subject: 'Product' },
    { action: 'read', subject: 'Order', fields: ['customerPhone', 'customerEmail'], inverted: true, reason: 'masked' },
    { action: 'read', subject: 'Shipment', fields: ['recipientPhone'], inverted: true, reason: 'masked' },
  ],
  finance: [
    { action: ['read', 'update', 'export'], subject: 'Payment' },
    { action: ['read', 'approve', 'reject', 'refund', 'export'], subject: 'Refund' },
    { action: ['read', 'export'], subject: ['Report', 'Order'] },
    { action: 'read', subject: ['Customer', 'Return'] },
  ],
};

describe('permission editor rules', () => {
  it.each(Object.keys(BUILT_IN))('round-trips the %s role unchanged', (role) => {
    const expanded = expandRules(BUILT_IN[role]);
    expect(expanded.every((rule) => typeof rule.action === 'string' && typeof rule.subject === 'string')).toBe(true);
    expect(compactRules(expanded).rules).toEqual(BUILT_IN[role]);
  });

  it('tells which editor rules each saved rule came from', () => {
    const { origin } = compactRules(expandRules(BUILT_IN.order_operator));
    expect(origin).toEqual([[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14]]);
  });

  it('merges a ticked cell into the rule with the same actions', () => {
    const rules = toggleCell(expandRules(BUILT_IN.finance), 'Customer', 'export', true);
    expect(compactRules(rules).rules).toEqual([
      { action: ['read', 'update', 'export'], subject: 'Payment' },
      { action: ['read', 'approve', 'reject', 'refund', 'export'], subject: 'Refund' },
      { action: ['read', 'export'], subject: ['Report', 'Order', 'Customer'] },
      { action: 'read', subject: 'Return' },
    ]);
  });

  it('adds "can" rules before "cannot" rules, so a ticked cell never lifts a restriction', () => {
    const rules = toggleCell(expandRules(BUILT_IN.warehouse_staff), 'Customer', 'read', true);
    const added = rules.findIndex((rule) => rule.subject === 'Customer');
    expect(rules.slice(added + 1).every((rule) => rule.inverted)).toBe(true);
    expect(insertRule(rules, { action: 'delete', subject: 'Order', inverted: true }).at(-1)?.action).toBe('delete');
  });

  it('unticks a cell by removing its plain rule only', () => {
    const rules = expandRules(BUILT_IN.warehouse_staff);
    expect(toggleCell(rules, 'Product', 'read', false)).toHaveLength(rules.length - 1);
    expect(toggleCell(rules, 'Order', 'read', false)).toHaveLength(rules.length);
  });

  it('describes each cell: granted, implied by manage/all, limited, denied', () => {
    const rules = expandRules([...BUILT_IN.warehouse_staff, { action: 'manage', subject: 'Report' }]);
    expect(cellState(rules, 'Product', 'read')).toEqual({ granted: true, implied: false, limited: 0, denied: 0 });
    expect(cellState(rules, 'Order', 'read')).toEqual({ granted: false, implied: false, limited: 1, denied: 1 });
    expect(cellState(rules, 'Report', 'export')).toMatchObject({ granted: false, implied: true });
    expect(cellState(expandRules(BUILT_IN.administrator), 'User', 'delete')).toMatchObject({ implied: true });
  });

  it('saves typed conditions as JSON and drops empty ones', () => {
    const rules = [
      { action: 'read', subject: 'Order', conditions: '{ "status": "pending" }' },
      { action: 'update', subject: 'Order', conditions: '  ', fields: [] },
    ];
    expect(compactRules(rules).rules).toEqual([
      { action: 'read', subject: 'Order', conditions: { status: 'pending' } },
      { action: 'update', subject: 'Order' },
    ]);
  });

  it('moves a rule that becomes a "cannot" rule to the end', () => {
    const rules = expandRules(BUILT_IN.finance);
    const next = updateRule(rules, 0, { inverted: true });
    expect(next.at(-1)).toEqual({ action: 'read', subject: 'Payment', inverted: true });
  });
});

import type { PermissionRule } from '@oms/core';

export type BuiltInRoleKey = 'administrator' | 'order_operator' | 'warehouse_staff' | 'customer_service' | 'finance' | 'viewer';

export interface BuiltInRole {
  key: BuiltInRoleKey;
  /** Fixed so that every installation, test database and document names the same role. */
  id: string;
  name: string;
  description: string;
  permissions: PermissionRule[];
}

const IN_MY_WAREHOUSES = { warehouseId: { $in: '${user.warehouseIds}' } };

/**
 * The roles every installation starts with. They are seeded once by a migration and are then
 * the customer's to edit (not to delete); changing this list later needs a new migration.
 */
export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    key: 'administrator',
    id: '019ab000-0000-7000-8000-000000000001',
    name: 'Administrator',
    description: 'Everything, including users, roles, settings and the audit log.',
    permissions: [{ action: 'manage', subject: 'all' }],
  },
  {
    key: 'order_operator',
    id: '019ab000-0000-7000-8000-000000000002',
    name: 'Order operator',
    description: 'Reviews, approves, rejects, holds, cancels and edits orders.',
    permissions: [
      { action: ['read', 'create', 'update', 'approve', 'reject', 'hold', 'cancel', 'allocate'], subject: 'Order' },
      { action: 'read', subject: ['Customer', 'Product', 'Warehouse', 'StockLevel', 'Shipment', 'Channel', 'Payment'] },
    ],
  },
  {
    key: 'warehouse_staff',
    id: '019ab000-0000-7000-8000-000000000003',
    name: 'Warehouse staff',
    description: 'Orders, stock and shipments of their own warehouses only; customer phone and email masked.',
    permissions: [
      { action: ['read', 'ship'], subject: 'Order', conditions: IN_MY_WAREHOUSES },
      { action: ['read', 'create', 'update'], subject: ['StockLevel', 'StockMovement'], conditions: IN_MY_WAREHOUSES },
      { action: ['read', 'create', 'update', 'ship'], subject: 'Shipment', conditions: IN_MY_WAREHOUSES },
      { action: 'read', subject: 'Warehouse', conditions: { id: { $in: '${user.warehouseIds}' } } },
      { action: 'read', subject: 'Product' },
      {
        action: 'read',
        subject: 'Order',
        fields: ['customerPhone', 'customerEmail'],
        inverted: true,
        reason: 'Warehouse staff see contact details masked',
      },
      {
        action: 'read',
        subject: 'Shipment',
        fields: ['recipientPhone'],
        inverted: true,
        reason: 'Warehouse staff see contact details masked',
      },
    ],
  },
  {
    key: 'customer_service',
    id: '019ab000-0000-7000-8000-000000000004',
    name: 'Customer service',
    description: 'Reads orders, customers and tracking; handles after-sales; no stock changes.',
    permissions: [
      { action: 'read', subject: ['Order', 'Customer', 'Shipment', 'Product', 'Payment', 'Refund'] },
      { action: ['read', 'create', 'update', 'approve', 'reject', 'cancel'], subject: 'Return' },
      { action: 'create', subject: 'Refund' },
    ],
  },
  {
    key: 'finance',
    id: '019ab000-0000-7000-8000-000000000005',
    name: 'Finance',
    description: 'Payments, refunds, reports and exports.',
    permissions: [
      { action: ['read', 'update', 'export'], subject: 'Payment' },
      { action: ['read', 'approve', 'reject', 'refund', 'export'], subject: 'Refund' },
      { action: ['read', 'export'], subject: ['Report', 'Order'] },
      { action: 'read', subject: ['Customer', 'Return'] },
    ],
  },
  {
    key: 'viewer',
    id: '019ab000-0000-7000-8000-000000000006',
    name: 'Viewer',
    description: 'Reads the business data; changes nothing.',
    permissions: [
      {
        action: 'read',
        subject: [
          'Order', 'Customer', 'Product', 'Warehouse', 'StockLevel', 'StockMovement', 'Channel', 'Shipment',
          'Return', 'Payment', 'Refund', 'Report',
        ],
      },
    ],
  },
];

export const ADMINISTRATOR_ROLE_ID = BUILT_IN_ROLES[0].id;

export function builtInRole(key: BuiltInRoleKey): BuiltInRole {
  return BUILT_IN_ROLES.find((r) => r.key === key)!;
}

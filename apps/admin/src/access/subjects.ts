/**
 * Which CASL subject (see docs/access-control.md) each screen of the back office shows: a
 * resource by its name, a planned module by its key in layout/navigation.ts. A screen that is
 * not listed here is refused, so a new resource must add its line.
 */
export const SUBJECT_OF: Record<string, string> = {
  // Resources
  orders: 'Order',
  customers: 'Customer',
  products: 'Product',
  users: 'User',
  roles: 'Role',
  'audit-logs': 'AuditLog',
  'dead-letters': 'DeadLetter',
  'stock-levels': 'StockLevel',
  'stock-movements': 'StockMovement',
  warehouses: 'Warehouse',
  // A bin is part of its warehouse; its stock is stock.
  bins: 'Warehouse',
  'bin-stock': 'StockLevel',
  // Backorders belong to orders; allocation settings are settings.
  backorders: 'Order',
  'allocation-settings': 'Setting',
  // Planned modules
  order_exceptions: 'Order',
  shipments: 'Shipment',
  carriers: 'Setting',
  returns: 'Return',
  refunds: 'Refund',
  incidents: 'Return',
  reports: 'Report',
  order_rules: 'Setting',
  notification_templates: 'NotificationTemplate',
};

/** react-admin's page and button actions in CASL's words; domain verbs (replay, approve ...) pass through. */
const ACTION_OF: Record<string, string> = {
  list: 'read',
  show: 'read',
  read: 'read',
  create: 'create',
  edit: 'update',
  update: 'update',
  delete: 'delete',
  export: 'export',
};

export const caslAction = (action: string): string => ACTION_OF[action] ?? action;

import type { MongoAbility, MongoQuery } from '@casl/ability';

/** Every action a role can grant. `manage` means any action; the domain verbs name order and stock work. */
export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'approve',
  'reject',
  'hold',
  'cancel',
  'allocate',
  'ship',
  'refund',
  'export',
  'replay',
  'configure',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Every subject a role can name, with the fields a rule may restrict and conditions may test.
 * One list for the whole product: each context adds its subject here when its resource lands.
 */
export const SUBJECT_FIELDS = {
  Order: [
    'id', 'number', 'channelId', 'externalId', 'externalNumber', 'warehouseId', 'warehouseIds', 'status', 'customerId',
    'customerName', 'customerPhone', 'customerEmail', 'shippingAddress', 'lines', 'subtotalMinor', 'shippingFeeMinor',
    'discountMinor', 'taxMinor', 'totalMinor', 'currency', 'payment', 'paidAt', 'delivery', 'remark', 'buyerRemark',
    'sellerRemark', 'tags', 'priority', 'flags', 'openFlags', 'parentId', 'approvedAt', 'shippedAt', 'createdAt', 'updatedAt',
  ],
  Customer: [
    'id', 'channelId', 'name', 'phone', 'email', 'addresses', 'tags', 'orderCount', 'totalSpentMinor', 'currency', 'firstOrderAt',
    'lastOrderAt', 'orders', 'createdAt',
  ],
  Product: ['id', 'sku', 'name', 'attributes', 'barcodes', 'priceMinor', 'currency', 'active'],
  Warehouse: ['id', 'code', 'name', 'type', 'address', 'priority', 'costTable', 'channelId', 'active'],
  StockLevel: ['id', 'sku', 'productName', 'warehouseId', 'onHand', 'reserved', 'available', 'binned', 'unbinned'],
  StockMovement: ['id', 'sku', 'warehouseId', 'type', 'quantity', 'reason', 'reference', 'actorId', 'actorName'],
  Channel: ['id', 'code', 'name', 'type', 'active', 'credentials'],
  Shipment: ['id', 'orderId', 'warehouseId', 'carrier', 'trackingNumber', 'status', 'recipientPhone'],
  Return: ['id', 'orderId', 'warehouseId', 'status', 'reason', 'refundMinor'],
  Payment: ['id', 'orderId', 'method', 'status', 'amountMinor', 'reference'],
  Refund: ['id', 'orderId', 'returnId', 'status', 'amountMinor'],
  NotificationTemplate: ['id', 'code', 'channel', 'locale', 'subject', 'body', 'active'],
  Report: ['id', 'name', 'schedule', 'recipients'],
  Setting: ['key', 'value'],
  User: [
    'id', 'email', 'name', 'active', 'locale', 'roleIds', 'warehouseIds', 'channelIds', 'password', 'lastSignInAt',
    'signInCount', 'lockedUntil', 'createdAt', 'updatedAt',
  ],
  Role: ['id', 'name', 'description', 'builtIn', 'builtInKey', 'permissions', 'userCount', 'createdAt', 'updatedAt'],
  AuditLog: [
    'id', 'at', 'actorId', 'actorEmail', 'ip', 'userAgent', 'requestId', 'action', 'entityType', 'entityId', 'outcome',
    'before', 'after', 'changes', 'details',
  ],
  DeadLetter: [
    'id', 'eventId', 'eventType', 'handler', 'status', 'error', 'attempts', 'payload', 'note', 'replayCount',
    'firstFailedAt', 'lastFailedAt', 'replayedAt',
  ],
} as const satisfies Record<string, readonly string[]>;

export type Subject = keyof typeof SUBJECT_FIELDS;
export const SUBJECTS = Object.keys(SUBJECT_FIELDS) as Subject[];

/** `all` stands for every subject, as in CASL. */
export type SubjectOrAll = Subject | 'all';

/** A role's permission as stored and as the roles API takes it: a CASL raw rule. */
export interface PermissionRule {
  action: Action | Action[];
  subject: SubjectOrAll | SubjectOrAll[];
  /** MongoDB-style query; may use `${user.id}`, `${user.email}`, `${user.warehouseIds}`, `${user.channelIds}`. */
  conditions?: Record<string, unknown>;
  fields?: string[];
  inverted?: boolean;
  reason?: string;
}

/** What the signed-in user may do, built per request from their roles. */
export type AppAbility = MongoAbility<[Action, SubjectOrAll | ({ __caslSubjectType__: Subject } & object)], MongoQuery>;

/** What a route needs: an action on a subject. */
export interface RoutePermission {
  action: Action;
  subject: Subject;
}

import type { ResourceDefinition } from '@oms/core';

/** Allocations and backorders as the API lists them. Orders' read rules apply (subject Order). */
export const ALLOCATIONS: ResourceDefinition = {
  resource: 'allocations',
  subject: 'Order',
  from: 'allocation a',
  idColumn: 'a.id',
  fields: {
    id: 'a.id',
    orderId: 'a.order_id',
    sequence: 'a.sequence',
    trigger: 'a.trigger',
    channelId: 'a.channel_id',
    status: 'a.status',
    policy: 'a.policy',
    strategies: 'a.strategies',
    shipTo: 'a.ship_to',
    lines: 'a.lines',
    shipments: 'a.shipments',
    backordered: 'a.backordered',
    explanation: 'a.explanation',
    actorId: 'a.actor_id',
    paidAt: 'a.paid_at',
    releasedAt: 'a.released_at',
    createdAt: 'a.created_at',
  },
  sortable: ['createdAt', 'sequence'],
  columnTypes: { id: 'uuid', orderId: 'uuid', channelId: 'uuid', sequence: 'integer', status: 'text', trigger: 'text', createdAt: 'timestamptz' },
  nullable: ['channelId'],
  filters: {
    orderId: { kind: 'eq', column: 'a.order_id' },
    status: { kind: 'eq', column: 'a.status', values: ['allocated', 'partially_allocated', 'backordered', 'released'] },
    trigger: { kind: 'eq', column: 'a.trigger', values: ['order', 'backorder', 'manual'] },
  },
  defaultSort: ['createdAt', 'DESC'],
};

export const BACKORDERS: ResourceDefinition = {
  resource: 'backorders',
  subject: 'Order',
  from: 'backorder b',
  idColumn: `b.order_id::text || ':' || b.line_id`,
  fields: {
    id: `b.order_id::text || ':' || b.line_id`,
    orderId: 'b.order_id',
    lineId: 'b.line_id',
    sku: 'b.sku',
    requested: 'b.requested',
    outstanding: 'b.outstanding',
    channelId: 'b.channel_id',
    paidAt: 'b.paid_at',
    status: 'b.status',
    createdAt: 'b.created_at',
    updatedAt: 'b.updated_at',
  },
  sortable: ['paidAt', 'createdAt', 'sku', 'outstanding'],
  columnTypes: { id: 'text', orderId: 'uuid', channelId: 'uuid', sku: 'text', status: 'text', outstanding: 'integer', paidAt: 'timestamptz' },
  nullable: ['paidAt', 'channelId'],
  filters: {
    orderId: { kind: 'eq', column: 'b.order_id' },
    sku: { kind: 'search', columns: ['b.sku'] },
    status: { kind: 'eq', column: 'b.status', values: ['open', 'filled', 'cancelled'] },
  },
  defaultSort: ['paidAt', 'ASC'],
};

export const SELECT_ALLOCATION = `SELECT id, order_id AS "orderId", sequence, trigger, channel_id AS "channelId", status, policy, strategies,
  ship_to AS "shipTo", lines, shipments, backordered, explanation, actor_id AS "actorId", created_at AS "createdAt",
  paid_at AS "paidAt", released_at AS "releasedAt" FROM allocation`;

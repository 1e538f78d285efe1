import { Injectable } from '@nestjs/common';
import {
  assertAllowed,
  AuditTrail,
  newId,
  onUniqueViolation,
  requireResource,
  type ResourceDefinition,
  UnitOfWork,
} from '@oms/core';
import type { EntityManager } from 'typeorm';
import { InvalidPoolError, WarehouseCodeTakenError } from '../domain/inventory.errors.js';

export const WAREHOUSES: ResourceDefinition = {
  resource: 'warehouses',
  subject: 'Warehouse',
  from: 'warehouse w',
  idColumn: 'w.id',
  fields: {
    id: 'w.id',
    code: 'w.code',
    name: 'w.name',
    type: 'w.type',
    address: 'w.address',
    geo: 'w.geo',
    regions: 'w.regions',
    priority: 'w.priority',
    costTable: 'w.cost_table',
    memberIds: 'w.member_ids',
    channelId: 'w.channel_id',
    cutoffTime: `to_char(w.cutoff_time, 'HH24:MI')`,
    active: 'w.active',
    createdAt: 'w.created_at',
    updatedAt: 'w.updated_at',
  },
  sortable: ['code', 'name', 'type', 'priority', 'createdAt', 'active'],
  columnTypes: { id: 'uuid', code: 'text', type: 'text', priority: 'integer', active: 'boolean', memberIds: 'list', channelId: 'uuid' },
  filters: {
    q: { kind: 'search', columns: ['w.code', 'w.name', `w.address->>'city'`, `w.address->>'province'`] },
    type: { kind: 'eq', column: 'w.type', values: ['physical', 'virtual', 'third_party'] },
    active: { kind: 'bool', column: 'w.active' },
  },
  defaultSort: ['priority', 'ASC'],
};

export const WAREHOUSE_READ_ONLY = ['id', 'createdAt', 'updatedAt'];

export interface WarehouseInput {
  code?: string;
  name?: string;
  type?: 'physical' | 'virtual' | 'third_party';
  address?: object;
  geo?: object | null;
  regions?: object[];
  priority?: number;
  costTable?: object[];
  memberIds?: string[];
  channelId?: string | null;
  cutoffTime?: string | null;
  active?: boolean;
}

type WarehouseRecord = Record<string, unknown> & { id: string; type: string; memberIds: string[] };

const COLUMNS: Record<keyof WarehouseInput, { column: string; json?: boolean }> = {
  code: { column: 'code' },
  name: { column: 'name' },
  type: { column: 'type' },
  address: { column: 'address', json: true },
  geo: { column: 'geo', json: true },
  regions: { column: 'regions', json: true },
  priority: { column: 'priority' },
  costTable: { column: 'cost_table', json: true },
  memberIds: { column: 'member_ids' },
  channelId: { column: 'channel_id' },
  cutoffTime: { column: 'cutoff_time' },
  active: { column: 'active' },
};

/** Warehouses: physical, third-party, and virtual ones pooling physical stock. Audited. */
@Injectable()
export class WarehousesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  get(id: string): Promise<WarehouseRecord> {
    return requireResource<WarehouseRecord>(this.uow.manager, WAREHOUSES, id, 'Warehouse');
  }

  private load(id: string): Promise<WarehouseRecord> {
    return requireResource<WarehouseRecord>(this.uow.manager, WAREHOUSES, id, 'Warehouse', { raw: true });
  }

  async create(input: WarehouseInput & { code: string; name: string; type: string; address: object }) {
    assertAllowed('create', 'Warehouse', input, Object.keys(input));
    return this.uow.run(async (m) => {
      await checkPool(m, input.type, input.memberIds ?? [], undefined, input.channelId);
      const id = newId();
      const keys = Object.keys(input) as (keyof WarehouseInput)[];
      await onUniqueViolation(
        () =>
          m.query(
            `INSERT INTO warehouse (id, ${keys.map((k) => COLUMNS[k].column).join(', ')})
             VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')})`,
            [id, ...keys.map((k) => dbValue(k, input[k]))],
          ),
        () => new WarehouseCodeTakenError(input.code),
      );
      await this.audit.record({ action: 'warehouse.create', entityType: 'Warehouse', entityId: id, after: await this.load(id) });
      return this.get(id);
    });
  }

  async update(id: string, input: WarehouseInput) {
    return this.uow.run(async (m) => {
      await m.query(`SELECT id FROM warehouse WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.load(id);
      const changed = (Object.keys(input) as (keyof WarehouseInput)[]).filter(
        (k) => JSON.stringify(input[k] ?? null) !== JSON.stringify(before[k] ?? null),
      );
      assertAllowed('update', 'Warehouse', before, changed);
      if (!changed.length) return this.get(id);
      await checkPool(m, input.type ?? before.type, input.memberIds ?? before.memberIds, id, input.channelId === undefined ? (before.channelId as string | null) : input.channelId);
      await onUniqueViolation(
        () =>
          m.query(
            `UPDATE warehouse SET ${changed.map((k, i) => `${COLUMNS[k].column} = $${i + 2}`).join(', ')},
               updated_at = now(), version = version + 1 WHERE id = $1`,
            [id, ...changed.map((k) => dbValue(k, input[k]))],
          ),
        () => new WarehouseCodeTakenError(input.code ?? ''),
      );
      const after = await this.load(id);
      assertAllowed('update', 'Warehouse', after);
      await this.audit.record({ action: 'warehouse.update', entityType: 'Warehouse', entityId: id, before, after });
      return this.get(id);
    });
  }

}

function dbValue(key: keyof WarehouseInput, value: unknown): unknown {
  if (COLUMNS[key].json) return value === null || value === undefined ? (key === 'geo' ? null : '[]') : JSON.stringify(value);
  return value;
}

/** A virtual warehouse pools active physical warehouses (at least one); nothing else pools anything. */
async function checkPool(
  m: EntityManager,
  type: string | undefined,
  memberIds: string[],
  selfId: string | undefined,
  channelId: string | null | undefined,
) {
  if (type !== 'virtual') {
    if (memberIds.length) throw new InvalidPoolError('Only a virtual warehouse pools other warehouses');
    if (channelId) throw new InvalidPoolError('Only a virtual warehouse holds stock for a channel', 'channelId');
    return;
  }
  if (!memberIds.length) throw new InvalidPoolError('A virtual warehouse pools at least one physical warehouse');
  if (selfId && memberIds.includes(selfId)) throw new InvalidPoolError('A warehouse cannot pool itself');
  const found: { id: string }[] = await m.query(
    `SELECT id FROM warehouse WHERE id = ANY($1::uuid[]) AND type = 'physical'`,
    [memberIds],
  );
  const missing = memberIds.filter((id) => !found.some((f) => f.id === id.toLowerCase()));
  if (missing.length) throw new InvalidPoolError(`Not physical warehouses: ${missing.join(', ')}`);
}

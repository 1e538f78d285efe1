import { Injectable } from '@nestjs/common';
import {
  assertAllowed,
  AuditTrail,
  type ListQuery,
  listResource,
  newId,
  NotFoundError,
  onUniqueViolation,
  RequestContext,
  type ResourceDefinition,
  scopeFor,
  UnitOfWork,
} from '@oms/core';
import type { EntityManager } from 'typeorm';
import { BinNotEmptyError, BinTakenError, UnknownWarehouseError } from '../domain/inventory.errors.js';

export const BINS: ResourceDefinition = {
  resource: 'bins',
  from: 'bin b',
  idColumn: 'b.id',
  fields: {
    id: 'b.id',
    warehouseId: 'b.warehouse_id',
    zone: 'b.zone',
    aisle: 'b.aisle',
    bay: 'b.bay',
    level: 'b.level',
    code: 'b.code',
    sequence: 'b.sequence',
    active: 'b.active',
    createdAt: 'b.created_at',
    updatedAt: 'b.updated_at',
  },
  sortable: ['sequence', 'code', 'zone', 'createdAt'],
  columnTypes: { id: 'uuid', warehouseId: 'uuid', active: 'boolean', sequence: 'integer' },
  filters: {
    warehouseId: { kind: 'eq', column: 'b.warehouse_id', uuid: true },
    zone: { kind: 'eq', column: 'b.zone' },
    active: { kind: 'bool', column: 'b.active' },
    q: { kind: 'search', columns: ['b.code'] },
  },
  defaultSort: ['sequence', 'ASC'],
};

export const BIN_READ_ONLY = ['id', 'code', 'createdAt', 'updatedAt'];

export interface BinInput {
  warehouseId?: string;
  zone?: string;
  aisle?: string;
  bay?: string;
  level?: string;
  sequence?: number;
  active?: boolean;
}

const COLUMNS: Record<keyof BinInput, string> = {
  warehouseId: 'warehouse_id',
  zone: 'zone',
  aisle: 'aisle',
  bay: 'bay',
  level: 'level',
  sequence: 'sequence',
  active: 'active',
};

/**
 * Bins (locations) of physical warehouses. The scope is the warehouse's: a bin is read and
 * changed by whoever may read and update its warehouse, so the row scope maps the bin's
 * warehouse onto the Warehouse rule's `id`.
 */
@Injectable()
export class BinsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  /** Bins of the warehouses the caller may see: the Warehouse rule's `id` is the bin's warehouse. */
  list(query: ListQuery) {
    return listResource(this.uow.manager, BINS, query, binScope());
  }

  get(id: string, m: EntityManager = this.uow.manager) {
    return findBin(m, id);
  }

  async create(input: BinInput & { warehouseId: string }) {
    // Changing bins is changing the warehouse: the caller must be allowed to update that one.
    assertAllowed('update', 'Warehouse', { id: input.warehouseId });
    return this.uow.run(async (m) => {
      const [warehouse] = await m.query(`SELECT type FROM warehouse WHERE id = $1`, [input.warehouseId]);
      if (!warehouse) throw new UnknownWarehouseError(input.warehouseId, 'does not exist');
      if (warehouse.type !== 'physical') throw new UnknownWarehouseError(input.warehouseId, 'is not physical: only physical warehouses have bins');
      const id = newId();
      const keys = Object.keys(input) as (keyof BinInput)[];
      await onUniqueViolation(
        () =>
          m.query(
            `INSERT INTO bin (id, ${keys.map((k) => COLUMNS[k]).join(', ')}) VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')})`,
            [id, ...keys.map((k) => input[k])],
          ),
        () => new BinTakenError(`${input.zone}-${input.aisle}-${input.bay}-${input.level}`),
      );
      const after = await findBin(m, id);
      await this.audit.record({ action: 'bin.create', entityType: 'Bin', entityId: id, after });
      return this.get(id);
    });
  }

  async update(id: string, input: BinInput) {
    return this.uow.run(async (m) => {
      const before = await findBin(m, id);
      const changed = (Object.keys(input) as (keyof BinInput)[]).filter((k) => input[k] !== before[k]);
      if (changed.includes('warehouseId')) {
        throw new UnknownWarehouseError(String(input.warehouseId), 'cannot change: a bin stays in its warehouse');
      }
      assertAllowed('update', 'Warehouse', { id: before.warehouseId });
      if (!changed.length) return this.get(id);
      await onUniqueViolation(
        () =>
          m.query(
            `UPDATE bin SET ${changed.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')}, updated_at = now(), version = version + 1
             WHERE id = $1`,
            [id, ...changed.map((k) => input[k])],
          ),
        () => new BinTakenError(String(before.code)),
      );
      if (changed.includes('active') && input.active === false) await requireEmpty(m, id, String(before.code));
      const after = await findBin(m, id);
      await this.audit.record({ action: 'bin.update', entityType: 'Bin', entityId: id, before, after });
      return this.get(id);
    });
  }

}

/**
 * A bin is deactivated only once empty. Checked after the update took the bin's row lock: a
 * putaway into it holds a share lock on that row, so it either finished first (and is counted
 * here) or waits and then finds the bin inactive.
 */
async function requireEmpty(m: EntityManager, id: string, code: string): Promise<void> {
  const [{ units }] = await m.query(`SELECT coalesce(sum(quantity), 0)::int AS units FROM bin_stock WHERE bin_id = $1`, [id]);
  if (units > 0) throw new BinNotEmptyError(code, units);
}

function binScope(paramOffset = 0) {
  const ability = RequestContext.current()?.ability;
  if (!ability) return { sql: 'TRUE', params: [] };
  return scopeFor(ability, 'read', 'Warehouse', { id: 'b.warehouse_id' }, paramOffset, { id: 'uuid' });
}

async function findBin(m: EntityManager, id: string): Promise<Record<string, unknown>> {
  const page = await listResource(m, BINS, { sort: { field: 'sequence', order: 'ASC' }, range: { start: 0, end: 0 }, filter: { id } }, binScope());
  if (!page.rows.length) throw new NotFoundError('Bin', id);
  return page.rows[0];
}

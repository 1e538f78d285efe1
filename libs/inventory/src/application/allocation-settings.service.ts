import { Injectable } from '@nestjs/common';
import { assertAllowed, AuditTrail, isUuid, RequestContext, requireResource, type ResourceDefinition, UnitOfWork } from '@oms/core';
import type { ShortagePolicy, Strategy } from '../domain/allocation/allocation-engine.js';
import { AllocationSettingExistsError, InvalidAllocationError } from '../domain/allocation/allocation.errors.js';

export const ALLOCATION_SETTINGS: ResourceDefinition = {
  resource: 'allocation-settings',
  from: 'allocation_setting s',
  idColumn: 's.id',
  fields: {
    id: 's.id',
    channelId: `CASE WHEN s.id = 'default' THEN NULL ELSE s.id END`,
    strategies: 's.strategies',
    shortagePolicy: 's.shortage_policy',
    warehouseIds: 's.warehouse_ids',
    version: 's.version',
    updatedAt: 's.updated_at',
    updatedBy: 's.updated_by',
  },
  sortable: ['id', 'updatedAt'],
  columnTypes: { id: 'text', shortagePolicy: 'text', warehouseIds: 'list', strategies: 'list' },
  filters: {},
  defaultSort: ['id', 'ASC'],
};

export interface AllocationSetting {
  id: string;
  channelId: string | null;
  strategies: Strategy[];
  shortagePolicy: ShortagePolicy;
  warehouseIds: string[];
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AllocationSettingInput {
  strategies: Strategy[];
  shortagePolicy: ShortagePolicy;
  warehouseIds?: string[];
}

/**
 * How orders are allocated: the default, and optional per-channel settings that replace it
 * for that channel's orders. Stored as data, audited on every change.
 */
@Injectable()
export class AllocationSettingsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  get(raw: string): Promise<AllocationSetting> {
    const id = checkId(raw);
    return requireResource<AllocationSetting>(this.uow.manager, ALLOCATION_SETTINGS, id, 'Allocation setting');
  }

  /** The setting that applies to a channel's orders: its own, or the default. */
  async effective(channelId: string | null | undefined): Promise<AllocationSetting> {
    const rows: AllocationSetting[] = await this.uow.manager.query(
      `SELECT id, strategies, shortage_policy AS "shortagePolicy", warehouse_ids AS "warehouseIds", version
       FROM allocation_setting WHERE id = $1 OR id = 'default' ORDER BY (id = 'default')`,
      [channelId?.toLowerCase() ?? 'default'],
    );
    return rows[0];
  }

  /** A channel's own setting; refused when it already has one (edit that instead). */
  create(channelId: string, input: AllocationSettingInput): Promise<AllocationSetting> {
    return this.write(channelId, input, 'create');
  }

  /** Creates or replaces the default (`default`) or a channel's setting (its id). */
  put(id: string, input: AllocationSettingInput): Promise<AllocationSetting> {
    return this.write(id, input, 'put');
  }

  private async write(raw: string, input: AllocationSettingInput, mode: 'create' | 'put'): Promise<AllocationSetting> {
    const id = checkId(raw);
    assertAllowed('update', 'Setting', { key: `allocation:${id}` }, ['value']);
    return this.uow.run(async (m) => {
      await this.checkWarehouses(input.warehouseIds ?? []);
      const [before] = await m.query(`SELECT * FROM allocation_setting WHERE id = $1 FOR UPDATE`, [id]);
      const written: unknown[] = await m.query(
        `INSERT INTO allocation_setting (id, strategies, shortage_policy, warehouse_ids, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO ${mode === 'create' ? 'NOTHING' : `UPDATE SET strategies = EXCLUDED.strategies,
           shortage_policy = EXCLUDED.shortage_policy, warehouse_ids = EXCLUDED.warehouse_ids,
           updated_by = EXCLUDED.updated_by, updated_at = now(), version = allocation_setting.version + 1`}
         RETURNING id`,
        [id, [...new Set(input.strategies)], input.shortagePolicy, [...new Set(input.warehouseIds ?? [])], actorId()],
      );
      if (!written.length) throw new AllocationSettingExistsError(id);
      const after = await this.get(id);
      await this.audit.record({
        action: before ? 'allocation-setting.update' : 'allocation-setting.create',
        entityType: 'AllocationSetting',
        entityId: id,
        before: before ?? undefined,
        after,
      });
      return after;
    });
  }

  /** A channel goes back to the default. The default itself stays. */
  async remove(raw: string): Promise<AllocationSetting> {
    const id = checkId(raw);
    if (id === 'default') throw new InvalidAllocationError('The default allocation setting cannot be deleted', 'id');
    assertAllowed('update', 'Setting', { key: `allocation:${id}` }, ['value']);
    return this.uow.run(async (m) => {
      const before = await this.get(id);
      await m.query(`DELETE FROM allocation_setting WHERE id = $1`, [id]);
      await this.audit.record({ action: 'allocation-setting.delete', entityType: 'AllocationSetting', entityId: id, before });
      return before;
    });
  }

  private async checkWarehouses(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found: { id: string }[] = await this.uow.manager.query(`SELECT id FROM warehouse WHERE id = ANY($1::uuid[])`, [ids]);
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new InvalidAllocationError(`No warehouse ${missing.join(', ')}`, 'warehouseIds');
  }
}

/** `default`, or a channel id in the lower case the table stores. */
function checkId(id: string): string {
  if (id !== 'default' && !isUuid(id)) {
    throw new InvalidAllocationError('An allocation setting is "default" or a channel id (a UUID)', 'id');
  }
  return id.toLowerCase();
}

function actorId(): string | null {
  return RequestContext.current()?.user?.id ?? null;
}

import { Injectable } from '@nestjs/common';
import { assertAllowed, AuditTrail, InvalidInputError, NotFoundError, RequestContext, UnitOfWork } from '@oms/core';
import { resolveAuditSettings, type StoredAuditSettings, validateAuditSettings } from '../domain/audit/audit.js';
import { BLOCK_LIST_KINDS, type BlockListEntry } from '../domain/audit/audit.types.js';

export interface OrderSettings {
  id: 'default';
  /** Every rule with its enabled flag and parameters, and auto-approval (defaults filled in). */
  audit: ReturnType<typeof resolveAuditSettings>;
  blockList: BlockListEntry[];
  /** Each sales channel's auto-approval: true or false, or null to follow the global switch. */
  channels: { id: string; code: string; name: string; autoApprove: boolean | null }[];
  version: number;
  updatedAt: string;
}

/** The order audit's settings and block list. Read by every audit; changed by administrators, audited. */
@Injectable()
export class OrderSettingsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  async get(): Promise<OrderSettings> {
    const [row] = await this.uow.manager.query(
      `SELECT audit, block_list AS "blockList", version, updated_at AS "updatedAt" FROM order_setting WHERE id = 'default'`,
    );
    const channels = await this.uow.manager.query(
      `SELECT id, code, name, auto_approve AS "autoApprove" FROM sales_channel ORDER BY code`,
    );
    return {
      id: 'default',
      audit: resolveAuditSettings(row.audit as StoredAuditSettings),
      blockList: row.blockList,
      channels,
      version: row.version,
      updatedAt: row.updatedAt,
    };
  }

  async put(input: { audit?: unknown; blockList?: unknown }): Promise<OrderSettings> {
    assertAllowed('update', 'Setting', { key: 'orders' }, ['value']);
    const problems = input.audit === undefined ? [] : validateAuditSettings(input.audit);
    if (problems.length) {
      throw new InvalidInputError(
        `Audit settings are not valid: ${problems.map((p) => p.message).join('; ')}`,
        problems.map((p) => ({ field: `audit.${p.path}`, message: p.message })),
      );
    }
    const blockList = input.blockList === undefined ? undefined : checkBlockList(input.blockList);
    return this.uow.run(async (m) => {
      const before = await this.get();
      await m.query(
        `UPDATE order_setting SET audit = coalesce($1, audit), block_list = coalesce($2, block_list), version = version + 1,
           updated_at = now(), updated_by = $3 WHERE id = 'default'`,
        [input.audit === undefined ? null : JSON.stringify(input.audit), blockList ? JSON.stringify(blockList) : null, RequestContext.current()?.user?.id ?? null],
      );
      const after = await this.get();
      await this.audit.record({ action: 'order-settings.update', entityType: 'OrderSettings', entityId: 'default', before, after });
      return after;
    });
  }

  async setChannelAutoApprove(channelId: string, autoApprove: boolean | null): Promise<OrderSettings> {
    await setChannelAutoApprove(this.uow, this.audit, channelId, autoApprove);
    return this.get();
  }
}

/** A channel's own auto-approval (null: follow the global switch). */
export async function setChannelAutoApprove(
  uow: UnitOfWork,
  audit: AuditTrail,
  channelId: string,
  autoApprove: boolean | null,
): Promise<void> {
  assertAllowed('update', 'Setting', { key: 'orders' }, ['value']);
  await uow.run(async (m) => {
    const [before] = await m.query(`SELECT auto_approve AS "autoApprove" FROM sales_channel WHERE id = $1 FOR UPDATE`, [channelId]);
    if (!before) throw new NotFoundError('Sales channel', channelId);
    await m.query(`UPDATE sales_channel SET auto_approve = $2 WHERE id = $1`, [channelId, autoApprove]);
    await audit.record({ action: 'order-settings.channel', entityType: 'SalesChannel', entityId: channelId, before, after: { autoApprove } });
  });
}

function checkBlockList(input: unknown): BlockListEntry[] {
  const fail = (i: number, message: string) => new InvalidInputError(message, [{ field: `blockList[${i}]`, message }]);
  if (!Array.isArray(input) || input.length > 10_000) throw new InvalidInputError('blockList must be a list (at most 10,000 entries)', [{ field: 'blockList', message: 'must be a list' }]);
  return input.map((e, i) => {
    if (typeof e !== 'object' || e === null) throw fail(i, 'must be {kind, value}');
    const { kind, value } = e as Record<string, unknown>;
    if (!BLOCK_LIST_KINDS.includes(kind as never)) throw fail(i, `kind must be one of ${BLOCK_LIST_KINDS.join(', ')}`);
    if (typeof value !== 'string' || !value.trim() || value.length > 300) throw fail(i, 'value must be text of 1-300 characters');
    return { kind: kind as BlockListEntry['kind'], value: value.trim() };
  });
}

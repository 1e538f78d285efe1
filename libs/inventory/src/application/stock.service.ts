import { Injectable } from '@nestjs/common';
import {
  assertAllowed,
  AuditTrail,
  InvalidInputError,
  newId,
  OutboxService,
  RequestContext,
  requireResource,
  type ResourceDefinition,
  UnitOfWork,
} from '@oms/core';
import { ProductsService } from '@oms/catalog';
import { UnknownSkuError } from '../domain/inventory.errors.js';
import { StockArrived } from '../domain/allocation/allocation.events.js';
import { crossedLowStock, StockLow } from '../domain/stock-low.event.js';
import { binOnHandChange, lockLevel, requireBin } from '../infrastructure/bin-ledger.js';
import { appendMovement, changeOnHand, ensureLevel, type LevelRow, requireStockWarehouse } from '../infrastructure/stock-ledger.js';

export const STOCK_LEVELS: ResourceDefinition = {
  resource: 'stock-levels',
  subject: 'StockLevel',
  from: 'stock_level s',
  idColumn: 's.id',
  fields: {
    id: 's.id',
    productId: 's.product_id',
    sku: 's.sku',
    productName: 's.product_name',
    warehouseId: 's.warehouse_id',
    onHand: 's.on_hand',
    reserved: 's.reserved',
    available: '(s.on_hand - s.reserved)',
    binned: 's.binned',
    unbinned: '(s.on_hand - s.binned)',
    lowStockThreshold: 's.low_stock_threshold',
    low: '(s.on_hand - s.reserved) <= coalesce(s.low_stock_threshold, 0)',
    updatedAt: 's.updated_at',
  },
  sortable: ['sku', 'productName', 'onHand', 'reserved', 'available', 'binned', 'unbinned', 'updatedAt'],
  columnTypes: { id: 'uuid', productId: 'uuid', warehouseId: 'uuid', sku: 'text', onHand: 'integer', reserved: 'integer', binned: 'integer' },
  filters: {
    q: { kind: 'search', columns: ['s.sku', 's.product_name'] },
    sku: { kind: 'eq', column: 's.sku' },
    warehouseId: { kind: 'eq', column: 's.warehouse_id', uuid: true },
    productId: { kind: 'eq', column: 's.product_id', uuid: true },
    low: { kind: 'bool', column: '((s.on_hand - s.reserved) <= coalesce(s.low_stock_threshold, 0))' },
    available: { kind: 'number', column: '(s.on_hand - s.reserved)' },
    unbinned: { kind: 'number', column: '(s.on_hand - s.binned)' },
  },
  defaultSort: ['sku', 'ASC'],
};

export const STOCK_MOVEMENTS: ResourceDefinition = {
  resource: 'stock-movements',
  subject: 'StockMovement',
  from: 'stock_movement mv',
  idColumn: 'mv.id',
  fields: {
    id: 'mv.id',
    at: 'mv.at',
    sku: 'mv.sku',
    productId: 'mv.product_id',
    warehouseId: 'mv.warehouse_id',
    type: 'mv.type',
    quantity: '(CASE WHEN mv.on_hand_delta <> 0 THEN mv.on_hand_delta ELSE mv.reserved_delta END)',
    onHandDelta: 'mv.on_hand_delta',
    reservedDelta: 'mv.reserved_delta',
    onHandAfter: 'mv.on_hand_after',
    reservedAfter: 'mv.reserved_after',
    reason: 'mv.reason',
    reference: 'mv.reference',
    actorId: 'mv.actor_id',
    /** Who made it, by name as it was then; null for the system's own and for work done later on someone's behalf. */
    actorName: 'mv.actor_name',
  },
  sortable: ['at', 'sku', 'type'],
  columnTypes: { id: 'uuid', warehouseId: 'uuid', productId: 'uuid', sku: 'text', type: 'text', actorId: 'uuid' },
  filters: {
    sku: { kind: 'eq', column: 'mv.sku' },
    warehouseId: { kind: 'eq', column: 'mv.warehouse_id', uuid: true },
    type: {
      kind: 'eq',
      column: 'mv.type',
      values: ['receipt', 'adjustment', 'reservation', 'release', 'shipment', 'return', 'transfer_out', 'transfer_in'],
    },
    reference: { kind: 'eq', column: 'mv.reference' },
    at: { kind: 'date', column: 'mv.at' },
  },
  defaultSort: ['at', 'DESC'],
};

export interface ManualMovement {
  sku: string;
  warehouseId: string;
  type: 'receipt' | 'adjustment';
  quantity: number;
  reason: string;
  reference?: string;
  /** Physical warehouses with bins: the bin the units go into (positive) or come out of (negative). */
  binId?: string;
}

/**
 * On-hand stock changes by hand: receipts and adjustments. Each writes its movement to the
 * ledger and the level in one transaction, with a conditional update so concurrent changes
 * can never take on-hand below what is reserved.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly products: ProductsService,
    private readonly outbox: OutboxService,
  ) {}

  async record(input: ManualMovement): Promise<Record<string, unknown>> {
    const product = await this.products.findBySku(input.sku);
    if (!product) throw new UnknownSkuError(input.sku);
    // Scoped roles: the rule's conditions (their warehouses) decide on this movement.
    assertAllowed('create', 'StockMovement', { warehouseId: input.warehouseId, sku: product.sku, type: input.type });
    return this.uow.run(async (m) => {
      const actorId = RequestContext.current()?.user?.id;
      await requireStockWarehouse(m, input.warehouseId);
      await ensureLevel(m, product, input.warehouseId);
      const bin = input.binId ? await requireBin(m, input.binId, 'binId', input.warehouseId) : undefined;
      const binned = { type: input.type, reason: input.reason, reference: input.reference, actorId };
      // Units leave their bin before they leave the warehouse, and arrive before they go into one.
      if (bin && input.quantity < 0) await binOnHandChange(m, (await lockLevel(m, product.id, input.warehouseId))!, bin, input.quantity, binned);
      const level = await changeOnHand(m, product, input.warehouseId, input.quantity);
      if (bin && input.quantity > 0) await binOnHandChange(m, level, bin, input.quantity, binned);
      const id = await appendMovement(m, level, {
        type: input.type,
        onHandDelta: input.quantity,
        reservedDelta: 0,
        reason: input.reason,
        reference: input.reference,
        actorId,
      });
      const movement = await requireResource<Record<string, unknown>>(m, STOCK_MOVEMENTS, id, 'Stock movement', { raw: true });
      await this.audit.record({
        action: `stock.${input.type}`,
        entityType: 'StockLevel',
        entityId: level.id,
        after: movement,
        ...(bin ? { details: { binId: bin.id, bin: bin.code } } : {}),
      });
      await raiseStockEvents(this.outbox, level, input.quantity);
      return movement;
    });
  }

  /**
   * Moves stock between two warehouses that hold stock (physical or third-party): a transfer_out
   * and a transfer_in in one transaction, both levels locked in the global order, the source never
   * below its reserved.
   */
  async transfer(input: {
    sku: string;
    fromWarehouseId: string;
    toWarehouseId: string;
    quantity: number;
    reason: string;
    reference?: string;
    /** The bin of the source warehouse the units come out of, when they are not outside bins. */
    fromBinId?: string;
    /** The bin of the destination the units go straight into. */
    toBinId?: string;
  }) {
    if (input.fromWarehouseId === input.toWarehouseId) {
      throw new InvalidInputError('A transfer goes between two warehouses', [{ field: 'toWarehouseId', message: 'must differ from fromWarehouseId' }]);
    }
    const product = await this.products.findBySku(input.sku);
    if (!product) throw new UnknownSkuError(input.sku);
    for (const warehouseId of [input.fromWarehouseId, input.toWarehouseId]) {
      assertAllowed('create', 'StockMovement', { warehouseId, sku: product.sku, type: 'transfer' });
    }
    const reference = input.reference ?? `transfer:${newId()}`;
    return this.uow.run(async (m) => {
      for (const warehouseId of [input.fromWarehouseId, input.toWarehouseId].sort()) {
        await requireStockWarehouse(m, warehouseId);
        await ensureLevel(m, product, warehouseId);
      }
      const fromBin = input.fromBinId ? await requireBin(m, input.fromBinId, 'fromBinId', input.fromWarehouseId) : undefined;
      const toBin = input.toBinId ? await requireBin(m, input.toBinId, 'toBinId', input.toWarehouseId) : undefined;
      // Lock both levels in the global order before changing either.
      const locked: LevelRow[] = await m.query(
        `SELECT id, product_id, sku, warehouse_id FROM stock_level WHERE product_id = $1 AND warehouse_id = ANY($2::uuid[])
         ORDER BY warehouse_id FOR UPDATE`,
        [product.id, [input.fromWarehouseId, input.toWarehouseId]],
      );
      const actorId = RequestContext.current()?.user?.id;
      const binned = { reason: input.reason, reference, actorId };
      const source = locked.find((l) => l.warehouse_id === input.fromWarehouseId)!;
      if (fromBin) await binOnHandChange(m, source, fromBin, -input.quantity, { type: 'transfer_out', ...binned });
      const movements = [];
      for (const [warehouseId, delta, type] of [
        [input.fromWarehouseId, -input.quantity, 'transfer_out'],
        [input.toWarehouseId, input.quantity, 'transfer_in'],
      ] as const) {
        const level = await changeOnHand(m, product, warehouseId, delta);
        if (toBin && type === 'transfer_in') await binOnHandChange(m, level, toBin, delta, { type, ...binned });
        const id = await appendMovement(m, level, {
          type,
          onHandDelta: delta,
          reservedDelta: 0,
          reason: input.reason,
          reference,
          actorId,
        });
        await raiseStockEvents(this.outbox, level, delta);
        movements.push(await requireResource(m, STOCK_MOVEMENTS, id, 'Stock movement', { raw: true }));
      }
      const bins = { ...(fromBin ? { fromBin: fromBin.code } : {}), ...(toBin ? { toBin: toBin.code } : {}) };
      await this.audit.record({ action: 'stock.transfer', entityType: 'StockMovement', entityId: reference, after: { movements, ...bins } });
      return { reference, movements };
    });
  }

  /** Sets (or clears, with null) the level's low-stock threshold; audited, scoped like every write. */
  async setThreshold(id: string, threshold: number | null) {
    return this.uow.run(async (m) => {
      const before = await requireResource<Record<string, unknown>>(m, STOCK_LEVELS, id, 'Stock level', { raw: true });
      assertAllowed('update', 'StockLevel', before);
      await m.query(`UPDATE stock_level SET low_stock_threshold = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [id, threshold]);
      const after = await requireResource<Record<string, unknown>>(m, STOCK_LEVELS, id, 'Stock level', { raw: true });
      await this.audit.record({ action: 'stock.threshold', entityType: 'StockLevel', entityId: id, before, after });
      return requireResource(m, STOCK_LEVELS, id, 'Stock level');
    });
  }

  /**
   * Proves the invariants row by row: on-hand equals the ledger's sum, reserved equals the
   * ledger's reservations net of releases and shipments, and binned equals what the level's
   * bins hold (`drift`); and each bin's quantity equals the bin ledger's sum (`binDrift`).
   */
  async reconcile() {
    const m = this.uow.manager;
    const [{ checked_at: checkedAt, levels }] = await m.query(`SELECT now() AS checked_at, count(*)::int AS levels FROM stock_level`);
    const drift = await m.query(
      `SELECT s.id AS "levelId", s.sku, s.warehouse_id AS "warehouseId", s.on_hand AS "onHand",
              coalesce(l.on_hand, 0)::int AS "ledgerOnHand", s.reserved, coalesce(l.reserved, 0)::int AS "ledgerReserved",
              coalesce(r.open, 0)::int AS "openReservations", s.binned, coalesce(b.held, 0)::int AS "inBins"
       FROM stock_level s
       LEFT JOIN (SELECT level_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                  FROM stock_movement GROUP BY level_id) l ON l.level_id = s.id
       LEFT JOIN (SELECT level_id, sum(quantity) AS open FROM stock_reservation WHERE status = 'open'
                  GROUP BY level_id) r ON r.level_id = s.id
       LEFT JOIN (SELECT product_id, warehouse_id, sum(quantity) AS held FROM bin_stock
                  GROUP BY product_id, warehouse_id) b ON b.product_id = s.product_id AND b.warehouse_id = s.warehouse_id
       WHERE s.on_hand <> coalesce(l.on_hand, 0) OR s.reserved <> coalesce(l.reserved, 0)
          OR s.reserved <> coalesce(r.open, 0) OR s.binned <> coalesce(b.held, 0)
       ORDER BY s.sku, s.warehouse_id`,
    );
    const binDrift = await m.query(
      `SELECT coalesce(bs.bin_id, l.bin_id) AS "binId", bin.code AS "binCode", coalesce(bs.sku, l.sku) AS sku,
              coalesce(bs.warehouse_id, l.warehouse_id) AS "warehouseId", coalesce(bs.quantity, 0) AS quantity,
              coalesce(l.quantity, 0)::int AS "ledgerQuantity"
       FROM bin_stock bs
       FULL JOIN (SELECT bin_id, product_id, min(sku) AS sku, min(warehouse_id::text)::uuid AS warehouse_id, sum(quantity) AS quantity
                  FROM (SELECT to_bin_id AS bin_id, product_id, sku, warehouse_id, quantity FROM bin_movement WHERE to_bin_id IS NOT NULL
                        UNION ALL
                        SELECT from_bin_id, product_id, sku, warehouse_id, -quantity FROM bin_movement WHERE from_bin_id IS NOT NULL) x
                  GROUP BY bin_id, product_id) l ON l.bin_id = bs.bin_id AND l.product_id = bs.product_id
       JOIN bin ON bin.id = coalesce(bs.bin_id, l.bin_id)
       WHERE coalesce(bs.quantity, 0) <> coalesce(l.quantity, 0)
       ORDER BY bin.warehouse_id, bin.sequence, bin.code, 3`,
    );
    return { checkedAt, levels, drift, binDrift };
  }
}

/**
 * Raises, in the change's own transaction, the events a change of available stock calls for:
 * StockArrived when units became available (backorders may fill), StockLow when it crossed the
 * low-stock threshold.
 */
export async function raiseStockEvents(
  outbox: OutboxService,
  level: LevelRow,
  availableDelta: number,
): Promise<void> {
  const available = level.on_hand - level.reserved;
  if (availableDelta > 0 && available > 0) {
    await outbox.append([
      new StockArrived('stock_level', level.id, {
        productId: level.product_id,
        sku: level.sku,
        warehouseId: level.warehouse_id,
        quantity: availableDelta,
      }),
    ]);
  }
  if (!crossedLowStock(available, availableDelta, level.low_stock_threshold)) return;
  await outbox.append([
    new StockLow('stock_level', level.id, {
      levelId: level.id,
      sku: level.sku,
      warehouseId: level.warehouse_id,
      available,
      threshold: level.low_stock_threshold!,
    }),
  ]);
}

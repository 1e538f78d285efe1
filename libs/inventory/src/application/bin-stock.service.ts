import { Injectable } from '@nestjs/common';
import {
  assertAllowed,
  AuditTrail,
  InvalidInputError,
  type ListQuery,
  listResource,
  RequestContext,
  requireResource,
  type ResourceDefinition,
  UnitOfWork,
} from '@oms/core';
import { ProductsService } from '@oms/catalog';
import type { EntityManager } from 'typeorm';
import { UnbinnedShortError, UnknownSkuError } from '../domain/inventory.errors.js';
import {
  addToBin,
  appendBinMovement,
  type BinMovementType,
  type BinnedLevel,
  type BinRow,
  changeBinned,
  lockLevel,
  requireActiveBin,
  requireBin,
  takeFromBin,
} from '../infrastructure/bin-ledger.js';
import { STOCK_LEVELS } from './stock.service.js';

/**
 * Stock per bin, in walking order. Read like stock levels (the StockLevel rule, so warehouse
 * staff see their own warehouses' bins only).
 */
export const BIN_STOCK: ResourceDefinition = {
  resource: 'bin-stock',
  subject: 'StockLevel',
  from: 'bin_stock bs JOIN bin b ON b.id = bs.bin_id',
  idColumn: 'bs.id',
  fields: {
    id: 'bs.id',
    binId: 'bs.bin_id',
    binCode: 'b.code',
    binSequence: 'b.sequence',
    binActive: 'b.active',
    zone: 'b.zone',
    productId: 'bs.product_id',
    sku: 'bs.sku',
    warehouseId: 'bs.warehouse_id',
    quantity: 'bs.quantity',
    updatedAt: 'bs.updated_at',
  },
  sortable: ['binSequence', 'binCode', 'sku', 'quantity', 'updatedAt'],
  // Every field is NOT NULL (the join is inner): nothing needs nulls sorted last.
  nullable: [],
  columnTypes: {
    id: 'uuid',
    binId: 'uuid',
    productId: 'uuid',
    warehouseId: 'uuid',
    sku: 'text',
    binCode: 'text',
    zone: 'text',
    quantity: 'integer',
    binSequence: 'integer',
    binActive: 'boolean',
    updatedAt: 'timestamptz',
  },
  filters: {
    warehouseId: { kind: 'eq', column: 'bs.warehouse_id', uuid: true },
    binId: { kind: 'eq', column: 'bs.bin_id', uuid: true },
    productId: { kind: 'eq', column: 'bs.product_id', uuid: true },
    sku: { kind: 'eq', column: 'bs.sku' },
    zone: { kind: 'eq', column: 'b.zone' },
    quantity: { kind: 'number', column: 'bs.quantity' },
    q: { kind: 'search', columns: ['bs.sku', 'b.code'] },
  },
  defaultSort: ['binSequence', 'ASC'],
};

interface BinStockChange {
  sku: string;
  quantity: number;
  reason?: string;
  reference?: string;
}

export interface PutawayInput extends BinStockChange {
  binId: string;
}

export interface BinMoveInput extends BinStockChange {
  fromBinId: string;
  toBinId: string;
}

export type TakeOutInput = PutawayInput;

/**
 * Puts received stock away into bins, moves it between bins of a warehouse and takes it out
 * again (for packing, or to count it elsewhere). On-hand does not change: only where the
 * units lie. Each operation runs in one transaction under the level's row lock, writes the
 * bin ledger and the audit log, and is allowed to whoever may record stock movements in the
 * bin's warehouse.
 */
@Injectable()
export class BinStockService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly products: ProductsService,
  ) {}

  list(query: ListQuery) {
    return listResource(this.uow.manager, BIN_STOCK, query);
  }

  get(id: string) {
    return requireResource(this.uow.manager, BIN_STOCK, id, 'Bin stock');
  }

  /** Unbinned units of the SKU go into the bin. */
  putaway(input: PutawayInput) {
    return this.change('putaway', input, { to: input.binId }, async (m, level, { to }) => {
      await requireActiveBin(m, to!);
      await changeBinned(m, level, input.quantity);
      await addToBin(m, level, to!, input.quantity);
    });
  }

  /** Units go from one bin to another of the same warehouse. */
  move(input: BinMoveInput) {
    if (input.fromBinId === input.toBinId) {
      throw new InvalidInputError('A move goes between two bins', [{ field: 'toBinId', message: 'must differ from fromBinId' }]);
    }
    return this.change('move', input, { from: input.fromBinId, to: input.toBinId }, async (m, level, { from, to }) => {
      await requireActiveBin(m, to!, 'toBinId');
      await takeFromBin(m, level, from!, input.quantity);
      await addToBin(m, level, to!, input.quantity);
    });
  }

  /** Units come out of the bin and lie unbinned (staged for packing, or set aside). */
  takeOut(input: TakeOutInput) {
    return this.change('take_out', input, { from: input.binId }, async (m, level, { from }) => {
      await takeFromBin(m, level, from!, input.quantity);
      await changeBinned(m, level, -input.quantity);
    });
  }

  private async change(
    type: BinMovementType,
    input: BinStockChange,
    binIds: { from?: string; to?: string },
    apply: (m: EntityManager, level: BinnedLevel, bins: { from?: BinRow; to?: BinRow }) => Promise<void>,
  ) {
    const product = await this.products.findBySku(input.sku);
    if (!product) throw new UnknownSkuError(input.sku);
    return this.uow.run(async (m) => {
      // The first bin names the warehouse; a second must stand in the same one.
      const fromField = binIds.to ? 'fromBinId' : 'binId';
      const from = binIds.from ? await requireBin(m, binIds.from, fromField) : undefined;
      const to = binIds.to ? await requireBin(m, binIds.to, binIds.from ? 'toBinId' : 'binId', from?.warehouse_id) : undefined;
      const warehouseId = (from ?? to)!.warehouse_id;
      assertAllowed('create', 'StockMovement', { warehouseId, sku: product.sku, type });
      const level = await lockLevel(m, product.id, warehouseId);
      if (!level) throw new UnbinnedShortError(product.sku, warehouseId, 0, input.quantity);
      await apply(m, level, { from, to });
      const actorId = RequestContext.current()?.user?.id;
      await appendBinMovement(m, level, { type, fromBinId: from?.id, toBinId: to?.id, quantity: input.quantity, reason: input.reason, reference: input.reference, actorId });
      const after = await requireResource<Record<string, unknown>>(m, STOCK_LEVELS, level.id, 'Stock level', { raw: true });
      await this.audit.record({
        action: `bin_stock.${type}`,
        entityType: 'StockLevel',
        entityId: level.id,
        before: { binned: level.binned },
        after: { binned: after.binned },
        details: { sku: product.sku, quantity: input.quantity, from: from?.code, to: to?.code, reason: input.reason, reference: input.reference },
      });
      return {
        level: await requireResource(m, STOCK_LEVELS, level.id, 'Stock level'),
        from: from ? await binStockOf(m, from.id, product.id) : undefined,
        to: to ? await binStockOf(m, to.id, product.id) : undefined,
      };
    });
  }
}

/** What the bin holds of the product now (null once emptied). */
async function binStockOf(m: EntityManager, binId: string, productId: string) {
  const page = await listResource(m, BIN_STOCK, { sort: { field: 'binSequence', order: 'ASC' }, range: { start: 0, end: 0 }, filter: { binId, productId } });
  return page.rows[0] ?? null;
}

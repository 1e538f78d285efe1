import { Injectable } from '@nestjs/common';
import {
  assertAllowed,
  AuditTrail,
  InvalidInputError,
  newId,
  onUniqueViolation,
  OutboxService,
  requireResource,
  type ResourceDefinition,
  UnitOfWork,
} from '@oms/core';
import type { EntityManager } from 'typeorm';
import { BarcodeTakenError, SkuTakenError } from '../domain/catalog.errors.js';
import { ProductChanged } from '../domain/product-changed.event.js';

export const PRODUCTS: ResourceDefinition = {
  resource: 'products',
  subject: 'Product',
  from: 'product p',
  idColumn: 'p.id',
  fields: {
    id: 'p.id',
    sku: 'p.sku',
    name: 'p.name',
    attributes: 'p.attributes',
    barcodes: 'p.barcodes',
    weightGrams: 'p.weight_grams',
    lengthMm: 'p.length_mm',
    widthMm: 'p.width_mm',
    heightMm: 'p.height_mm',
    priceMinor: 'p.price_minor::float8',
    currency: 'p.currency',
    purchaseLimit: 'p.purchase_limit',
    active: 'p.active',
    createdAt: 'p.created_at',
    updatedAt: 'p.updated_at',
  },
  sortable: ['sku', 'name', 'priceMinor', 'createdAt', 'updatedAt', 'active'],
  nullable: [],
  columnTypes: { id: 'uuid', sku: 'text', name: 'text', active: 'boolean', currency: 'text', barcodes: 'list' },
  filters: {
    q: { kind: 'search', columns: ['p.sku', 'p.name', 'p.barcodes'] },
    sku: { kind: 'eq', column: 'p.sku' },
    active: { kind: 'bool', column: 'p.active' },
    currency: { kind: 'eq', column: 'p.currency' },
    priceMinor: { kind: 'number', column: 'p.price_minor' },
    createdAt: { kind: 'date', column: 'p.created_at' },
  },
  defaultSort: ['createdAt', 'DESC'],
};

export const PRODUCT_READ_ONLY = ['id', 'createdAt', 'updatedAt'];

export interface ProductInput {
  sku?: string;
  name?: string;
  attributes?: Record<string, string>;
  barcodes?: string[];
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  priceMinor?: number;
  currency?: string;
  purchaseLimit?: number | null;
  active?: boolean;
}

type ProductRecord = Record<string, unknown> & { id: string; sku: string };

const COLUMNS: Record<keyof ProductInput, string> = {
  sku: 'sku',
  name: 'name',
  attributes: 'attributes',
  barcodes: 'barcodes',
  weightGrams: 'weight_grams',
  lengthMm: 'length_mm',
  widthMm: 'width_mm',
  heightMm: 'height_mm',
  priceMinor: 'price_minor',
  currency: 'currency',
  purchaseLimit: 'purchase_limit',
  active: 'active',
};

/** The catalogue: one product per SKU; every change audited in its own transaction. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxService,
  ) {}

  get(id: string): Promise<ProductRecord> {
    return requireResource<ProductRecord>(this.uow.manager, PRODUCTS, id, 'Product');
  }

  /** The product with this SKU (any case), for other contexts: id, canonical SKU, name, active. */
  async findBySku(sku: string): Promise<{ id: string; sku: string; name: string; active: boolean } | undefined> {
    const [row] = await this.uow.manager.query(`SELECT id, sku, name, active FROM product WHERE lower(sku) = lower($1)`, [sku]);
    return row;
  }

  /** Products by SKU in any case, with what allocation needs to know of them. */
  async findManyBySku(
    skus: string[],
  ): Promise<{ id: string; sku: string; name: string; active: boolean; weightGrams: number; purchaseLimit: number | null }[]> {
    return this.uow.manager.query(
      `SELECT id, sku, name, active, coalesce(weight_grams, 0) AS "weightGrams", purchase_limit AS "purchaseLimit"
       FROM product WHERE lower(sku) = ANY($1::text[])`,
      [skus.map((s) => s.toLowerCase())],
    );
  }

  private load(id: string): Promise<ProductRecord> {
    return requireResource<ProductRecord>(this.uow.manager, PRODUCTS, id, 'Product', { raw: true });
  }

  async create(input: ProductInput & { sku: string; name: string; priceMinor: number; currency: string }) {
    checkAttributes(input.attributes);
    assertAllowed('create', 'Product', input, Object.keys(input));
    return this.uow.run(async (m) => {
      const id = newId();
      const keys = Object.keys(input) as (keyof ProductInput)[];
      await unique(m, input, undefined, () =>
        m.query(
          `INSERT INTO product (id, ${keys.map((k) => COLUMNS[k]).join(', ')})
           VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')})`,
          [id, ...keys.map((k) => dbValue(k, input[k]))],
        ),
      );
      const after = await this.load(id);
      await this.audit.record({ action: 'product.create', entityType: 'Product', entityId: id, after });
      await this.announce(after);
      return this.get(id);
    });
  }

  async update(id: string, input: ProductInput) {
    checkAttributes(input.attributes);
    return this.uow.run(async (m) => {
      await m.query(`SELECT id FROM product WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.load(id);
      const changed = (Object.keys(input) as (keyof ProductInput)[]).filter(
        (k) => canonical(input[k] ?? null) !== canonical(before[k] ?? null),
      );
      assertAllowed('update', 'Product', before, changed);
      if (!changed.length) return this.get(id);
      await unique(m, input, id, () =>
        m.query(
          `UPDATE product SET ${changed.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')},
             updated_at = now(), version = version + 1 WHERE id = $1`,
          [id, ...changed.map((k) => dbValue(k, input[k]))],
        ),
      );
      const after = await this.load(id);
      assertAllowed('update', 'Product', after);
      await this.audit.record({ action: 'product.update', entityType: 'Product', entityId: id, before, after });
      if (changed.some((k) => k === 'sku' || k === 'name' || k === 'active')) await this.announce(after);
      return this.get(id);
    });
  }

  private announce(product: ProductRecord): Promise<void> {
    const { id, sku, name, active } = product as ProductRecord & { name: string; active: boolean };
    return this.outbox.append([new ProductChanged('product', id, { productId: id, sku, name, active })]);
  }

  async remove(id: string) {
    return this.uow.run(async (m) => {
      const before = await this.load(id);
      assertAllowed('delete', 'Product', before);
      await m.query(`DELETE FROM product WHERE id = $1`, [id]);
      await this.audit.record({ action: 'product.delete', entityType: 'Product', entityId: id, before });
      return before;
    });
  }

}

/** JSON with object keys sorted: PostgreSQL's jsonb keeps its own key order, which is no change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function dbValue(key: keyof ProductInput, value: unknown): unknown {
  return key === 'attributes' ? JSON.stringify(value ?? {}) : value;
}

function checkAttributes(attributes: unknown): void {
  if (attributes === undefined) return;
  const entries = Object.entries(attributes as object);
  const bad = entries.filter(([k, v]) => typeof v !== 'string' || k.length > 50 || v.length > 200);
  if (entries.length > 50 || bad.length) {
    throw new InvalidInputError('Attributes are name/value text pairs', [
      { field: 'attributes', message: 'must be at most 50 text values, names up to 50 and values up to 200 characters' },
    ]);
  }
}

/** Runs a write that may collide with another product's SKU or barcodes; names the collision. */
async function unique(m: EntityManager, input: ProductInput, selfId: string | undefined, write: () => Promise<unknown>) {
  if (input.barcodes?.length) {
    const taken: { barcode: string }[] = await m.query(
      `SELECT DISTINCT b AS barcode FROM product, unnest(barcodes) b WHERE b = ANY($1) AND ($2::uuid IS NULL OR id <> $2)`,
      [input.barcodes, selfId ?? null],
    );
    if (taken.length) throw new BarcodeTakenError(taken.map((t) => t.barcode));
  }
  await onUniqueViolation(write, () => new SkuTakenError(input.sku ?? ''));
}

import { Injectable, Logger } from '@nestjs/common';
import { DomainError, pgErrorCode, UnitOfWork } from '@oms/core';
import { SkuTakenError } from '../domain/catalog.errors.js';
import { ROW_ERROR, type RowError } from '../domain/import-row-error.js';
import type { ColumnLayout } from '../domain/product-sheet.columns.js';
import { type ParsedRow, priceToMinor } from '../domain/product-sheet.rows.js';
import { type InputProblem, ProductInputCheck } from './ports/product-input.check.js';
import { type ProductInput, ProductsService } from './products.service.js';

export type RowOutcome = { outcome: 'created' | 'updated' | 'unchanged' } | { outcome: 'failed'; errors: RowError[] };

type CreateInput = Parameters<ProductsService['create']>[0];

/** What a new product cannot do without, and the column that would give it. */
const REQUIRED_ON_CREATE: [keyof ProductInput, string][] = [
  ['name', 'name'],
  ['priceMinor', 'price'],
  ['currency', 'currency'],
];

/** The DTO rule that refused a value, as one of the import's codes (the admin panel translates those). */
function codeOf(problem: InputProblem): string {
  switch (problem.rule) {
    case 'min':
      return ROW_ERROR.tooSmall;
    case 'isInt':
      return ROW_ERROR.notAWholeNumber;
    case 'maxLength':
      return ROW_ERROR.tooLong;
    case 'minLength':
      return ROW_ERROR.required;
    case 'arrayMaxSize':
      return ROW_ERROR.tooManyBarcodes;
    case 'matches':
      if (problem.field === 'sku') return ROW_ERROR.invalidSku;
      if (problem.field.startsWith('barcodes')) return ROW_ERROR.invalidBarcode;
      if (problem.field === 'currency') return ROW_ERROR.invalidCurrency;
      return ROW_ERROR.invalid;
    default:
      return ROW_ERROR.invalid;
  }
}

/**
 * Imports one row: creates the product when no product has its SKU (in any case), otherwise
 * updates the columns the file has. The product rules are the API's own: the DTOs' checks,
 * then ProductsService (SKU and barcode uniqueness, permissions, one audit entry), each row
 * in its own transaction. A problem of the row is its outcome, never an exception.
 */
@Injectable()
export class ProductRowImporter {
  private readonly logger = new Logger(ProductRowImporter.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    private readonly check: ProductInputCheck,
  ) {}

  async import(row: ParsedRow, layout: ColumnLayout): Promise<RowOutcome> {
    if (row.errors.length) return { outcome: 'failed', errors: row.errors };
    try {
      return await this.upsert(row, layout);
    } catch (e) {
      if (!(e instanceof SkuTakenError)) return { outcome: 'failed', errors: this.errorsOf(e, row, layout) };
    }
    // Another import created this SKU between our look-up and our insert: now it is an update.
    try {
      return await this.upsert(row, layout);
    } catch (e) {
      return { outcome: 'failed', errors: this.errorsOf(e, row, layout) };
    }
  }

  private async upsert(row: ParsedRow, layout: ColumnLayout): Promise<RowOutcome> {
    const [existing]: { id: string; currency: string; updatedAt: Date }[] = await this.uow.manager.query(
      `SELECT id, currency, updated_at AS "updatedAt" FROM product WHERE lower(sku) = lower($1)`,
      [row.sku],
    );
    const { input, errors } = this.inputOf(row, layout, existing?.currency);
    if (errors.length) return { outcome: 'failed', errors };
    if (!existing) {
      await this.products.create(input as CreateInput);
      return { outcome: 'created' };
    }
    const after = await this.products.update(existing.id, input);
    const changed = new Date(after.updatedAt as Date).getTime() !== existing.updatedAt.getTime();
    return { outcome: changed ? 'updated' : 'unchanged' };
  }

  /** The row's values as API input, with the problems the product rules find in them. */
  private inputOf(row: ParsedRow, layout: ColumnLayout, currentCurrency?: string): { input: ProductInput; errors: RowError[] } {
    const purpose = currentCurrency === undefined ? 'create' : 'update';
    const input: ProductInput = { ...row.draft };
    // An existing product keeps its SKU as first written (the file may differ in case).
    if (purpose === 'update') delete input.sku;
    const errors: RowError[] = [];
    const at = (field: string, error: Omit<RowError, 'row' | 'column' | 'field'>) =>
      errors.push({ row: row.row, column: this.columnOf(layout, field), field, ...error });

    const currency = input.currency ?? currentCurrency;
    if (row.price !== undefined && currency) {
      const minor = priceToMinor(row.price, currency);
      if ('problem' in minor) at('price', minor.problem);
      else if (input.priceMinor !== undefined && input.priceMinor !== minor.value) {
        at('price', {
          code: ROW_ERROR.priceMismatch,
          message: `price ${row.price} is ${minor.value} in minor units, but priceMinor says ${input.priceMinor}`,
        });
      } else input.priceMinor = minor.value;
    }
    const failed = (field: string) => errors.some((e) => e.field === field || (field === 'priceMinor' && e.field === 'price'));
    if (purpose === 'create') {
      for (const [field, column] of REQUIRED_ON_CREATE) {
        if (input[field] === undefined && !failed(field)) {
          at(field, { code: ROW_ERROR.required, message: `A new product needs a ${column}: add a ${column} column` });
        }
      }
    }
    for (const problem of this.check.problems(input, purpose)) {
      const field = problem.field.split('.')[0];
      if (!failed(field)) at(field, { code: codeOf(problem), message: problem.message });
    }
    return { input, errors };
  }

  /** The header of the column that holds a field, or the field's own name when the file has none. */
  private columnOf(layout: ColumnLayout, field: string): string {
    const direct = layout.columns.find((c) => c.field === field);
    if (direct) return direct.header;
    if (field === 'priceMinor') return layout.columns.find((c) => c.field === 'price')?.header ?? field;
    if (field === 'attributes') return layout.columns.find((c) => c.attribute !== undefined)?.header ?? field;
    return field;
  }

  private errorsOf(e: unknown, row: ParsedRow, layout: ColumnLayout): RowError[] {
    const base = { row: row.row };
    if (e instanceof DomainError) {
      const fields = (e.details?.fields ?? []) as { field: string; message: string }[];
      if (!fields.length) return [{ ...base, column: '', code: e.code, message: e.message }];
      return fields.map((f) => ({
        ...base,
        column: this.columnOf(layout, f.field),
        field: f.field,
        code: e.code,
        message: e.code === 'validation.failed' ? f.message : e.message,
      }));
    }
    if (pgErrorCode(e)?.startsWith('22')) {
      return [{ ...base, column: '', code: ROW_ERROR.invalid, message: 'A value cannot be stored (out of range or containing invalid characters)' }];
    }
    this.logger.error({ err: e, row: row.row }, 'Import row failed unexpectedly');
    return [{ ...base, column: '', code: ROW_ERROR.failed, message: 'This row could not be saved because of an unexpected error' }];
  }
}

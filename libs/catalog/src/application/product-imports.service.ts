import { Injectable } from '@nestjs/common';
import { AuditTrail, newId, NotFoundError, RequestContext, requireResource, type ResourceDefinition, UnitOfWork } from '@oms/core';
import { describeRowErrors, type RowError } from '../domain/import-row-error.js';
import { normalizeHeader } from '../domain/product-sheet.columns.js';
import type { ProductSheet } from '../domain/product-sheet.rows.js';
import { importColumns, importFailures, insertImport } from '../infrastructure/product-import.store.js';
import type { SheetFormat } from '../infrastructure/spreadsheet-reader.js';
import { SHEET_CONTENT_TYPES, writeSheet } from '../infrastructure/spreadsheet-writer.js';
import { ProductImportRunner } from './product-import.runner.js';

export const PRODUCT_IMPORTS: ResourceDefinition = {
  resource: 'product-imports',
  from: 'product_import i',
  idColumn: 'i.id',
  fields: {
    id: 'i.id',
    fileName: 'i.file_name',
    format: 'i.format',
    status: 'i.status',
    totalRows: 'i.total_rows',
    processedRows: 'i.processed_rows',
    createdCount: 'i.created_count',
    updatedCount: 'i.updated_count',
    unchangedCount: 'i.unchanged_count',
    failedCount: 'i.failed_count',
    ignoredColumns: 'i.ignored_columns',
    error: 'i.error',
    createdBy: 'i.created_by',
    createdByEmail: 'i.created_by_email',
    createdAt: 'i.created_at',
    startedAt: 'i.started_at',
    finishedAt: 'i.finished_at',
  },
  sortable: ['createdAt', 'fileName', 'status'],
  filters: {
    status: { kind: 'eq', column: 'i.status', values: ['queued', 'running', 'done', 'failed'] },
    createdBy: { kind: 'eq', column: 'i.created_by', uuid: true },
    createdAt: { kind: 'date', column: 'i.created_at' },
  },
  defaultSort: ['createdAt', 'DESC'],
};

/** Row errors shown with a job; the failed-rows file has all of them. */
export const SHOWN_FAILED_ROWS = 500;

/** The column a failed-rows file adds; an import skips it, so the fixed file goes back in as it is. */
export const ERROR_COLUMN = 'error';

export type ProductImportView = Record<string, unknown> & {
  id: string;
  errors: RowError[];
  /** More rows failed than `errors` lists. */
  errorsTruncated: boolean;
};

/** Product imports: a job per uploaded file, its progress and report, and the file of its failed rows. */
@Injectable()
export class ProductImportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly runner: ProductImportRunner,
  ) {}

  /** Stores the job and queues its rows; the answer comes before any row is imported. */
  async start(sheet: ProductSheet): Promise<ProductImportView> {
    this.runner.assertCanAccept();
    const context = RequestContext.current();
    const id = newId();
    await this.uow.run(async (m) => {
      await insertImport(m, {
        id,
        fileName: sheet.fileName,
        format: sheet.format,
        columns: sheet.header,
        ignoredColumns: sheet.layout.ignored,
        totalRows: sheet.rows.length,
        createdBy: context?.user?.id ?? null,
        createdByEmail: context?.user?.email ?? null,
      });
      await this.audit.record({
        action: 'product_import.create',
        entityType: 'ProductImport',
        entityId: id,
        details: { fileName: sheet.fileName, format: sheet.format, rows: sheet.rows.length, ignoredColumns: sheet.layout.ignored },
      });
    });
    const job = await this.get(id);
    this.runner.enqueue(id, sheet, context);
    return job;
  }

  async get(id: string): Promise<ProductImportView> {
    const job = await requireResource<Record<string, unknown> & { id: string; failedCount: number }>(
      this.uow.manager,
      PRODUCT_IMPORTS,
      id,
      'Product import',
    );
    const failures = await importFailures(this.uow.manager, id, SHOWN_FAILED_ROWS);
    return {
      ...job,
      errors: failures.flatMap((f) => f.errors.map((e) => ({ row: f.row, ...e }))),
      errorsTruncated: job.failedCount > failures.length,
    };
  }

  /**
   * The failed rows as they were in the file, plus an `error` column saying which row, which
   * column and why: fix them in place and import the file again.
   */
  async failedRowsFile(id: string, format: SheetFormat): Promise<{ fileName: string; contentType: string; body: Buffer }> {
    const job = await importColumns(this.uow.manager, id);
    if (!job) throw new NotFoundError('Product import', id);
    // A failed-rows file that failed again: its old error column gives way to the new one.
    const keep = job.columns.map((header, i) => [header, i] as const).filter(([h]) => !['error', '错误'].includes(normalizeHeader(h)));
    const failures = await importFailures(this.uow.manager, id);
    const body = await writeSheet(
      format,
      [...keep.map(([header]) => header), ERROR_COLUMN],
      failures.map((f) => [...keep.map(([, i]) => f.cells[i] ?? ''), describeRowErrors(f.row, f.errors)]),
      'Failed rows',
    );
    const base = job.fileName.replace(/\.[^.]*$/, '') || 'products';
    return { fileName: `${base}-failed-rows.${format}`, contentType: SHEET_CONTENT_TYPES[format], body };
  }
}

/**
 * The `product_import` job table and its failed rows, in SQL. (An UPDATE ... RETURNING is
 * wrapped in a CTE: TypeORM answers a bare UPDATE with `[rows, count]`, not the rows.)
 */
import type { EntityManager } from 'typeorm';
import type { RowError } from '../domain/import-row-error.js';
import type { SheetFormat } from './spreadsheet-reader.js';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface NewImport {
  id: string;
  fileName: string;
  format: SheetFormat;
  columns: string[];
  ignoredColumns: string[];
  totalRows: number;
  createdBy: string | null;
  createdByEmail: string | null;
}

/** A failed row as stored: its original cells, to rebuild a file of the failed rows. */
export interface RowFailure {
  row: number;
  cells: string[];
  errors: Omit<RowError, 'row'>[];
}

export interface BatchResult {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failures: RowFailure[];
}

export async function insertImport(m: EntityManager, job: NewImport): Promise<void> {
  await m.query(
    `INSERT INTO product_import (id, file_name, format, columns, ignored_columns, total_rows, created_by, created_by_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [job.id, job.fileName, job.format, job.columns, job.ignoredColumns, job.totalRows, job.createdBy, job.createdByEmail],
  );
}

/** Queued -> running; false when the job is no longer queued (a sweep failed it meanwhile). */
export async function claimImport(m: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `WITH claimed AS (
       UPDATE product_import SET status = 'running', started_at = now(), heartbeat_at = now()
       WHERE id = $1 AND status = 'queued' RETURNING id
     ) SELECT id FROM claimed`,
    [id],
  );
  return rows.length === 1;
}

/** Adds one batch's counts and failed rows; the heartbeat says the job is alive. */
export async function recordBatch(m: EntityManager, id: string, batch: BatchResult): Promise<void> {
  if (batch.failures.length) {
    await m.query(
      `INSERT INTO product_import_failure (import_id, row_number, cells, errors)
       SELECT $1, f.row, f.cells, f.errors FROM jsonb_to_recordset($2::jsonb) AS f(row int, cells jsonb, errors jsonb)`,
      [id, JSON.stringify(batch.failures)],
    );
  }
  await m.query(
    `UPDATE product_import SET processed_rows = processed_rows + $2, created_count = created_count + $3,
       updated_count = updated_count + $4, unchanged_count = unchanged_count + $5, failed_count = failed_count + $6,
       heartbeat_at = now()
     WHERE id = $1`,
    [id, batch.processed, batch.created, batch.updated, batch.unchanged, batch.failures.length],
  );
}

export async function finishImport(m: EntityManager, id: string, status: 'done' | 'failed', error?: string): Promise<void> {
  await m.query(
    `UPDATE product_import SET status = $2, error = $3, finished_at = now(), heartbeat_at = now()
     WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, status, error ?? null],
  );
}

/** Keeps the jobs this process holds from looking abandoned. */
export async function touchImports(m: EntityManager, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await m.query(`UPDATE product_import SET heartbeat_at = now() WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'running')`, [ids]);
}

/** Fails unfinished jobs nobody has vouched for in `seconds`: their process is gone. */
export async function failAbandonedImports(m: EntityManager, seconds: number, error: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `WITH failed AS (
       UPDATE product_import SET status = 'failed', error = $2, finished_at = now()
       WHERE status IN ('queued', 'running') AND heartbeat_at < now() - make_interval(secs => $1)
       RETURNING id
     ) SELECT id FROM failed`,
    [seconds, error],
  );
  return rows.map((r) => r.id);
}

export async function importColumns(m: EntityManager, id: string): Promise<{ fileName: string; columns: string[] } | undefined> {
  const [row] = await m.query(`SELECT file_name AS "fileName", columns FROM product_import WHERE id = $1`, [id]);
  return row;
}

/** Failed rows in file order; `limit` caps how many. */
export async function importFailures(m: EntityManager, id: string, limit?: number): Promise<RowFailure[]> {
  return m.query(
    `SELECT row_number AS row, cells, errors FROM product_import_failure WHERE import_id = $1
     ORDER BY row_number ${limit === undefined ? '' : 'LIMIT $2'}`,
    limit === undefined ? [id] : [id, limit],
  );
}

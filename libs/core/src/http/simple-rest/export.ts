import { stringify } from 'csv-stringify/sync';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../errors/domain-error.js';
import { combinedScope, guardHiddenFields, selectList } from './list-page.js';
import { type ListQuery, orderClause, type ResourceDefinition, whereClause } from './list-query.js';

/** Exports larger than this must be narrowed by a filter (or run as a report job). */
export const EXPORT_LIMIT = 50_000;

export class ExportTooLargeError extends DomainError {
  constructor(total: number) {
    super('list.export_too_large', 'invalid', `The export would have ${total} rows; narrow the filter to at most ${EXPORT_LIMIT}`, {
      total,
      limit: EXPORT_LIMIT,
    });
  }
}

/**
 * Every row a list would show under the same filter, sort and scope (the range is ignored),
 * as CSV with a header row. The user's read scope and field rules apply as in lists; `extraPresent`
 * runs on each row after them.
 */
export async function exportResource(
  manager: EntityManager,
  def: ResourceDefinition,
  query: ListQuery,
  extraScope: { sql: string; params: unknown[] } | undefined,
  extraPresent: (row: Record<string, unknown>) => Record<string, unknown> = (r) => r,
): Promise<string> {
  def = guardHiddenFields(def, query);
  const { scope, present: readRules } = combinedScope(def, extraScope);
  const present = (row: Record<string, unknown>) => extraPresent(readRules(row));
  const params: unknown[] = [...scope.params];
  const where = [scope.sql, whereClause(def, query.filter, params)].join(' AND ');
  const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM ${def.from} WHERE ${where}`, params);
  if (total > EXPORT_LIMIT) throw new ExportTooLargeError(total);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${selectList(def)} FROM ${def.from} WHERE ${where}
     ORDER BY ${orderClause(def, query.sort)}`,
    params,
  );
  const shown = rows.map(present);
  const columns = Object.keys(def.fields).filter((f) => shown.some((r) => f in r));
  return stringify(
    shown.map((r) => columns.map((c) => cell(r[c]))),
    { header: true, columns, bom: true },
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  // A text cell starting like a formula would run as one in a spreadsheet (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return String(value);
}

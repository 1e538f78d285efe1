import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../errors/domain-error.js';
import { type ListQuery, type ResourceDefinition, whereClause } from './list-query.js';

/** What a list endpoint returns: the interceptor turns it into rows plus a Content-Range header. */
export class ListPage<T = Record<string, unknown>> {
  constructor(
    readonly resource: string,
    readonly start: number,
    readonly rows: T[],
    readonly total: number,
  ) {}

  get contentRange(): string {
    if (this.rows.length === 0) return `${this.resource} */${this.total}`;
    return `${this.resource} ${this.start}-${this.start + this.rows.length - 1}/${this.total}`;
  }
}

@Injectable()
export class ListPageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        if (!(body instanceof ListPage)) return body;
        context.switchToHttp().getResponse<Response>().setHeader('Content-Range', body.contentRange);
        return body.rows;
      }),
    );
  }
}

export function selectList(def: ResourceDefinition): string {
  return Object.entries(def.fields)
    .map(([field, sql]) => `${sql} AS "${field}"`)
    .join(', ');
}

/**
 * Runs a simple-rest list: one page of rows and the total under the same filter.
 * `scope` is an extra condition the caller always applies (row-level access).
 */
export async function listResource<T = Record<string, unknown>>(
  manager: EntityManager,
  def: ResourceDefinition,
  query: ListQuery,
  scope?: { sql: string; params: unknown[] },
): Promise<ListPage<T>> {
  const params: unknown[] = [...(scope?.params ?? [])];
  const where = [scope?.sql ?? 'TRUE', whereClause(def, query.filter, params)].join(' AND ');
  const sortExpr = def.fields[query.sort.field] ?? def.idColumn;
  const order = `${sortExpr} ${query.sort.order} NULLS LAST, ${def.idColumn} ${query.sort.order}`;
  const limit = query.range.end - query.range.start + 1;
  const [rows, [{ total }]] = await Promise.all([
    manager.query(
      `SELECT ${selectList(def)} FROM ${def.from} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${query.range.start}`,
      params,
    ),
    manager.query(`SELECT count(*)::int AS total FROM ${def.from} WHERE ${where}`, params),
  ]);
  return new ListPage<T>(def.resource, query.range.start, rows, total);
}

/** One record by id, or undefined. */
export async function findResource<T = Record<string, unknown>>(
  manager: EntityManager,
  def: ResourceDefinition,
  id: string,
): Promise<T | undefined> {
  const [row] = await manager.query(`SELECT ${selectList(def)} FROM ${def.from} WHERE ${def.idColumn} = $1`, [id]);
  return row;
}

/** One record by id, or a 404 naming `label` (e.g. "User"). */
export async function requireResource<T = Record<string, unknown>>(
  manager: EntityManager,
  def: ResourceDefinition,
  id: string,
  label: string,
): Promise<T> {
  const row = await findResource<T>(manager, def, id);
  if (!row) throw new NotFoundError(label, id);
  return row;
}

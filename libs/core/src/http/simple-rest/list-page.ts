import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { scopeFor } from '../../access-control/ability-sql.js';
import { applyReadRules, FieldForbiddenError } from '../../access-control/field-access.js';
import { RequestContext } from '../../auth/request-context.js';
import { NotFoundError } from '../../errors/domain-error.js';
import { type ListQuery, orderClause, type ResourceDefinition, whereClause } from './list-query.js';

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

type Scope = { sql: string; params: unknown[] };
type Row = Record<string, unknown>;

/**
 * What the signed-in user may see of a resource with a subject: the SQL condition of their
 * read rules (numbered after `before` parameters) and the field rules for each row. Without a
 * request (jobs) or a subject, everything.
 */
export function readAccess(def: ResourceDefinition, paramOffset = 0): { scope: Scope; present: (row: Row) => Row } {
  const ability = RequestContext.current()?.ability;
  if (!def.subject || !ability) return { scope: { sql: 'TRUE', params: [] }, present: (row) => row };
  const subject = def.subject;
  return {
    scope: scopeFor(ability, 'read', subject, def.fields, paramOffset, def.columnTypes),
    present: (row) => applyReadRules(ability, subject, row, def.masks),
  };
}

/** The caller's own condition and the user's read scope, with parameters numbered in order. */
export function combinedScope(def: ResourceDefinition, scope?: Scope): { scope: Scope; present: (row: Row) => Row } {
  const own = scope ?? { sql: 'TRUE', params: [] };
  const access = readAccess(def, own.params.length);
  return {
    scope: { sql: `(${own.sql}) AND (${access.scope.sql})`, params: [...own.params, ...access.scope.params] },
    present: access.present,
  };
}

/**
 * A list may not sort or filter by a field the user may not read (they could learn its value
 * by narrowing, one character at a time); text search quietly leaves such fields out.
 * Returns the definition to query with.
 */
export function guardHiddenFields(def: ResourceDefinition, query: ListQuery): ResourceDefinition {
  const ability = RequestContext.current()?.ability;
  if (!def.subject || !ability) return def;
  const subject = def.subject;
  // A field is hidden when no rule lets the user read it, or some refusal names it, even one
  // that applies to some rows only: a filter would still probe it on those rows.
  const hidden = Object.keys(def.fields).filter(
    (f) => !ability.can('read', subject, f) || ability.rulesFor('read', subject, f).some((r) => r.inverted && r.fields),
  );
  if (!hidden.length) return def;
  const hiddenSql = new Set(hidden.map((f) => def.fields[f]));
  const touched = new Set<string>();
  if (hidden.includes(query.sort.field)) touched.add(query.sort.field);
  const filters = { ...def.filters };
  for (const [key, filter] of Object.entries(def.filters)) {
    if (filter.kind === 'search') {
      const columns = filter.columns.filter((c) => !hiddenSql.has(c));
      filters[key] = { ...filter, columns: columns.length ? columns : ['NULL'] };
    } else if (key in query.filter || Object.keys(query.filter).some((k) => k.startsWith(`${key}_`))) {
      if (hidden.includes(key) || ('column' in filter && hiddenSql.has(filter.column)) || ('field' in filter && filter.field !== undefined && hidden.includes(filter.field))) {
        touched.add(key);
      }
    }
  }
  if (touched.size) throw new FieldForbiddenError('read', subject, [...touched]);
  return { ...def, filters };
}

/**
 * Runs a simple-rest list: one page of rows and the total under the same filter.
 * `scope` is an extra condition the caller always applies; the user's own read scope and
 * field rules are added when the resource names its subject.
 */
export async function listResource<T = Record<string, unknown>>(
  manager: EntityManager,
  def: ResourceDefinition,
  query: ListQuery,
  extraScope?: Scope,
): Promise<ListPage<T>> {
  def = guardHiddenFields(def, query);
  const { scope, present } = combinedScope(def, extraScope);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql, whereClause(def, query.filter, params)].join(' AND ');
  const order = orderClause(def, query.sort);
  const limit = query.range.end - query.range.start + 1;
  const [rows, [{ total }]] = await Promise.all([
    manager.query(
      `SELECT ${selectList(def)} FROM ${def.from} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${query.range.start}`,
      params,
    ),
    manager.query(`SELECT count(*)::int AS total FROM ${def.from} WHERE ${where}`, params),
  ]);
  return new ListPage<T>(def.resource, query.range.start, rows.map(present) as T[], total);
}

/**
 * One record by id, or undefined, also when it lies outside the user's read scope. `raw`
 * skips the field rules: for permission checks, business rules and audit snapshots, which must
 * see the whole record; never for a response.
 */
export async function findResource<T = Record<string, unknown>>(
  manager: EntityManager,
  def: ResourceDefinition,
  id: string,
  options: { raw?: boolean } = {},
): Promise<T | undefined> {
  const { scope, present } = combinedScope(def, { sql: `${def.idColumn} = $1`, params: [id] });
  const [row] = await manager.query(`SELECT ${selectList(def)} FROM ${def.from} WHERE ${scope.sql}`, scope.params);
  if (!row) return undefined;
  return (options.raw ? row : present(row)) as T;
}

/** One record by id, or a 404 naming `label` (e.g. "User"). */
export async function requireResource<T = Record<string, unknown>>(
  manager: EntityManager,
  def: ResourceDefinition,
  id: string,
  label: string,
  options: { raw?: boolean } = {},
): Promise<T> {
  const row = await findResource<T>(manager, def, id, options);
  if (!row) throw new NotFoundError(label, id);
  return row;
}

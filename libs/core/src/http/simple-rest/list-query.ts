import { BadRequestException } from '@nestjs/common';
import type { ColumnType } from '../../access-control/ability-sql.js';
import type { Masker } from '../../access-control/field-access.js';
import type { Subject } from '../../access-control/permissions.js';
import { isUuid } from '../../ids/ids.js';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 25;

export type FilterDef =
  | { kind: 'eq'; column: string; values?: readonly string[]; uuid?: boolean }
  | { kind: 'bool'; column: string }
  | { kind: 'number'; column: string }
  | { kind: 'date'; column: string }
  | { kind: 'search'; columns: string[] }
  /** `column` is a uuid[] (or, with `items: 'text'`, a text[]) expression; matches rows whose array holds the value. */
  | { kind: 'contains'; column: string; field?: string; items?: 'uuid' | 'text' }
  /** A condition on related rows, e.g. an EXISTS over order lines; `sql` gets the parameter's placeholder. */
  | { kind: 'match'; sql: (param: string) => string };

/**
 * How a resource is listed: which SQL expression backs each field, which fields sort and
 * filter. Anything not declared here is refused with a 400, never passed to SQL.
 */
export interface ResourceDefinition {
  /** API path segment, also the Content-Range unit. */
  resource: string;
  /** FROM clause, e.g. `dead_letter d`. */
  from: string;
  /** Field -> SQL expression. */
  fields: Record<string, string>;
  /** The primary key expression, always a uuid. */
  idColumn: string;
  sortable: readonly string[];
  filters: Record<string, FilterDef>;
  defaultSort: [string, 'ASC' | 'DESC'];
  /**
   * The permission subject of the rows. When set, lists, look-ups and exports apply the
   * signed-in user's row scope and field rules on their own (see access-control).
   */
  subject?: Subject;
  /**
   * Sortable fields that may be null: they sort with nulls last either way. Others keep
   * PostgreSQL's own null order, which is what a plain `DESC` index serves.
   */
  nullable?: readonly string[];
  /** Fields shown masked, rather than removed, when the user may not read them. */
  masks?: Record<string, Masker>;
  /**
   * The SQL type of the column behind each field named here. The row scope then compares it
   * natively (`warehouse_id = ANY($1::uuid[])`), so an index on it applies; undeclared fields
   * are compared as text or numeric, which a plain index cannot serve (see `scopeFor`).
   */
  columnTypes?: Record<string, ColumnType>;
}

export interface ListQuery {
  sort: { field: string; order: 'ASC' | 'DESC' };
  range: { start: number; end: number };
  filter: Record<string, unknown>;
}

type Problem = { field: string; message: string };

function parseJson(name: string, raw: unknown, problems: Problem[]): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') {
    problems.push({ field: name, message: `${name} must be given once, as JSON` });
    return undefined;
  }
  try {
    return JSON.parse(raw);
  } catch {
    problems.push({ field: name, message: `${name} is not valid JSON` });
    return undefined;
  }
}

/** Own keys only: a filter named `constructor` must not find Object.prototype's. */
const own = (o: object, key: string) => Object.hasOwn(o, key);

/** Suffixes for range filters: `createdAt_gte`, `attempts_lte`. */
const RANGE = /^(.+)_(gte|lte|gt|lt)$/;

/** Parses `sort`, `range` and `filter` the way ra-data-simple-rest sends them; 400 on anything undeclared. */
export function parseListQuery(query: Record<string, unknown>, def: ResourceDefinition): ListQuery {
  const problems: Problem[] = [];
  const unknownParams = Object.keys(query).filter((k) => !['sort', 'range', 'filter'].includes(k));
  for (const k of unknownParams) problems.push({ field: k, message: `unknown query parameter ${k}` });

  let sort: ListQuery['sort'] = { field: def.defaultSort[0], order: def.defaultSort[1] };
  const rawSort = parseJson('sort', query.sort, problems);
  if (rawSort !== undefined) {
    if (
      !Array.isArray(rawSort) ||
      rawSort.length !== 2 ||
      typeof rawSort[0] !== 'string' ||
      !['ASC', 'DESC'].includes(String(rawSort[1]).toUpperCase())
    ) {
      problems.push({ field: 'sort', message: 'sort must be ["field","ASC"|"DESC"]' });
    } else if (!def.sortable.includes(rawSort[0]) && rawSort[0] !== 'id') {
      problems.push({ field: 'sort', message: `cannot sort by ${rawSort[0]}; sortable: ${def.sortable.join(', ')}` });
    } else {
      sort = { field: rawSort[0], order: String(rawSort[1]).toUpperCase() as 'ASC' | 'DESC' };
    }
  }

  let range = { start: 0, end: DEFAULT_PAGE_SIZE - 1 };
  const rawRange = parseJson('range', query.range, problems);
  if (rawRange !== undefined) {
    const ok =
      Array.isArray(rawRange) &&
      rawRange.length === 2 &&
      rawRange.every((n) => Number.isSafeInteger(n) && n >= 0) &&
      rawRange[0] <= rawRange[1];
    if (!ok) {
      problems.push({ field: 'range', message: 'range must be [start, end] with 0 <= start <= end' });
    } else if (rawRange[1] - rawRange[0] + 1 > MAX_PAGE_SIZE) {
      problems.push({ field: 'range', message: `range may cover at most ${MAX_PAGE_SIZE} rows` });
    } else {
      range = { start: rawRange[0], end: rawRange[1] };
    }
  }

  const filter: Record<string, unknown> = {};
  const rawFilter = parseJson('filter', query.filter, problems);
  if (rawFilter !== undefined) {
    if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
      problems.push({ field: 'filter', message: 'filter must be a JSON object' });
    } else {
      for (const [key, value] of Object.entries(rawFilter)) {
        const problem = checkFilter(def, key, value);
        if (problem) problems.push({ field: `filter.${key}`, message: problem });
        else filter[key] = value;
      }
    }
  }

  if (problems.length) {
    throw new BadRequestException({
      code: 'list.invalid_query',
      message: `Invalid list query: ${problems.map((p) => p.message).join('; ')}`,
      details: { fields: problems },
    });
  }
  return { sort, range, filter };
}

function filterDefFor(def: ResourceDefinition, key: string): { def: FilterDef; op: string } | undefined {
  if (key === 'id') return { def: { kind: 'eq', column: def.idColumn, uuid: (def.columnTypes?.id ?? 'uuid') === 'uuid' }, op: 'eq' };
  if (own(def.filters, key)) return { def: def.filters[key], op: 'eq' };
  const m = RANGE.exec(key);
  if (!m || !own(def.filters, m[1])) return undefined;
  const base = def.filters[m[1]];
  if (base.kind === 'number' || base.kind === 'date') return { def: base, op: m[2] };
  return undefined;
}

function checkFilter(def: ResourceDefinition, key: string, value: unknown): string | undefined {
  const found = filterDefFor(def, key);
  if (!found) {
    const allowed = ['id', ...Object.keys(def.filters)].join(', ');
    return `cannot filter by ${key}; filterable: ${allowed}`;
  }
  const f = found.def;
  const values = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && (f.kind !== 'eq' || value.length > MAX_PAGE_SIZE)) {
    return f.kind === 'eq' ? `${key} lists more than ${MAX_PAGE_SIZE} values` : `${key} takes a single value`;
  }
  for (const v of values) {
    switch (f.kind) {
      case 'eq':
        if (typeof v !== 'string' && typeof v !== 'number') return `${key} must be a string or a list of strings`;
        if (f.uuid && !isUuid(v)) return `${key} must be a UUID`;
        if (f.values && !f.values.includes(String(v))) return `${key} must be one of ${f.values.join(', ')}`;
        break;
      case 'bool':
        if (typeof v !== 'boolean') return `${key} must be true or false`;
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) return `${key} must be a number`;
        break;
      case 'date': {
        const year = typeof v === 'string' ? new Date(v).getUTCFullYear() : NaN;
        if (typeof v !== 'string' || !(year >= 1 && year <= 9999)) return `${key} must be an ISO date between years 1 and 9999`;
        break;
      }
      case 'contains':
        if (f.items === 'text') {
          if (typeof v !== 'string' || !v || v.length > 200 || v.includes('\u0000')) return `${key} must be text of 1-200 characters`;
        } else if (!isUuid(v)) return `${key} must be a UUID`;
        break;
      case 'match':
        if (typeof v !== 'string' || !v || v.length > 200 || v.includes('\u0000')) return `${key} must be text of 1-200 characters`;
        break;
      case 'search':
        if (typeof v !== 'string') return `${key} must be text`;
        if (v.includes('\u0000')) return `${key} must not contain a NUL character`;
        if (v.length > 200) return `${key} is longer than 200 characters`;
        break;
    }
  }
  return undefined;
}

const OPS: Record<string, string> = { eq: '=', gte: '>=', lte: '<=', gt: '>', lt: '<' };

/** Turns a parsed filter into a WHERE clause with numbered parameters. */
export function whereClause(
  def: ResourceDefinition,
  filter: Record<string, unknown>,
  params: unknown[],
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    const { def: f, op } = filterDefFor(def, key)!;
    if (f.kind === 'search') {
      const text = String(value).trim();
      if (!text) continue;
      params.push(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      parts.push(`(${f.columns.map((c) => `${c}::text ILIKE $${params.length}`).join(' OR ')})`);
    } else if (f.kind === 'contains') {
      // Array containment, so a GIN index on the column serves it.
      params.push([String(value)]);
      parts.push(`${f.column} @> $${params.length}::${f.items === 'text' ? 'text' : 'uuid'}[]`);
    } else if (f.kind === 'match') {
      params.push(String(value));
      parts.push(`(${f.sql(`$${params.length}`)})`);
    } else if (Array.isArray(value)) {
      // Only `eq` filters take lists (checkFilter); uuid columns compare as uuid, the rest as text.
      const uuid = f.kind === 'eq' && f.uuid;
      params.push(value.map(String));
      parts.push(uuid ? `${f.column} = ANY($${params.length}::uuid[])` : `${f.column}::text = ANY($${params.length}::text[])`);
    } else {
      params.push(f.kind === 'date' ? new Date(String(value)) : value);
      parts.push(`${f.column} ${OPS[op]} $${params.length}`);
    }
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** The ORDER BY of a list: the sort field, then the id, so pages never overlap. */
export function orderClause(def: ResourceDefinition, sort: ListQuery['sort']): string {
  const expr = def.fields[sort.field] ?? def.idColumn;
  const nulls = def.nullable?.includes(sort.field) ? ' NULLS LAST' : '';
  return `${expr} ${sort.order}${nulls}, ${def.idColumn} ${sort.order}`;
}

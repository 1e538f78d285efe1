import { BUILT_IN_ROLES, type BuiltInRoleKey } from '@oms/access';
import { randomUUID } from 'node:crypto';
import { login, type TestApp } from './app.js';
import { sqlClient } from './database.js';

/** A password that meets the policy (long enough, letters mixed with digits and symbols, not common). */
export const PASSWORD = 'Correct-horse-42';

/** For supertest's `.auth(token, bearer)`. */
export const bearer = { type: 'bearer' } as const;

/** The fixed id of a built-in role. */
export function roleId(key: BuiltInRoleKey): string {
  const role = BUILT_IN_ROLES.find((r) => r.key === key);
  if (!role) throw new Error(`No built-in role ${key}`);
  return role.id;
}

/** A fresh access token of the first administrator (a new session each call). */
export async function adminToken(t: TestApp): Promise<string> {
  return (await login(t.http)).accessToken;
}

export interface CreateUserOptions {
  /** Built-in roles to give; with neither `roleKeys` nor `roleIds` the user is a Viewer. */
  roleKeys?: BuiltInRoleKey[];
  roleIds?: string[];
  warehouseIds?: string[];
  channelIds?: string[];
  email?: string;
  password?: string;
  name?: string;
  locale?: 'en' | 'zh-CN';
}

export interface CreatedUser {
  id: string;
  email: string;
  password: string;
  /** Access token of a session opened right after creation. */
  token: string;
  refreshToken: string;
}

let counter = 0;

/** A unique email whose local part appears in no test password. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${counter}-${randomUUID().slice(0, 8)}@test.local`;
}

/** Creates a user through `POST /api/users` as the first administrator, then signs them in. */
export async function createUser(t: TestApp, options: CreateUserOptions = {}): Promise<CreatedUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? PASSWORD;
  const roleIds =
    options.roleKeys === undefined && options.roleIds === undefined
      ? [roleId('viewer')]
      : [...(options.roleKeys ?? []).map(roleId), ...(options.roleIds ?? [])];
  const res = await t.http
    .post('/api/users')
    .auth(await adminToken(t), bearer)
    .send({
      email,
      name: options.name ?? `Test ${email.split('@')[0]}`,
      password,
      roleIds,
      ...(options.warehouseIds ? { warehouseIds: options.warehouseIds } : {}),
      ...(options.channelIds ? { channelIds: options.channelIds } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
  if (res.status !== 201) throw new Error(`Could not create ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const session = await login(t.http, email, password);
  return { id: res.body.id, email: res.body.email, password, token: session.accessToken, refreshToken: session.refreshToken };
}

/** Runs one SQL statement on the test database with a short-lived client. */
export async function query<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = await sqlClient(t.db.url);
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  actorEmail?: string;
  entityType?: string;
  entityId?: string;
  requestId?: string;
  outcome?: 'success' | 'denied' | 'failed';
}

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: 'success' | 'denied' | 'failed';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes: { field: string; before: unknown; after: unknown }[] | null;
  details: Record<string, unknown> | null;
}

const AUDIT_COLUMNS: Record<keyof AuditFilter, string> = {
  action: 'action',
  actorId: 'actor_id',
  actorEmail: 'actor_email',
  entityType: 'entity_type',
  entityId: 'entity_id',
  requestId: 'request_id',
  outcome: 'outcome',
};

/** Entries of the `audit_log` table matching every given field, oldest first, read by SQL. */
export async function auditEntries(t: TestApp, filter: AuditFilter = {}): Promise<AuditRow[]> {
  const params: unknown[] = [];
  const where = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const column = AUDIT_COLUMNS[key as keyof AuditFilter];
      if (!column) throw new Error(`auditEntries cannot filter by ${key}`);
      params.push(value);
      return `${column}::text = $${params.length}`;
    });
  return query<AuditRow>(
    t,
    `SELECT id, at, actor_id AS "actorId", actor_email AS "actorEmail", ip, user_agent AS "userAgent",
            request_id AS "requestId", action, entity_type AS "entityType", entity_id AS "entityId", outcome,
            before, after, changes, details
     FROM audit_log WHERE ${where.length ? where.join(' AND ') : 'TRUE'} ORDER BY at, id`,
    params,
  );
}

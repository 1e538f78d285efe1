import { Injectable } from '@nestjs/common';
import {
  AuditTrail,
  newId,
  onUniqueViolation,
  RequestContext,
  requireResource,
  type ResourceDefinition,
  UnitOfWork,
  assertCan,
  assertWritable,
  ActionForbiddenError,
  FieldForbiddenError,
} from '@oms/core';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import {
  CannotChangeSelfError,
  EmailTakenError,
  LastAdministratorError,
  UnknownRolesError,
} from '../domain/access.errors.js';
import { WeakPasswordError } from '../domain/auth.errors.js';
import { ADMINISTRATOR_ROLE_ID } from '../domain/built-in-roles.js';
import { passwordProblems } from '../domain/password-policy.js';
import { sameValue, withoutNulls } from '../domain/same-value.js';
import { accountKey } from '../infrastructure/login-throttle.js';
import { PasswordHasher } from '../infrastructure/password-hasher.js';

export const USERS: ResourceDefinition = {
  resource: 'users',
  subject: 'User',
  from: 'users u',
  idColumn: 'u.id',
  fields: {
    id: 'u.id',
    email: 'u.email',
    name: 'u.name',
    active: 'u.active',
    locale: 'u.locale',
    roleIds: `ARRAY(SELECT ur.role_id FROM user_role ur WHERE ur.user_id = u.id ORDER BY ur.role_id)`,
    warehouseIds: 'u.warehouse_ids',
    channelIds: 'u.channel_ids',
    lastSignInAt: 'u.last_sign_in_at',
    signInCount: 'u.sign_in_count',
    lockedUntil: `(SELECT t.locked_until FROM login_throttle t WHERE t.key = 'account:' || u.email AND t.locked_until > now())`,
    createdAt: 'u.created_at',
    updatedAt: 'u.updated_at',
  },
  sortable: ['email', 'name', 'createdAt', 'lastSignInAt', 'active'],
  nullable: ['lastSignInAt'],
  columnTypes: {
    id: 'uuid',
    active: 'boolean',
    createdAt: 'timestamptz',
    lastSignInAt: 'timestamptz',
    roleIds: 'list',
    warehouseIds: 'list',
    channelIds: 'list',
  },
  filters: {
    q: { kind: 'search', columns: ['u.email', 'u.name'] },
    active: { kind: 'bool', column: 'u.active' },
    locale: { kind: 'eq', column: 'u.locale', values: ['en', 'zh-CN'] },
    roleId: { kind: 'contains', column: 'ARRAY(SELECT ur.role_id FROM user_role ur WHERE ur.user_id = u.id)', field: 'roleIds' },
    warehouseId: { kind: 'contains', column: 'u.warehouse_ids', field: 'warehouseIds' },
    createdAt: { kind: 'date', column: 'u.created_at' },
  },
  defaultSort: ['createdAt', 'DESC'],
};

export const USER_READ_ONLY = ['id', 'lastSignInAt', 'signInCount', 'lockedUntil', 'createdAt', 'updatedAt'];

export interface UserInput {
  email?: string;
  name?: string;
  password?: string;
  roleIds?: string[];
  warehouseIds?: string[];
  channelIds?: string[];
  active?: boolean;
  locale?: 'en' | 'zh-CN';
}

type UserRecord = Record<string, unknown> & { id: string; email: string };

/** Administration of users: every change audited in its own transaction, passwords hashed and never returned. */
@Injectable()
export class UsersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  /** The record as the caller may see it: for responses. */
  get(id: string): Promise<UserRecord> {
    return requireResource<UserRecord>(this.uow.manager, USERS, id, 'User');
  }

  /** The whole record (within the caller's scope): for checks, rules and audit snapshots. */
  private load(id: string): Promise<UserRecord> {
    return requireResource<UserRecord>(this.uow.manager, USERS, id, 'User', { raw: true });
  }

  async create(given: UserInput & { email: string; name: string; password: string; roleIds: string[] }) {
    const input = withoutNulls(given);
    this.checkWritable('create', Object.keys(input), { ...input, password: undefined }, input.roleIds);
    const email = input.email.trim().toLowerCase();
    const hash = await this.hashChecked(input.password, email);
    return this.uow.run(async (m) => {
      await lockAdministrators(m);
      const id = newId();
      const inserted: unknown[] = await m.query(
        `INSERT INTO users (id, email, name, password_hash, active, locale, warehouse_ids, channel_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [id, email, input.name, hash, input.active ?? true, input.locale ?? 'zh-CN', input.warehouseIds ?? [], input.channelIds ?? []],
      );
      if (!inserted.length) throw new EmailTakenError(email);
      await setRoles(m, id, input.roleIds);
      await this.audit.record({ action: 'user.create', entityType: 'User', entityId: id, after: { ...(await this.load(id)), password: '' } });
      return this.get(id);
    });
  }

  async update(id: string, given: UserInput) {
    const input = withoutNulls(given);
    return this.uow.run(async (m) => {
      await lockAdministrators(m);
      const before = await this.load(id);
      const asSet = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v);
      const changed = Object.keys(input).filter(
        (k) => k === 'password' || !sameValue(asSet(input[k as keyof UserInput]), asSet(before[k])),
      );
      const roleChanges = changed.includes('roleIds') ? symmetricDifference(input.roleIds!, before.roleIds as string[]) : [];
      this.checkWritable('update', changed, before, roleChanges);
      if (!changed.length) return this.get(id);
      const me = RequestContext.current()?.user?.id;
      if (input.active === false && before.active && id === me) throw new CannotChangeSelfError('disable');
      const email = input.email?.trim().toLowerCase();
      const hash = input.password !== undefined ? await this.hashChecked(input.password, email ?? before.email) : null;
      const endSessions = hash !== null || (input.active === false && before.active === true);
      await onUniqueViolation(
        () =>
          m.query(
            `UPDATE users SET email = coalesce($2, email), name = coalesce($3, name), active = coalesce($4, active),
               locale = coalesce($5, locale), warehouse_ids = coalesce($6, warehouse_ids), channel_ids = coalesce($7, channel_ids),
               password_hash = coalesce($8, password_hash),
               token_version = token_version + CASE WHEN $9 THEN 1 ELSE 0 END, updated_at = now(), version = version + 1
             WHERE id = $1`,
            [id, email ?? null, input.name ?? null, input.active ?? null, input.locale ?? null,
              input.warehouseIds ?? null, input.channelIds ?? null, hash, endSessions],
          ),
        () => new EmailTakenError(email!),
      );
      if (input.roleIds) await setRoles(m, id, input.roleIds);
      if (endSessions) await endAllSessions(m, id, hash ? 'password_reset' : 'user_disabled');
      if (hash) await m.query(`DELETE FROM login_throttle WHERE key = $1`, [accountKey(before.email).key]);
      await ensureAnAdministrator(m);
      const after = await this.load(id);
      // The result must still be a record the caller may have written (rule conditions).
      this.checkWritable('update', [], after);
      await this.audit.record({
        action: hash && changed.length === 1 ? 'user.reset_password' : 'user.update',
        entityType: 'User',
        entityId: id,
        before: { ...before, ...(hash ? { password: 'old' } : {}) },
        after: { ...after, ...(hash ? { password: 'new' } : {}) },
      });
      return this.get(id);
    });
  }

  resetPassword(id: string, password: string) {
    return this.update(id, { password });
  }

  async remove(id: string) {
    if (id === RequestContext.current()?.user?.id) throw new CannotChangeSelfError('delete');
    return this.uow.run(async (m) => {
      await lockAdministrators(m);
      const before = await this.load(id);
      this.checkWritable('delete', [], before);
      await m.query(`DELETE FROM users WHERE id = $1`, [id]);
      await ensureAnAdministrator(m);
      await this.audit.record({ action: 'user.delete', entityType: 'User', entityId: id, before });
      return before;
    });
  }

  async unlock(id: string) {
    return this.uow.run(async (m) => {
      const before = await this.load(id);
      this.checkWritable('update', [], before);
      await m.query(`DELETE FROM login_throttle WHERE key = $1`, [accountKey(before.email).key]);
      await this.audit.record({ action: 'user.unlock', entityType: 'User', entityId: id, before, after: await this.load(id) });
      return this.get(id);
    });
  }

  /**
   * What the caller may do to this user: the rule's conditions against the record, the fields
   * written, and two limits on power. Only someone who may do everything touches an
   * Administrator or hands out (or takes away) the Administrator role; any other role given
   * or taken must be one the caller may administer.
   */
  private checkWritable(
    action: 'create' | 'update' | 'delete',
    fields: string[],
    record: Record<string, unknown>,
    roleChanges: string[] = [],
  ) {
    const ability = RequestContext.current()?.ability;
    if (!ability) return;
    assertCan(ability, action, 'User', record);
    assertWritable(ability, action, 'User', fields, record);
    const almighty = ability.can('manage', 'all');
    const targetRoles = (record.roleIds as string[] | undefined) ?? [];
    if (action !== 'create' && targetRoles.includes(ADMINISTRATOR_ROLE_ID) && !almighty) {
      throw new ActionForbiddenError(action, 'User', record.id);
    }
    const refused = roleChanges.filter((roleId) =>
      roleId === ADMINISTRATOR_ROLE_ID ? !almighty : !ability.can('update', subject('Role', { id: roleId })),
    );
    if (refused.length) throw new FieldForbiddenError(action, 'User', ['roleIds']);
  }

  private async hashChecked(password: string, email: string): Promise<string> {
    const problems = passwordProblems(password, email);
    if (problems.length) throw new WeakPasswordError('password', problems);
    return this.hasher.hash(password);
  }
}


/** Serialises changes that could leave nobody in charge (two admins demoting each other at once). */
async function lockAdministrators(m: EntityManager): Promise<void> {
  await m.query(`SELECT 1 FROM role WHERE id = $1 FOR UPDATE`, [ADMINISTRATOR_ROLE_ID]);
}

async function ensureAnAdministrator(m: EntityManager): Promise<void> {
  const [{ n }] = await m.query(
    `SELECT count(*)::int AS n FROM user_role ur JOIN users u ON u.id = ur.user_id WHERE ur.role_id = $1 AND u.active`,
    [ADMINISTRATOR_ROLE_ID],
  );
  if (n === 0) throw new LastAdministratorError();
}

async function setRoles(m: EntityManager, userId: string, roleIds: string[]): Promise<void> {
  const unique = [...new Set(roleIds.map((r) => r.toLowerCase()))];
  const found: { id: string }[] = await m.query(`SELECT id FROM role WHERE id = ANY($1::uuid[])`, [unique]);
  const missing = unique.filter((r) => !found.some((f) => f.id === r));
  if (missing.length) throw new UnknownRolesError(missing);
  await m.query(`DELETE FROM user_role WHERE user_id = $1 AND NOT (role_id = ANY($2::uuid[]))`, [userId, unique]);
  await m.query(
    `INSERT INTO user_role (user_id, role_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [userId, unique],
  );
}

async function endAllSessions(m: EntityManager, userId: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId, reason],
  );
}

function symmetricDifference(a: string[], b: string[]): string[] {
  const x = a.map((i) => i.toLowerCase());
  return [...x.filter((i) => !b.includes(i)), ...b.filter((i) => !x.includes(i))];
}


import { Injectable } from '@nestjs/common';
import {
  assertCan,
  assertWritable,
  AuditTrail,
  FieldForbiddenError,
  InvalidInputError,
  newId,
  onUniqueViolation,
  type PermissionRule,
  RequestContext,
  requireResource,
  type ResourceDefinition,
  UnitOfWork,
  validatePermissionRules,
} from '@oms/core';
import {
  AdministratorLockedError,
  BuiltInRoleError,
  InvalidPermissionsError,
  RoleInUseError,
  RoleNameTakenError,
} from '../domain/access.errors.js';
import { ADMINISTRATOR_ROLE_ID } from '../domain/built-in-roles.js';
import { sameValue, withoutNulls } from '../domain/same-value.js';

export const ROLES: ResourceDefinition = {
  resource: 'roles',
  subject: 'Role',
  from: 'role r',
  idColumn: 'r.id',
  fields: {
    id: 'r.id',
    name: 'r.name',
    description: 'r.description',
    builtIn: 'r.built_in_key IS NOT NULL',
    builtInKey: 'r.built_in_key',
    permissions: 'r.permissions',
    userCount: '(SELECT count(*)::int FROM user_role ur WHERE ur.role_id = r.id)',
    createdAt: 'r.created_at',
    updatedAt: 'r.updated_at',
  },
  sortable: ['name', 'createdAt', 'updatedAt', 'userCount', 'builtIn'],
  columnTypes: { id: 'uuid', builtIn: 'boolean', userCount: 'integer' },
  filters: {
    q: { kind: 'search', columns: ['r.name', 'r.description'] },
    builtIn: { kind: 'bool', column: '(r.built_in_key IS NOT NULL)' },
  },
  defaultSort: ['name', 'ASC'],
};

export const ROLE_READ_ONLY = ['id', 'builtIn', 'builtInKey', 'userCount', 'createdAt', 'updatedAt'];

type RoleRecord = Record<string, unknown> & { id: string; name: string; builtIn: boolean; userCount: number };

export interface RoleInput {
  name?: string;
  description?: string;
  permissions?: PermissionRule[];
}

/** Roles and their permission rules; built-in roles can be edited, not deleted. */
@Injectable()
export class RolesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  get(id: string): Promise<RoleRecord> {
    return requireResource<RoleRecord>(this.uow.manager, ROLES, id, 'Role');
  }

  private load(id: string): Promise<RoleRecord> {
    return requireResource<RoleRecord>(this.uow.manager, ROLES, id, 'Role', { raw: true });
  }

  async create(given: RoleInput & { name: string; permissions: PermissionRule[] }) {
    const input = withoutNulls(given);
    checkName(input.name);
    checkRules(input.permissions);
    writeCheck('create', Object.keys(input), input, true);
    return this.uow.run(async (m) => {
      const id = newId();
      await onUniqueViolation(
        () =>
          m.query(`INSERT INTO role (id, name, description, permissions) VALUES ($1, $2, $3, $4)`, [
            id, input.name.trim(), input.description ?? '', JSON.stringify(input.permissions),
          ]),
        () => new RoleNameTakenError(input.name),
      );
      await this.audit.record({ action: 'role.create', entityType: 'Role', entityId: id, after: await this.load(id) });
      return this.get(id);
    });
  }

  async update(id: string, given: RoleInput) {
    const input = withoutNulls(given);
    if (input.name !== undefined) checkName(input.name);
    if (input.permissions) checkRules(input.permissions);
    return this.uow.run(async (m) => {
      await m.query(`SELECT id FROM role WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.load(id);
      const permissionsChanged = input.permissions !== undefined && !sameValue(input.permissions, before.permissions);
      if (permissionsChanged && id === ADMINISTRATOR_ROLE_ID) throw new AdministratorLockedError();
      const renamed = input.name !== undefined && input.name.trim() !== before.name;
      const redescribed = input.description !== undefined && input.description !== before.description;
      const changed = [...(renamed ? ['name'] : []), ...(redescribed ? ['description'] : []), ...(permissionsChanged ? ['permissions'] : [])];
      writeCheck('update', changed, before, permissionsChanged);
      // react-admin sends the whole record on every save: an unchanged one is not a change.
      if (!changed.length) return this.get(id);
      await onUniqueViolation(
        () =>
          m.query(
            `UPDATE role SET name = coalesce($2, name), description = coalesce($3, description),
               permissions = coalesce($4::jsonb, permissions), updated_at = now(), version = version + 1
             WHERE id = $1`,
            [id, input.name?.trim() ?? null, input.description ?? null, permissionsChanged ? JSON.stringify(input.permissions) : null],
          ),
        () => new RoleNameTakenError(input.name ?? String(before.name)),
      );
      await this.audit.record({ action: 'role.update', entityType: 'Role', entityId: id, before, after: await this.load(id) });
      return this.get(id);
    });
  }

  async remove(id: string) {
    return this.uow.run(async (m) => {
      await m.query(`SELECT id FROM role WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.load(id);
      writeCheck('delete', [], before, false);
      if (before.builtIn) throw new BuiltInRoleError(before.name);
      if (before.userCount > 0) throw new RoleInUseError(before.name, before.userCount);
      await m.query(`DELETE FROM role WHERE id = $1`, [id]);
      await this.audit.record({ action: 'role.delete', entityType: 'Role', entityId: id, before });
      return before;
    });
  }
}


/**
 * The rule's conditions against the role and the fields written; and writing permissions is
 * reserved to whoever may do everything, since a role's rules are power to hand out: anyone else
 * could write themselves `manage all`.
 */
function writeCheck(action: 'create' | 'update' | 'delete', fields: string[], role: object, grants: boolean): void {
  const ability = RequestContext.current()?.ability;
  if (!ability) return;
  const record = role as Record<string, unknown>;
  assertCan(ability, action, 'Role', record);
  assertWritable(ability, action, 'Role', fields, record);
  if (grants && !ability.can('manage', 'all')) throw new FieldForbiddenError(action, 'Role', ['permissions']);
}

function checkName(name: string): void {
  if (!name.trim()) throw new InvalidInputError('A role needs a name', [{ field: 'name', message: 'must not be blank' }]);
}


function checkRules(rules: unknown): void {
  const problems = validatePermissionRules(rules);
  if (problems.length) throw new InvalidPermissionsError(problems);
}


import { DomainError } from '@oms/core';

export class EmailTakenError extends DomainError {
  constructor(email: string) {
    super('users.email_taken', 'conflict', `Another user already signs in as ${email}`, {
      fields: [{ field: 'email', message: 'is already taken' }],
    });
  }
}

export class UnknownRolesError extends DomainError {
  constructor(ids: string[]) {
    super('users.unknown_role', 'invalid', `No role has the id ${ids.join(', ')}`, {
      fields: [{ field: 'roleIds', message: `unknown role ${ids.join(', ')}` }],
    });
  }
}

export class CannotChangeSelfError extends DomainError {
  constructor(what: 'disable' | 'delete') {
    super(`users.cannot_${what}_self`, 'conflict', `You cannot ${what} your own account`);
  }
}

export class LastAdministratorError extends DomainError {
  constructor() {
    super('users.last_administrator', 'conflict', 'At least one active user must keep the Administrator role');
  }
}

export class RoleNameTakenError extends DomainError {
  constructor(name: string) {
    super('roles.name_taken', 'conflict', `A role named ${name} already exists`, {
      fields: [{ field: 'name', message: 'is already taken' }],
    });
  }
}

export class BuiltInRoleError extends DomainError {
  constructor(name: string) {
    super('roles.built_in', 'conflict', `${name} is a built-in role: it can be edited but not deleted`);
  }
}

export class RoleInUseError extends DomainError {
  constructor(name: string, users: number) {
    super('roles.in_use', 'conflict', `${name} is still given to ${users} user(s); take it away from them first`, {
      users,
    });
  }
}

export class AdministratorLockedError extends DomainError {
  constructor() {
    super('roles.administrator_locked', 'conflict', "The Administrator role's permissions cannot be changed");
  }
}

export class InvalidPermissionsError extends DomainError {
  constructor(fields: { field: string; message: string }[]) {
    super('roles.invalid_permissions', 'invalid', `The permissions are not valid: ${fields[0]?.message ?? ''}`, {
      fields,
    });
  }
}

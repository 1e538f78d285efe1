import { UsersAndSessions1764000000100 } from './1764000000100-users-and-sessions.js';
import { RolesAndScopes1764000000300 } from './1764000000300-roles-and-scopes.js';

export const accessMigrations = [UsersAndSessions1764000000100, RolesAndScopes1764000000300];

import { UsersAndSessions1764000000100 } from './1764000000100-users-and-sessions.js';

export const accessMigrations = [UsersAndSessions1764000000100];

/** Users, sessions and sign-in. */
export { AccessModule } from './access.module.js';
export { accessMigrations } from './infrastructure/migrations/index.js';
/** Creates the first administrator and demo users. */
export { UserSeeder, type SeededUser } from './application/user-seeder.js';
/** Published when a user signs in. */
export { UserSignedIn, type UserSignedInPayload } from './domain/user-signed-in.event.js';
/** Shapes returned by the sign-in endpoints. */
export type { PublicUser, TokenPair } from './application/auth.service.js';
/** Lifetime of access tokens, in seconds. */
export { ACCESS_TOKEN_TTL_SECONDS } from './infrastructure/tokens.js';
/** The roles every installation starts with. */
export { BUILT_IN_ROLES, type BuiltInRoleKey } from './domain/built-in-roles.js';

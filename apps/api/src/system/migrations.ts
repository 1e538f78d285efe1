import { accessMigrations } from '@oms/access';
import { coreMigrations } from '@oms/core';

/** Every context's migrations, applied in timestamp order. */
export const ALL_MIGRATIONS = [...coreMigrations, ...accessMigrations];

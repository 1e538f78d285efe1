import { accessMigrations } from '@oms/access';
import { catalogMigrations } from '@oms/catalog';
import { inventoryMigrations } from '@oms/inventory';
import { ordersMigrations } from '@oms/orders';
import { coreMigrations } from '@oms/core';

/** Every context's migrations, applied in timestamp order. */
export const ALL_MIGRATIONS = [...coreMigrations, ...accessMigrations, ...catalogMigrations, ...inventoryMigrations, ...ordersMigrations];

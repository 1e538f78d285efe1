import { Warehouses1764000000500 } from './1764000000500-warehouses.js';

export const inventoryMigrations = [Warehouses1764000000500];

import { Warehouses1764000000500 } from './1764000000500-warehouses.js';
import { Stock1764000000600 } from './1764000000600-stock.js';

export const inventoryMigrations = [Warehouses1764000000500, Stock1764000000600];

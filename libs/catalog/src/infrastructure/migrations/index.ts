import { Products1764000000400 } from './1764000000400-products.js';

export const catalogMigrations = [Products1764000000400];

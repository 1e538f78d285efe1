import { Products1764000000400 } from './1764000000400-products.js';
import { ProductImports1764000000450 } from './1764000000450-product-imports.js';

export const catalogMigrations = [Products1764000000400, ProductImports1764000000450];

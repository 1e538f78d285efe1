/** The catalogue: products and SKUs. */
export { CatalogModule } from './catalog.module.js';
export { catalogMigrations } from './infrastructure/migrations/index.js';
/** Creates and edits products (used by imports and demo data). */
export { ProductsService, type ProductInput } from './application/products.service.js';
/** Raised when a product is created or its SKU, name or active flag changes. */
export { ProductChanged, type ProductChangedPayload } from './domain/product-changed.event.js';

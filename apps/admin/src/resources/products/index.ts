import ProductIcon from '@mui/icons-material/Category';
import { lazy } from 'react';
import type { Product } from './types';

/** The catalogue: one product per SKU, with its specification, barcodes, size and price. */
export default {
  list: lazy(() => import('./ProductList')),
  show: lazy(() => import('./ProductShow')),
  create: lazy(() => import('./ProductCreate')),
  edit: lazy(() => import('./ProductEdit')),
  icon: ProductIcon,
  recordRepresentation: (record: Product) => `${record.sku} · ${record.name}`,
};

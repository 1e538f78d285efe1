import WarehouseIcon from '@mui/icons-material/Warehouse';
import { lazy } from 'react';
import type { Warehouse } from './types';

/** Physical, third-party and virtual warehouses: address, regions served, priority, cost table, cut-off. */
export default {
  list: lazy(() => import('./WarehouseList')),
  show: lazy(() => import('./WarehouseShow')),
  create: lazy(() => import('./WarehouseCreate')),
  edit: lazy(() => import('./WarehouseEdit')),
  icon: WarehouseIcon,
  recordRepresentation: (record: Warehouse) => `${record.code} · ${record.name}`,
};

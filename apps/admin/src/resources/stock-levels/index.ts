import StockIcon from '@mui/icons-material/Inventory';
import { lazy } from 'react';
import type { StockLevel } from './types';

/** Live stock per SKU and warehouse: on hand, reserved, available, with receipts, adjustments and transfers. */
export default {
  list: lazy(() => import('./StockLevelPage')),
  icon: StockIcon,
  recordRepresentation: (record: StockLevel) => record.sku,
};

import LedgerIcon from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';
import type { StockMovement } from './types';

/** The append-only stock ledger: every receipt, adjustment, reservation, shipment and transfer. */
export default {
  list: lazy(() => import('./StockMovementList')),
  icon: LedgerIcon,
  recordRepresentation: (record: StockMovement) => `${record.sku} ${record.type}`,
};

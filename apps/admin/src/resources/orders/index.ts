import ReceiptIcon from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';
import type { Order } from './types';

/** Orders: the list by status, the order page with its actions and timeline, and manual entry. */
export default {
  list: lazy(() => import('./OrderList')),
  show: lazy(() => import('./OrderShow')),
  create: lazy(() => import('./OrderCreate')),
  icon: ReceiptIcon,
  recordRepresentation: (record: Order) => record.number,
};

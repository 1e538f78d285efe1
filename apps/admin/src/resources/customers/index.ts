import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { Customer } from './types';

/** Customers, built from their orders: the list with their figures, and each one's page with their orders. */
export default {
  list: lazy(() => import('./CustomerList')),
  show: lazy(() => import('./CustomerShow')),
  icon: PeopleIcon,
  recordRepresentation: (record: Customer) => record.name,
};

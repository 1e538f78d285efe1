import HourglassIcon from '@mui/icons-material/HourglassBottom';
import { lazy } from 'react';

/** Order lines waiting for stock; they fill by themselves when stock arrives, oldest paid first. */
export default {
  list: lazy(() => import('./BackorderList')),
  icon: HourglassIcon,
};

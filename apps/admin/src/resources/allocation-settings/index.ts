import AltRouteIcon from '@mui/icons-material/AltRoute';
import { lazy } from 'react';

/** How orders are allocated: ranking strategies, shortage policy and warehouses, by default and per channel. */
export default {
  list: lazy(() => import('./AllocationSettingList')),
  edit: lazy(() => import('./AllocationSettingEdit')),
  create: lazy(() => import('./AllocationSettingCreate')),
  icon: AltRouteIcon,
};

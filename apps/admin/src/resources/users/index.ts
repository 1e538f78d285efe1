import UserIcon from '@mui/icons-material/ManageAccounts';
import { lazy } from 'react';
import type { User } from './types';

/** Back-office accounts: their roles, their warehouse and channel scope, sign-in lockouts. */
export default {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  create: lazy(() => import('./UserCreate')),
  edit: lazy(() => import('./UserEdit')),
  icon: UserIcon,
  recordRepresentation: (record: User) => record.name || record.email,
};

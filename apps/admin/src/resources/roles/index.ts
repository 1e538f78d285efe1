import RoleIcon from '@mui/icons-material/Security';
import { lazy } from 'react';
import type { Role } from './types';

/** Roles and their permissions (CASL rules), edited as a matrix of subjects by actions. */
export default {
  list: lazy(() => import('./RoleList')),
  show: lazy(() => import('./RoleShow')),
  create: lazy(() => import('./RoleCreate')),
  edit: lazy(() => import('./RoleEdit')),
  icon: RoleIcon,
  recordRepresentation: (record: Role) => record.name,
};

import type { EditableRule } from './permissions';

/** A role (`GET /api/roles`), its permissions split one action on one subject per rule. */
export interface Role {
  id: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  /** Which built-in role this is (`administrator`, `viewer` ...); null for roles made here. */
  builtInKey?: string | null;
  permissions: EditableRule[];
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/permission-catalog`: what a rule may name. */
export interface PermissionCatalog {
  actions: string[];
  subjects: Array<{ name: string; fields: string[] }>;
  placeholders: string[];
}

/**
 * The Administrator role (fixed id in every installation): its permissions are locked by the
 * server, so the editor shows them read-only.
 */
export const ADMINISTRATOR_ROLE_ID = '019ab000-0000-7000-8000-000000000001';

export const isAdministrator = (role: Pick<Role, 'id' | 'builtInKey'> | undefined): boolean =>
  role?.id === ADMINISTRATOR_ROLE_ID || role?.builtInKey === 'administrator';

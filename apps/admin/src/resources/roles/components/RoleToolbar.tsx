import { DeleteButton, SaveButton, Toolbar, useRecordContext } from 'react-admin';
import type { Role } from '../types';

/** Save, and Delete for roles that are not built in (the server refuses those anyway). */
export const RoleToolbar = () => {
  const record = useRecordContext<Role>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record && !record.builtIn && <DeleteButton mutationMode="pessimistic" data-testid="role-delete-button" />}
    </Toolbar>
  );
};

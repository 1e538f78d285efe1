import { Edit, ShowButton, SimpleForm, TopToolbar, type RaRecord } from 'react-admin';
import { RoleFormFields } from './components/RoleFormFields';
import { RoleToolbar } from './components/RoleToolbar';
import { isAdministrator, type Role } from './types';

// The Administrator's permissions are locked: saving its name or description leaves them out.
const transform = (data: RaRecord) => {
  if (!isAdministrator(data as Role)) return data;
  const { permissions: _locked, ...rest } = data;
  return rest;
};

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// Pessimistic: the server's verdict on the rules shows under them in the editor.
export const RoleEdit = () => (
  <Edit actions={<Actions />} mutationMode="pessimistic" redirect="show" transform={transform}>
    <SimpleForm toolbar={<RoleToolbar />}>
      <RoleFormFields />
    </SimpleForm>
  </Edit>
);

export default RoleEdit;

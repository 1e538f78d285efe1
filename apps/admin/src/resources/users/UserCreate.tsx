import { Create, SimpleForm } from 'react-admin';
import { UserFormFields } from './components/UserFormFields';

const defaults = { active: true, roleIds: [], warehouseIds: [], channelIds: [] };

export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaults}>
      <UserFormFields withPassword />
    </SimpleForm>
  </Create>
);

export default UserCreate;

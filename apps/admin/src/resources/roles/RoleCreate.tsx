import { Create, SimpleForm } from 'react-admin';
import { RoleFormFields } from './components/RoleFormFields';

const defaults = { name: '', description: '', permissions: [] };

export const RoleCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaults}>
      <RoleFormFields />
    </SimpleForm>
  </Create>
);

export default RoleCreate;

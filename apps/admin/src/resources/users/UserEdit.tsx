import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { ResetPasswordButton } from './components/ResetPasswordButton';
import { UnlockButton } from './components/UnlockButton';
import { UserFormFields } from './components/UserFormFields';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
    <UnlockButton />
    <ResetPasswordButton />
  </TopToolbar>
);

// Pessimistic: the server's verdict (email taken, last administrator ...) shows on the form.
export const UserEdit = () => (
  <Edit actions={<Actions />} mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <UserFormFields />
    </SimpleForm>
  </Edit>
);

export default UserEdit;

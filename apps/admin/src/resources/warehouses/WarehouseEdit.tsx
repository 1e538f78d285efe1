import { Edit, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { toWarehouseInput, WarehouseFormFields } from './components/WarehouseFormFields';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// Warehouses are never deleted (stock and orders point at them): deactivate instead.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

// Pessimistic: the server's verdict (code taken, pool not valid) shows on the form.
export const WarehouseEdit = () => (
  <Edit actions={<Actions />} mutationMode="pessimistic" redirect="show" transform={toWarehouseInput}>
    <SimpleForm toolbar={<EditToolbar />}>
      <WarehouseFormFields />
    </SimpleForm>
  </Edit>
);

export default WarehouseEdit;

import { Create, SimpleForm } from 'react-admin';
import { toWarehouseInput, WarehouseFormFields } from './components/WarehouseFormFields';

const defaults = {
  type: 'physical',
  active: true,
  priority: 100,
  address: { country: 'CN' },
  regions: [],
  costTable: [],
  memberIds: [],
  cutoffTime: null,
};

export const WarehouseCreate = () => (
  <Create redirect="show" transform={toWarehouseInput}>
    <SimpleForm defaultValues={defaults}>
      <WarehouseFormFields />
    </SimpleForm>
  </Create>
);

export default WarehouseCreate;

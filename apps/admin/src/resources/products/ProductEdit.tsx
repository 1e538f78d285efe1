import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { ProductFormFields } from './components/ProductFormFields';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// Pessimistic: the server's verdict (SKU or barcode taken) shows on the form.
export const ProductEdit = () => (
  <Edit actions={<Actions />} mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProductFormFields />
    </SimpleForm>
  </Edit>
);

export default ProductEdit;

import { Create, SimpleForm } from 'react-admin';
import { ProductFormFields } from './components/ProductFormFields';
import { DEFAULT_CURRENCY } from './money';

const defaults = { active: true, attributes: [], barcodes: [], currency: DEFAULT_CURRENCY, purchaseLimit: null };

export const ProductCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaults}>
      <ProductFormFields />
    </SimpleForm>
  </Create>
);

export default ProductCreate;

import { Create, HttpError, SimpleForm, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { OrderFormFields } from './components/OrderFormFields';
import { orderErrorMessage } from './components/orderError';
import { ORDER_FORM_DEFAULTS, orderFormErrors, toCreateOrderInput, type OrderFormValues } from './form';
import type { Order } from './types';

/**
 * Manual entry. The form saves on its own rather than through Create's save, so that the API's
 * field errors (named as the API names them, in minor units) land under the form's inputs.
 */
const OrderForm = () => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const submit = async (values: Record<string, unknown>) => {
    try {
      const { data: order } = await dataProvider.create<Order>('orders', { data: toCreateOrderInput(values as OrderFormValues) });
      notify('resources.orders.notifications.created', { type: 'success', messageArgs: { number: order.number } });
      redirect('show', 'orders', order.id);
      return undefined;
    } catch (error) {
      notify(orderErrorMessage(translate, error), { type: 'error' });
      return error instanceof HttpError ? orderFormErrors((error.body as { details?: unknown } | undefined)?.details) : undefined;
    }
  };
  return (
    <SimpleForm defaultValues={ORDER_FORM_DEFAULTS} onSubmit={submit}>
      <OrderFormFields />
    </SimpleForm>
  );
};

export const OrderCreate = () => (
  <Create>
    <OrderForm />
  </Create>
);

export default OrderCreate;

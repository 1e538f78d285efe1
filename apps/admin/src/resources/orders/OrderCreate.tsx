import { useRef } from 'react';
import { Create, HttpError, SimpleForm, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { OmsDataProvider } from '../../providers/dataProvider';
import { newIdempotencyKey } from '../../providers/idempotencyKey';
import { OrderFormFields } from './components/OrderFormFields';
import { orderErrorMessage } from './components/orderError';
import { ORDER_FORM_DEFAULTS, orderFormErrors, toCreateOrderInput, type OrderFormValues } from './form';

/**
 * Manual entry. The form saves on its own rather than through Create's save, so that the API's
 * field errors (named as the API names them, in minor units) land under the form's inputs. The
 * form keeps one Idempotency-Key until the order is entered, so a double click or a retry after a
 * lost answer enters it once.
 */
const OrderForm = () => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const key = useRef<string | null>(null);
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const submit = async (values: Record<string, unknown>) => {
    try {
      const { data: order } = await dataProvider.createOrder(toCreateOrderInput(values as OrderFormValues), { idempotencyKey: (key.current ??= newIdempotencyKey()) });
      key.current = null;
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

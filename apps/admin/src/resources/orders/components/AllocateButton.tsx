import AllocateIcon from '@mui/icons-material/Warehouse';
import { useState } from 'react';
import { Button, RadioButtonGroupInput, required, useCanAccess, useDataProvider, useGetList, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import type { Warehouse } from '../../warehouses/types';
import { ALLOCATABLE_STATUSES, type Order } from '../types';
import { OrderDialog } from './OrderDialog';
import { useOrderAction } from './useOrderAction';

/** Warehouses that hold stock themselves (a virtual one only pools others), by priority. */
const useShippingWarehouses = (enabled: boolean) => {
  const { data } = useGetList<Warehouse>(
    'warehouses',
    { filter: { active: true }, sort: { field: 'priority', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled },
  );
  return (data ?? []).filter((warehouse) => warehouse.type !== 'virtual');
};

/**
 * Allocate by hand: one warehouse ships the whole order, overriding what the system chose or
 * could not choose. The API refuses a warehouse that lacks the stock or may not ship the order.
 */
export const AllocateButton = ({ record }: { record: Order }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'allocate', record });
  const may = canAccess === true && ALLOCATABLE_STATUSES.includes(record.status);
  const warehouses = useShippingWarehouses(may && open);
  if (!may) return null;
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const warehouseId = String(values.warehouseId ?? '');
    const args = { number: record.number };
    if (await run((options) => dataProvider.allocateOrder(record.id, { warehouseId }, options), 'resources.orders.notifications.allocate', args)) {
      close();
    }
  };
  const choices = warehouses.map((warehouse) => ({ id: warehouse.id, name: `${warehouse.code} · ${warehouse.name}` }));
  return (
    <>
      <Button label="resources.orders.actions.allocate" onClick={() => setOpen(true)} variant="outlined" data-testid="order-action-allocate">
        <AllocateIcon />
      </Button>
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-allocate"
        title={translate('resources.orders.dialogs.allocate_title', { number: record.number })}
        body={translate('resources.orders.dialogs.allocate_body')}
        defaultValues={{ warehouseId: record.warehouseId ?? '' }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel="resources.orders.actions.allocate"
        submitIcon={<AllocateIcon />}
      >
        <RadioButtonGroupInput
          source="warehouseId"
          label="resources.orders.dialogs.allocate_warehouse"
          choices={choices}
          validate={required()}
          row={false}
          data-testid="order-allocate-warehouses"
        />
      </OrderDialog>
    </>
  );
};

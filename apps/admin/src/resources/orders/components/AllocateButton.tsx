import AllocateIcon from '@mui/icons-material/Warehouse';
import { Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { Button, RadioButtonGroupInput, required, useCanAccess, useDataProvider, useGetList, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { AllocateInput } from '../../../providers/orders';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import type { Warehouse } from '../../warehouses/types';
import { changedPicks, currentHoldings, pickRows } from '../picks';
import { ALLOCATABLE_STATUSES, type Order } from '../types';
import { AllocatePicks } from './AllocatePicks';
import { useOrderAllocations } from './AllocationCard';
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

type Mode = 'whole' | 'per_line';

/**
 * Allocate by hand, overriding what the system chose or could not choose: one warehouse ships
 * the whole order, or, line by line, which warehouses ship how many units. The API refuses a
 * warehouse that lacks the stock or may not ship the order.
 */
export const AllocateButton = ({ record }: { record: Order }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('whole');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'allocate', record });
  const may = canAccess === true && ALLOCATABLE_STATUSES.includes(record.status);
  const warehouses = useShippingWarehouses(may && open);
  const { data: allocations } = useOrderAllocations(record);
  if (!may) return null;
  const lines = record.lines ?? [];
  const warehouseIds = warehouses.map((warehouse) => warehouse.id);
  const held = currentHoldings(allocations ?? []);
  const close = () => {
    setOpen(false);
    setProblem(null);
    clearFailure();
  };
  const choose = (next: Mode) => {
    setMode(next);
    setProblem(null);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    let input: AllocateInput;
    if (mode === 'whole') {
      input = { warehouseId: String(values.warehouseId ?? '') };
    } else {
      const result = changedPicks(lines, warehouseIds, values.picks ?? [], held);
      if ('problem' in result) {
        setProblem(translate(`resources.orders.allocation.picks.${result.problem.key}`, result.problem.args));
        return;
      }
      input = { lines: result.picks };
    }
    setProblem(null);
    if (await run((options) => dataProvider.allocateOrder(record.id, input, options), 'resources.orders.notifications.allocate', { number: record.number })) {
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
        body={translate(`resources.orders.allocation.picks.${mode === 'whole' ? 'whole_body' : 'per_line_body'}`)}
        // The rows start from what each line holds; they fill in once the warehouses are known.
        formKey={`${warehouseIds.join()}:${allocations?.length ?? 0}`}
        defaultValues={{ warehouseId: record.warehouseId ?? '', picks: pickRows(lines, warehouseIds, held) }}
        onSubmit={submit}
        failure={failure ?? problem}
        isPending={isPending}
        submitLabel="resources.orders.actions.allocate"
        submitIcon={<AllocateIcon />}
        maxWidth={mode === 'whole' ? 'sm' : 'md'}
        header={
          <Tabs value={mode} onChange={(_event, next: Mode) => choose(next)} sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}>
            <Tab value="whole" label={translate('resources.orders.allocation.picks.whole')} data-testid="order-allocate-mode-whole" />
            <Tab value="per_line" label={translate('resources.orders.allocation.picks.per_line')} data-testid="order-allocate-mode-per_line" />
          </Tabs>
        }
      >
        {mode === 'whole' ? (
          <RadioButtonGroupInput
            source="warehouseId"
            label="resources.orders.dialogs.allocate_warehouse"
            choices={choices}
            validate={required()}
            row={false}
            data-testid="order-allocate-warehouses"
          />
        ) : (
          <AllocatePicks record={record} warehouses={warehouses} held={held} onChange={() => setProblem(null)} />
        )}
      </OrderDialog>
    </>
  );
};

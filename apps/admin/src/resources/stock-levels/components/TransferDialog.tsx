import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import {
  maxLength,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { BinPicker, HeldBinSelect, useHasBins } from '../../bin-stock/components/BinInputs';
import { IconAction } from './IconAction';
import { STOCK_WAREHOUSE_TYPES, type StockLevel } from '../types';
import { CurrentLevel, StockActionDialog } from './StockActionDialog';
import { movementAccess, useStockAction } from './useStockAction';

interface TransferForm {
  toWarehouseId: string;
  quantity: number | null;
  reason: string;
  fromBinId?: string | null;
  toBinId?: string | null;
}

const wholeNumber = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.stock-levels.validation.integer' : undefined;

const validateQuantity = [required(), wholeNumber, minValue(1)];
const validateReason = [required(), maxLength(500)];

/** The destination's bin to put the units straight into, once a destination with bins is chosen. */
const ToBinInput = () => {
  const toWarehouseId = useWatch<TransferForm, 'toWarehouseId'>({ name: 'toWarehouseId' });
  const hasBins = useHasBins(toWarehouseId || undefined);
  if (!toWarehouseId || !hasBins) return null;
  return (
    <BinPicker
      key={toWarehouseId}
      source="toBinId"
      warehouseId={toWarehouseId}
      label="resources.stock-levels.fields.toBinId"
      helperText="resources.stock-levels.helpers.bin_in"
      testId="stock-transfer-to-bin"
    />
  );
};

/** Moves units of the row's SKU from its warehouse to another physical or third-party one (`POST /api/stock-transfers`). */
/** A transfer goes to another warehouse than the one the stock is in. */
const notHere = (warehouseId: string) => (value: unknown) =>
  value && String(value) === warehouseId ? 'resources.stock-levels.validation.same_warehouse' : undefined;

export const TransferButton = () => {
  const record = useRecordContext<StockLevel>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const action = useStockAction(movementAccess(record));
  if (!record || !action.canAccess) return null;

  const submit = (values: Partial<TransferForm>) =>
    action.run(
      () =>
        dataProvider.transferStock({
          sku: record.sku,
          fromWarehouseId: record.warehouseId,
          toWarehouseId: String(values.toWarehouseId),
          quantity: Number(values.quantity),
          reason: String(values.reason ?? '').trim(),
          ...(values.fromBinId ? { fromBinId: values.fromBinId } : {}),
          ...(values.toBinId ? { toBinId: values.toBinId } : {}),
        }),
      'resources.stock-levels.notifications.transferred',
    );

  return (
    <>
      <IconAction label="resources.stock-levels.actions.transfer" testId="stock-transfer-button" onClick={action.show}>
        <SwapHorizIcon />
      </IconAction>
      <StockActionDialog<TransferForm>
        action={action}
        testId="stock-transfer"
        title={translate('resources.stock-levels.transfer_dialog.title', { sku: record.sku })}
        defaultValues={{ toWarehouseId: '', quantity: null, reason: '', fromBinId: null, toBinId: null }}
        onSubmit={submit}
        submitLabel="resources.stock-levels.actions.transfer"
      >
        <CurrentLevel level={record} />
        <ReferenceInput
          source="toWarehouseId"
          reference="warehouses"
          filter={{ type: STOCK_WAREHOUSE_TYPES, active: true }}
          sort={{ field: 'priority', order: 'ASC' }}
        >
          <SelectInput
            label="resources.stock-levels.fields.toWarehouseId"
            optionText={(w: { id: string; code: string; name: string }) => `${w.code} · ${w.name}`}
            validate={[required(), notHere(record.warehouseId)]}
            fullWidth
            helperText={false}
            emptyText=""
          />
        </ReferenceInput>
        <NumberInput
          source="quantity"
          label="resources.stock-levels.fields.quantity"
          validate={validateQuantity}
          step={1}
          min={1}
          helperText={false}
        />
        <HeldBinSelect
          source="fromBinId"
          warehouseId={record.warehouseId}
          sku={record.sku}
          label="resources.stock-levels.fields.fromBinId"
          helperText="resources.stock-levels.helpers.bin_out"
          testId="stock-transfer-from-bin"
        />
        <ToBinInput />
        <TextInput source="reason" label="resources.stock-levels.fields.reason" validate={validateReason} fullWidth />
      </StockActionDialog>
    </>
  );
};

import TuneIcon from '@mui/icons-material/Tune';
import { useEffect } from 'react';
import {
  maxLength,
  NumberInput,
  RadioButtonGroupInput,
  required,
  TextInput,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { BinPicker, HeldBinSelect, useHasBins } from '../../bin-stock/components/BinInputs';
import { IconAction } from './IconAction';
import type { StockLevel } from '../types';
import { CurrentLevel, StockActionDialog } from './StockActionDialog';
import { movementAccess, useStockAction } from './useStockAction';

interface MovementForm {
  type: 'receipt' | 'adjustment';
  quantity: number | null;
  reason: string;
  reference?: string;
  binId?: string | null;
}

const notZero = (value: unknown) => (value === 0 ? 'resources.stock-levels.validation.not_zero' : undefined);
const wholeNumber = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.stock-levels.validation.integer' : undefined;
const positiveForReceipt = (value: unknown, values: Partial<MovementForm>) =>
  values.type === 'receipt' && typeof value === 'number' && value < 0
    ? 'resources.stock-levels.validation.receipt_positive'
    : undefined;

const validateQuantity = [required(), wholeNumber, notZero, positiveForReceipt];
const validateReason = [required(), maxLength(500)];
const validateReference = [maxLength(200)];

const QuantityInput = () => {
  const type = useWatch<MovementForm, 'type'>({ name: 'type' });
  return (
    <NumberInput
      source="quantity"
      label="resources.stock-levels.fields.quantity"
      validate={validateQuantity}
      step={1}
      helperText={
        type === 'adjustment'
          ? 'resources.stock-levels.helpers.adjustment_quantity'
          : 'resources.stock-levels.helpers.receipt_quantity'
      }
      autoFocus
    />
  );
};

/**
 * The bin the units go into (positive) or come out of (negative), for warehouses with bins.
 * Removing units that lie in bins needs one: the API refuses with `stock.bin_required` otherwise.
 */
const MovementBinInput = ({ level }: { level: StockLevel }) => {
  const quantity = useWatch<MovementForm, 'quantity'>({ name: 'quantity' });
  const { setValue } = useFormContext<MovementForm>();
  const removing = typeof quantity === 'number' && quantity < 0;
  const hasBins = useHasBins(level.warehouseId);
  // A bin chosen to receive into is no answer to "which bin do they come out of", and back.
  useEffect(() => setValue('binId', null), [removing, setValue]);
  if (removing) {
    return (
      <HeldBinSelect
        source="binId"
        warehouseId={level.warehouseId}
        sku={level.sku}
        label="resources.stock-levels.fields.binId"
        helperText="resources.stock-levels.helpers.bin_out"
        testId="stock-movement-bin"
      />
    );
  }
  if (!hasBins) return null;
  return (
    <BinPicker
      source="binId"
      warehouseId={level.warehouseId}
      label="resources.stock-levels.fields.binId"
      helperText="resources.stock-levels.helpers.bin_in"
      testId="stock-movement-bin"
    />
  );
};

/**
 * Receive stock into the row's warehouse, or correct it by hand (an adjustment may be
 * negative), through `POST /api/stock-movements`. Only shown to whoever may record a movement
 * in that warehouse.
 */
export const StockMovementButton = () => {
  const record = useRecordContext<StockLevel>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const action = useStockAction(movementAccess(record));
  if (!record || !action.canAccess) return null;

  const submit = (values: Partial<MovementForm>) =>
    action.run(
      () =>
        dataProvider.recordStockMovement({
          sku: record.sku,
          warehouseId: record.warehouseId,
          type: values.type ?? 'receipt',
          quantity: Number(values.quantity),
          reason: String(values.reason ?? '').trim(),
          ...(values.reference?.trim() ? { reference: values.reference.trim() } : {}),
          ...(values.binId ? { binId: values.binId } : {}),
        }),
      'resources.stock-levels.notifications.recorded',
    );

  return (
    <>
      <IconAction label="resources.stock-levels.actions.movement" testId="stock-movement-button" onClick={action.show}>
        <TuneIcon />
      </IconAction>
      <StockActionDialog<MovementForm>
        action={action}
        testId="stock-movement"
        title={translate('resources.stock-levels.movement_dialog.title', { sku: record.sku })}
        defaultValues={{ type: 'receipt', quantity: null, reason: '', reference: '', binId: null }}
        onSubmit={submit}
        submitLabel="resources.stock-levels.actions.record"
      >
        <CurrentLevel level={record} testId="stock-movement-current" />
        <RadioButtonGroupInput
          source="type"
          label="resources.stock-levels.fields.movement_type"
          choices={[
            { id: 'receipt', name: 'resources.stock-levels.movement_types.receipt' },
            { id: 'adjustment', name: 'resources.stock-levels.movement_types.adjustment' },
          ]}
          helperText={false}
        />
        <QuantityInput />
        <MovementBinInput level={record} />
        <TextInput
          source="reason"
          label="resources.stock-levels.fields.reason"
          validate={validateReason}
          fullWidth
          helperText="resources.stock-levels.helpers.reason"
        />
        <TextInput
          source="reference"
          label="resources.stock-levels.fields.reference"
          validate={validateReference}
          fullWidth
          helperText="resources.stock-levels.helpers.reference"
        />
      </StockActionDialog>
    </>
  );
};

import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Form,
  maxLength,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { BinPicker, HeldBinSelect, useHasBins } from '../../bin-stock/components/BinInputs';
import { IconAction } from './IconAction';
import type { StockLevel, StockTransferInput } from '../types';
import { stockErrorMessage } from './stockError';

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

/** Moves units of the row's SKU from its warehouse to another physical one (`POST /api/stock-transfers`). */
export const TransferButton = () => {
  const record = useRecordContext<StockLevel>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { canAccess } = useCanAccess({
    resource: 'stock-movements',
    action: 'create',
    record: record ? { warehouseId: record.warehouseId, sku: record.sku } : undefined,
  });
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (input: StockTransferInput) => dataProvider.transferStock(input),
  });
  if (!record || !canAccess) return null;

  const close = () => {
    setOpen(false);
    setFailure(null);
  };

  const submit = async (values: Partial<TransferForm>) => {
    setFailure(null);
    try {
      await mutateAsync({
        sku: record.sku,
        fromWarehouseId: record.warehouseId,
        toWarehouseId: String(values.toWarehouseId),
        quantity: Number(values.quantity),
        reason: String(values.reason ?? '').trim(),
        ...(values.fromBinId ? { fromBinId: values.fromBinId } : {}),
        ...(values.toBinId ? { toBinId: values.toBinId } : {}),
      });
      notify('resources.stock-levels.notifications.transferred', { type: 'success' });
      close();
      refresh();
    } catch (error) {
      setFailure(stockErrorMessage(translate, error));
    }
  };

  return (
    <>
      <IconAction label="resources.stock-levels.actions.transfer" testId="stock-transfer-button" onClick={() => setOpen(true)}>
        <SwapHorizIcon />
      </IconAction>
      <Dialog
        open={open}
        onClose={close}
        onClick={(event) => event.stopPropagation()}
        fullWidth
        maxWidth="xs"
        data-testid="stock-transfer-dialog"
      >
        <Form<TransferForm>
          defaultValues={{ toWarehouseId: '', quantity: null, reason: '', fromBinId: null, toBinId: null }}
          onSubmit={submit as (values: Record<string, unknown>) => Promise<void>}
          noValidate
        >
          <DialogTitle>{translate('resources.stock-levels.transfer_dialog.title', { sku: record.sku })}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('resources.stock-levels.movement_dialog.current', {
                onHand: record.onHand,
                reserved: record.reserved,
                available: record.available,
              })}
              {record.binned > 0 && (
                <>
                  <br />
                  {translate('resources.stock-levels.movement_dialog.binned', { binned: record.binned, unbinned: record.unbinned })}
                </>
              )}
            </Typography>
            <ReferenceInput
              source="toWarehouseId"
              reference="warehouses"
              filter={{ type: 'physical', active: true }}
              sort={{ field: 'priority', order: 'ASC' }}
            >
              <SelectInput
                label="resources.stock-levels.fields.toWarehouseId"
                optionText={(w: { id: string; code: string; name: string }) => `${w.code} · ${w.name}`}
                validate={required()}
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
            {failure && (
              <Alert severity="error" data-testid="stock-transfer-error">
                {failure}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
            <SaveButton label="resources.stock-levels.actions.transfer" disabled={isPending} data-testid="stock-transfer-submit" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

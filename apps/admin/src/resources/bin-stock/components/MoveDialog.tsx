import MoveIcon from '@mui/icons-material/OpenWith';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Form,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { IconAction } from '../../stock-levels/components/IconAction';
import { stockErrorMessage } from '../../stock-levels/components/stockError';
import type { BinMoveInput, BinStock } from '../types';
import { BinPicker } from './BinInputs';

interface MoveForm {
  toBinId: string | null;
  quantity: number | null;
  reason: string;
}

const wholeNumber = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.bin-stock.validation.integer' : undefined;

/** Moves units of the row's SKU from its bin to another bin of the warehouse (`POST /api/bin-stock/moves`). */
export const MoveButton = () => {
  const record = useRecordContext<BinStock>();
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
    mutationFn: (input: BinMoveInput) => dataProvider.moveBinStock(input),
  });
  if (!record || !canAccess) return null;

  const otherBin = (value: unknown) => (value === record.binId ? 'resources.bin-stock.validation.same_bin' : undefined);

  const close = () => {
    setOpen(false);
    setFailure(null);
  };

  const submit = async (values: Partial<MoveForm>) => {
    setFailure(null);
    try {
      await mutateAsync({
        sku: record.sku,
        fromBinId: record.binId,
        toBinId: String(values.toBinId),
        quantity: Number(values.quantity),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      notify('resources.bin-stock.notifications.moved', { type: 'success' });
      close();
      refresh();
    } catch (error) {
      setFailure(stockErrorMessage(translate, error));
    }
  };

  return (
    <>
      <IconAction label="resources.bin-stock.actions.move" testId="bin-move-button" onClick={() => setOpen(true)}>
        <MoveIcon />
      </IconAction>
      <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="xs" data-testid="bin-move-dialog">
        <Form<MoveForm>
          defaultValues={{ toBinId: null, quantity: record.quantity, reason: '' }}
          onSubmit={submit as (values: Record<string, unknown>) => Promise<void>}
          noValidate
        >
          <DialogTitle>{translate('resources.bin-stock.move_dialog.title', { sku: record.sku, bin: record.binCode })}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('resources.bin-stock.move_dialog.current', { bin: record.binCode, quantity: record.quantity })}
            </Typography>
            <BinPicker
              source="toBinId"
              warehouseId={record.warehouseId}
              label="resources.bin-stock.fields.toBinId"
              validate={[required(), otherBin]}
              helperText={false}
              testId="bin-move-to-input"
            />
            <NumberInput
              source="quantity"
              label="resources.bin-stock.fields.quantity"
              validate={[required(), wholeNumber, minValue(1), maxValue(record.quantity)]}
              step={1}
              min={1}
              max={record.quantity}
              helperText={false}
            />
            <TextInput source="reason" label="resources.bin-stock.fields.reason" validate={maxLength(500)} fullWidth helperText={false} />
            {failure && (
              <Alert severity="error" data-testid="bin-move-error">
                {failure}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
            <SaveButton label="resources.bin-stock.actions.move_submit" icon={<MoveIcon />} disabled={isPending} data-testid="bin-move-submit" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

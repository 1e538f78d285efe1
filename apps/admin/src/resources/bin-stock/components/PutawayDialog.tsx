import PutawayIcon from '@mui/icons-material/MoveToInbox';
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
import type { StockLevel } from '../../stock-levels/types';
import type { PutawayInput } from '../types';
import { BinPicker } from './BinInputs';

interface PutawayForm {
  binId: string | null;
  quantity: number | null;
  reason: string;
}

const wholeNumber = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.bin-stock.validation.integer' : undefined;

/**
 * Puts the row's unbinned units (received, not yet put away) into a bin of its warehouse
 * (`POST /api/bin-stock/putaway`). Shown to whoever may record movements in that warehouse.
 */
export const PutawayButton = () => {
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
    mutationFn: (input: PutawayInput) => dataProvider.putawayStock(input),
  });
  if (!record || !canAccess || record.unbinned <= 0) return null;

  const close = () => {
    setOpen(false);
    setFailure(null);
  };

  const submit = async (values: Partial<PutawayForm>) => {
    setFailure(null);
    try {
      await mutateAsync({
        sku: record.sku,
        binId: String(values.binId),
        quantity: Number(values.quantity),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      notify('resources.bin-stock.notifications.put_away', { type: 'success' });
      close();
      refresh();
    } catch (error) {
      setFailure(stockErrorMessage(translate, error));
    }
  };

  return (
    <>
      <IconAction label="resources.bin-stock.actions.putaway" testId="putaway-button" onClick={() => setOpen(true)}>
        <PutawayIcon />
      </IconAction>
      <Dialog open={open} onClose={close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="xs" data-testid="putaway-dialog">
        <Form<PutawayForm>
          defaultValues={{ binId: null, quantity: record.unbinned, reason: '' }}
          onSubmit={submit as (values: Record<string, unknown>) => Promise<void>}
          noValidate
        >
          <DialogTitle>{translate('resources.bin-stock.putaway_dialog.title', { sku: record.sku })}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('resources.bin-stock.putaway_dialog.current', { unbinned: record.unbinned, binned: record.binned })}
            </Typography>
            <BinPicker
              source="binId"
              warehouseId={record.warehouseId}
              label="resources.bin-stock.fields.binId"
              validate={required()}
              helperText="resources.bin-stock.helpers.putaway_bin"
              testId="putaway-bin-input"
            />
            <NumberInput
              source="quantity"
              label="resources.bin-stock.fields.quantity"
              validate={[required(), wholeNumber, minValue(1), maxValue(record.unbinned)]}
              step={1}
              min={1}
              max={record.unbinned}
              helperText={false}
            />
            <TextInput
              source="reason"
              label="resources.bin-stock.fields.reason"
              validate={maxLength(500)}
              fullWidth
              helperText="resources.bin-stock.helpers.reason"
            />
            {failure && (
              <Alert severity="error" data-testid="putaway-error">
                {failure}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} disabled={isPending} />
            <SaveButton label="resources.bin-stock.actions.putaway" icon={<PutawayIcon />} disabled={isPending} data-testid="putaway-submit" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

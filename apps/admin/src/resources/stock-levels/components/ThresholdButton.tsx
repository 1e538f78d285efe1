import NotificationsIcon from '@mui/icons-material/NotificationsActiveOutlined';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  maxValue,
  minValue,
  NumberInput,
  SaveButton,
  useCanAccess,
  useNotify,
  useRecordContext,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { translateError } from '../../../errors';
import { IconAction } from './IconAction';
import type { StockLevel } from '../types';

const wholeNumber = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.stock-levels.validation.integer' : undefined;
const validateThreshold = [wholeNumber, minValue(0), maxValue(1_000_000)];

/** Sets (or clears) the available quantity at which the level counts as low (`PUT /api/stock-levels/:id`). */
export const ThresholdButton = () => {
  const record = useRecordContext<StockLevel>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate<StockLevel>();
  const { canAccess } = useCanAccess({ resource: 'stock-levels', action: 'edit', record });
  if (!record || !canAccess) return null;

  const submit = (values: Record<string, unknown>) => {
    const threshold = values.lowStockThreshold;
    update(
      'stock-levels',
      {
        id: record.id,
        data: { lowStockThreshold: typeof threshold === 'number' ? threshold : null },
        previousData: record,
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('resources.stock-levels.notifications.threshold_saved', { type: 'success' });
          setOpen(false);
        },
        onError: (error) => notify(translateError(translate, error), { type: 'error' }),
      },
    );
  };

  return (
    <>
      <IconAction label="resources.stock-levels.actions.threshold" testId="stock-threshold-button" onClick={() => setOpen(true)}>
        <NotificationsIcon />
      </IconAction>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        onClick={(event) => event.stopPropagation()}
        fullWidth
        maxWidth="xs"
        data-testid="stock-threshold-dialog"
      >
        <Form defaultValues={{ lowStockThreshold: record.lowStockThreshold }} onSubmit={submit} noValidate>
          <DialogTitle>{translate('resources.stock-levels.threshold_dialog.title', { sku: record.sku })}</DialogTitle>
          <DialogContent>
            <NumberInput
              source="lowStockThreshold"
              validate={validateThreshold}
              step={1}
              min={0}
              helperText="resources.stock-levels.helpers.lowStockThreshold"
              autoFocus
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={isPending} />
            <SaveButton disabled={isPending} data-testid="stock-threshold-submit" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

import PutawayIcon from '@mui/icons-material/MoveToInbox';
import { Typography } from '@mui/material';
import { maxLength, maxValue, minValue, NumberInput, required, TextInput, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { IconAction } from '../../stock-levels/components/IconAction';
import { StockActionDialog } from '../../stock-levels/components/StockActionDialog';
import { movementAccess, useStockAction } from '../../stock-levels/components/useStockAction';
import type { StockLevel } from '../../stock-levels/types';
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
  const translate = useTranslate();
  const action = useStockAction(movementAccess(record));
  if (!record || !action.canAccess || record.unbinned <= 0) return null;

  const submit = (values: Partial<PutawayForm>) =>
    action.run(
      () =>
        dataProvider.putawayStock({
          sku: record.sku,
          binId: String(values.binId),
          quantity: Number(values.quantity),
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        }),
      'resources.bin-stock.notifications.put_away',
    );

  return (
    <>
      <IconAction label="resources.bin-stock.actions.putaway" testId="putaway-button" onClick={action.show}>
        <PutawayIcon />
      </IconAction>
      <StockActionDialog<PutawayForm>
        action={action}
        testId="putaway"
        title={translate('resources.bin-stock.putaway_dialog.title', { sku: record.sku })}
        defaultValues={{ binId: null, quantity: record.unbinned, reason: '' }}
        onSubmit={submit}
        submitLabel="resources.bin-stock.actions.putaway"
        submitIcon={<PutawayIcon />}
      >
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
      </StockActionDialog>
    </>
  );
};

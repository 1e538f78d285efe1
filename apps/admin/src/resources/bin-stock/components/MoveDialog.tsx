import MoveIcon from '@mui/icons-material/OpenWith';
import { Typography } from '@mui/material';
import { maxLength, maxValue, minValue, NumberInput, required, TextInput, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { IconAction } from '../../stock-levels/components/IconAction';
import { StockActionDialog } from '../../stock-levels/components/StockActionDialog';
import { movementAccess, useStockAction } from '../../stock-levels/components/useStockAction';
import type { BinStock } from '../types';
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
  const translate = useTranslate();
  const action = useStockAction(movementAccess(record));
  if (!record || !action.canAccess) return null;

  const otherBin = (value: unknown) => (value === record.binId ? 'resources.bin-stock.validation.same_bin' : undefined);

  const submit = (values: Partial<MoveForm>) =>
    action.run(
      () =>
        dataProvider.moveBinStock({
          sku: record.sku,
          fromBinId: record.binId,
          toBinId: String(values.toBinId),
          quantity: Number(values.quantity),
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        }),
      'resources.bin-stock.notifications.moved',
    );

  return (
    <>
      <IconAction label="resources.bin-stock.actions.move" testId="bin-move-button" onClick={action.show}>
        <MoveIcon />
      </IconAction>
      <StockActionDialog<MoveForm>
        action={action}
        testId="bin-move"
        title={translate('resources.bin-stock.move_dialog.title', { sku: record.sku, bin: record.binCode })}
        defaultValues={{ toBinId: null, quantity: record.quantity, reason: '' }}
        onSubmit={submit}
        submitLabel="resources.bin-stock.actions.move_submit"
        submitIcon={<MoveIcon />}
      >
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
      </StockActionDialog>
    </>
  );
};

import { Typography } from '@mui/material';
import {
  DataTable,
  DateTimeInput,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { MONO } from '../../components/ShowSection';
import { StatusChip, type StatusChipMap } from '../../components/StatusChip';
import { MOVEMENT_TYPES, type MovementType, type StockMovement } from './types';

const TYPE_CHIPS: StatusChipMap<MovementType> = {
  receipt: { color: 'success', label: 'resources.stock-movements.types.receipt' },
  adjustment: { color: 'warning', label: 'resources.stock-movements.types.adjustment' },
  reservation: { color: 'info', label: 'resources.stock-movements.types.reservation' },
  release: { color: 'default', label: 'resources.stock-movements.types.release' },
  shipment: { color: 'primary', label: 'resources.stock-movements.types.shipment' },
  return: { color: 'secondary', label: 'resources.stock-movements.types.return' },
  transfer_out: { color: 'default', label: 'resources.stock-movements.types.transfer_out' },
  transfer_in: { color: 'default', label: 'resources.stock-movements.types.transfer_in' },
};

const typeChoices = MOVEMENT_TYPES.map((type) => ({ id: type, name: TYPE_CHIPS[type].label }));

const filters = [
  <TextInput key="sku" source="sku" alwaysOn resettable />,
  <ReferenceInput key="warehouseId" source="warehouseId" reference="warehouses" sort={{ field: 'priority', order: 'ASC' }} alwaysOn>
    <SelectInput emptyText="" />
  </ReferenceInput>,
  <SelectInput key="type" source="type" choices={typeChoices} emptyText="" alwaysOn />,
  <DateTimeInput key="at_gte" source="at_gte" alwaysOn />,
  <DateTimeInput key="at_lte" source="at_lte" alwaysOn />,
];

/** A signed quantity: +10 in green, -3 in red. */
const SignedQuantity = (_props: { label?: string }) => {
  const record = useRecordContext<StockMovement>();
  if (!record) return null;
  const { quantity } = record;
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid="movement-quantity"
      sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, color: quantity < 0 ? 'error.main' : 'success.main' }}
    >
      {quantity > 0 ? `+${quantity}` : String(quantity)}
    </Typography>
  );
};

const Column = DataTable.Col<StockMovement>;
const NumberColumn = DataTable.NumberCol<StockMovement>;

const nowrap = { whiteSpace: 'nowrap' } as const;
const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

export const StockMovementList = () => (
  <List sort={{ field: 'at', order: 'DESC' }} perPage={50} filters={filters} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false} sx={tableSx}>
      <Column source="at" sx={nowrap}>
        <LocaleDateField source="at" options={DATE_TIME_MINUTES} />
      </Column>
      <Column source="sku" sx={nowrap}>
        <TextField source="sku" sx={{ fontFamily: MONO, fontWeight: 500 }} />
      </Column>
      <Column source="warehouseId" disableSort sx={nowrap}>
        <ReferenceField source="warehouseId" reference="warehouses" link="show" />
      </Column>
      <Column source="type" sx={nowrap}>
        <StatusChip source="type" map={TYPE_CHIPS} testId="movement-type" />
      </Column>
      <Column source="quantity" disableSort align="right">
        <SignedQuantity />
      </Column>
      <NumberColumn source="onHandAfter" disableSort />
      <NumberColumn source="reservedAfter" disableSort />
      <Column source="reason" disableSort sx={{ width: '100%', minWidth: 160 }} />
      <Column source="reference" disableSort sx={nowrap}>
        <TextField source="reference" emptyText="—" sx={{ fontFamily: MONO }} />
      </Column>
    </DataTable>
  </List>
);

export default StockMovementList;

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
  useTranslate,
} from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { MONO } from '../../components/ShowSection';
import { StatusChip, type StatusChipMap } from '../../components/StatusChip';
import { STOCK_WAREHOUSE_TYPES } from '../stock-levels/types';
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
  <ReferenceInput
    key="warehouseId"
    source="warehouseId"
    reference="warehouses"
    filter={{ type: STOCK_WAREHOUSE_TYPES }}
    sort={{ field: 'priority', order: 'ASC' }}
    alwaysOn
  >
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

/** One line, cut with an ellipsis past `maxWidth`; the whole text shows on hover. */
const clipped = (maxWidth: number) =>
  ({ display: 'block', maxWidth, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }) as const;

/** The document behind the movement (a purchase order, `order:<id>`…), kept to one short line. */
const Reference = (_props: { label?: string }) => {
  const record = useRecordContext<StockMovement>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" title={record.reference ?? undefined} sx={{ fontFamily: MONO, ...clipped(110) }}>
      {record.reference ?? '—'}
    </Typography>
  );
};

/**
 * Who made the movement, by the name the ledger kept (readable by anyone who may read the
 * ledger, without access to users); the system's own movements say so.
 */
const Actor = (_props: { label?: string }) => {
  const record = useRecordContext<StockMovement>();
  const translate = useTranslate();
  if (!record) return null;
  const text = record.actorName ?? (record.actorId ? '—' : translate('resources.stock-movements.system_actor'));
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid="movement-actor"
      title={text}
      color={record.actorId ? 'text.primary' : 'text.secondary'}
      sx={clipped(160)}
    >
      {text}
    </Typography>
  );
};

const Column = DataTable.Col<StockMovement>;
const NumberColumn = DataTable.NumberCol<StockMovement>;

const nowrap = { whiteSpace: 'nowrap' } as const;
// Short of room, headers ("On hand / after"), times and warehouse names wrap; the other values do not.
// Chinese headers stay whole words (变动后在库, not 变动后在 / 库).
const tableSx = { '& .RaDataTable-headerCell': { lineHeight: 1.3, wordBreak: 'keep-all' } } as const;

export const StockMovementList = () => (
  <List sort={{ field: 'at', order: 'DESC' }} perPage={50} filters={filters} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false} sx={tableSx}>
      <Column source="at" sx={{ minWidth: 100 }}>
        <LocaleDateField source="at" options={DATE_TIME_MINUTES} />
      </Column>
      <Column source="sku" sx={nowrap}>
        <TextField source="sku" sx={{ fontFamily: MONO, fontWeight: 500 }} />
      </Column>
      <Column source="warehouseId" disableSort sx={{ minWidth: 160 }}>
        <ReferenceField source="warehouseId" reference="warehouses" link="show" />
      </Column>
      <Column source="type" sx={nowrap}>
        <StatusChip source="type" map={TYPE_CHIPS} testId="movement-type" />
      </Column>
      <Column source="quantity" disableSort align="right">
        <SignedQuantity />
      </Column>
      <NumberColumn source="onHandAfter" disableSort sx={{ minWidth: 90 }} />
      <NumberColumn source="reservedAfter" disableSort sx={{ minWidth: 90 }} />
      <Column source="reason" disableSort sx={{ minWidth: 100 }} />
      <Column source="reference" disableSort>
        <Reference />
      </Column>
      <Column source="actorId" disableSort>
        <Actor />
      </Column>
    </DataTable>
  </List>
);

export default StockMovementList;

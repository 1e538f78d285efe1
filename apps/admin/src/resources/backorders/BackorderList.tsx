import { Chip } from '@mui/material';
import { DataTable, List, SearchInput, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
import { MONO } from '../../components/ShowSection';

interface Backorder {
  id: string;
  orderId: string;
  lineId: string;
  sku: string;
  requested: number;
  outstanding: number;
  paidAt: string | null;
  status: 'open' | 'filled' | 'cancelled';
  updatedAt: string;
}

const STATUS_CHOICES = ['open', 'filled', 'cancelled'].map((id) => ({ id, name: `resources.backorders.statuses.${id}` }));
const COLOR = { open: 'warning', filled: 'success', cancelled: 'default' } as const;

const Status = () => {
  const record = useRecordContext<Backorder>();
  const translate = useTranslate();
  return record ? <Chip size="small" color={COLOR[record.status]} label={translate(`resources.backorders.statuses.${record.status}`)} /> : null;
};

const filters = [
  <SearchInput key="sku" source="sku" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} emptyText="" alwaysOn />,
];

const Column = DataTable.Col<Backorder>;
const mono = { fontFamily: MONO } as const;

/** Oldest paid first: the order in which arriving stock serves them. */
export const BackorderList = () => (
  <List filters={filters} filterDefaultValues={{ status: 'open' }} sort={{ field: 'paidAt', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="orderId" disableSort>
        <TextField source="orderId" sx={mono} />
      </Column>
      <Column source="lineId" disableSort />
      <Column source="sku">
        <TextField source="sku" sx={{ ...mono, fontWeight: 500 }} />
      </Column>
      <DataTable.NumberCol source="requested" disableSort />
      <DataTable.NumberCol source="outstanding" />
      <Column source="paidAt">
        <LocaleDateField source="paidAt" showTime emptyText="—" />
      </Column>
      <Column source="status" disableSort>
        <Status />
      </Column>
    </DataTable>
  </List>
);

export default BackorderList;

import { Typography } from '@mui/material';
import { DataTable, List, SearchInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { Money } from '../orders/components/OrderChips';
import type { Customer } from './types';

const Search = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.customers.search_hint')} sx={{ minWidth: 300 }} />;
};

const filters = [<Search key="q" source="q" alwaysOn />];

/** What they spent, in their currency. */
export const TotalSpentField = (_props: { label?: string }) => {
  const record = useRecordContext<Customer>();
  if (!record) return null;
  return <Money minor={record.totalSpentMinor} currency={record.currency} testId="customer-total-spent" />;
};

const Phone = () => {
  const record = useRecordContext<Customer>();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {record.phone}
    </Typography>
  );
};

const Column = DataTable.Col<Customer>;
const NumberColumn = DataTable.NumberCol<Customer>;
const nowrap = { whiteSpace: 'nowrap' } as const;
const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

/** Customers who ordered most recently first; searchable by name, phone or email. */
export const CustomerList = () => (
  <List sort={{ field: 'lastOrderAt', order: 'DESC' }} perPage={25} filters={filters} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
      <Column source="name" sx={{ minWidth: 120 }} />
      <Column source="phone" disableSort sx={nowrap}>
        <Phone />
      </Column>
      <Column source="email" disableSort sx={{ width: '100%' }}>
        <TextField source="email" emptyText="—" sx={{ overflowWrap: 'anywhere' }} />
      </Column>
      <NumberColumn source="orderCount" />
      <Column source="totalSpentMinor" align="right" sx={nowrap}>
        <TotalSpentField />
      </Column>
      <Column source="lastOrderAt" sx={nowrap}>
        <LocaleDateField source="lastOrderAt" options={DATE_TIME_MINUTES} emptyText="—" />
      </Column>
    </DataTable>
  </List>
);

export default CustomerList;

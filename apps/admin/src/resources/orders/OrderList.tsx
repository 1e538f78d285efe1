import OrdersIcon from '@mui/icons-material/ReceiptLong';
import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { MONO } from '../../components/ShowSection';
import { BulkOrderActions } from './components/BulkOrderActions';
import { OpenFlagChips, OrderStatusChip, TagChips, TotalField } from './components/OrderChips';
import { orderFilters } from './components/OrderFilters';
import { StatusTabs } from './components/StatusTabs';
import type { Order } from './types';

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const Empty = () => {
  const translate = useTranslate();
  return (
    <Box data-testid="orders-empty" sx={{ textAlign: 'center', m: 'auto', py: 8, px: 2, maxWidth: 560 }}>
      <OrdersIcon sx={{ fontSize: 72, color: 'text.disabled' }} />
      <Typography variant="h5" gutterBottom>
        {translate('resources.orders.empty.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {translate('resources.orders.empty.body')}
      </Typography>
      <CreateButton variant="contained" />
    </Box>
  );
};

const Column = DataTable.Col<Order>;

/** The customer's name with the phone under it: one column instead of two keeps the list within a laptop screen. */
const Customer = () => {
  const record = useRecordContext<Order>();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2">{record.customerName}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="order-phone">
        {record.customerPhone}
      </Typography>
    </>
  );
};

const nowrap = { whiteSpace: 'nowrap' } as const;
const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

/** Orders newest first, with a tab per status above them. */
export const OrderList = () => {
  const approve = useCanAccess({ resource: 'orders', action: 'approve' }).canAccess;
  const hold = useCanAccess({ resource: 'orders', action: 'hold' }).canAccess;
  const cancel = useCanAccess({ resource: 'orders', action: 'cancel' }).canAccess;
  const bulk = approve || hold || cancel;
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      filters={orderFilters}
      actions={<Actions />}
      empty={<Empty />}
      exporter={false}
    >
      <StatusTabs />
      <DataTable rowClick="show" bulkActionButtons={bulk ? <BulkOrderActions /> : false} sx={tableSx}>
        <Column source="number" sx={nowrap}>
          <TextField source="number" sx={{ fontFamily: MONO, fontWeight: 500 }} />
        </Column>
        <Column source="createdAt" sx={nowrap}>
          <LocaleDateField source="createdAt" options={DATE_TIME_MINUTES} />
        </Column>
        <Column source="customerName" disableSort sx={{ minWidth: 110 }}>
          <Customer />
        </Column>
        <Column source="totalMinor" align="right">
          <TotalField />
        </Column>
        <Column source="status" sx={nowrap}>
          <OrderStatusChip />
        </Column>
        <Column source="openFlags" disableSort sx={{ minWidth: 120 }}>
          <OpenFlagChips />
        </Column>
        <Column source="tags" disableSort sx={{ width: '100%' }}>
          <TagChips />
        </Column>
      </DataTable>
    </List>
  );
};

export default OrderList;

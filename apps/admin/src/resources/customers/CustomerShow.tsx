import { Box, Card, CardContent, Link as MuiLink, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { MONO } from '../../components/ShowSection';
import { useDateTime } from '../orders/components/CustomerCards';
import { Money, OrderStatusChip } from '../orders/components/OrderChips';
import { Item, OrderCard } from '../orders/components/OrderCard';
import { useChannelName } from '../orders/components/OrderHeader';
import type { Customer } from './types';

const Title = () => {
  const record = useRecordContext<Customer>();
  const translate = useTranslate();
  return record ? <>{translate('resources.customers.title', { name: record.name })}</> : null;
};

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

/** Name and contact, then what they ordered: how often, how much, since when. */
const CustomerHeader = () => {
  const record = useRecordContext<Customer>();
  const dateTime = useDateTime();
  const channelName = useChannelName();
  if (!record) return null;
  return (
    <Card data-testid="customer-header">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }} data-testid="customer-name">
          {record.name}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {[record.phone, record.email].filter(Boolean).join(' · ')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(5, minmax(0, 1fr))' } }}>
          <Item label="resources.customers.fields.orderCount" testId="customer-order-count">
            <Typography variant="h6" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {record.orderCount}
            </Typography>
          </Item>
          <Item label="resources.customers.fields.totalSpentMinor">
            <Typography variant="h6" component="span">
              <Money minor={record.totalSpentMinor} currency={record.currency} testId="customer-total-spent" />
            </Typography>
          </Item>
          <Item label="resources.customers.fields.firstOrderAt">{dateTime(record.firstOrderAt)}</Item>
          <Item label="resources.customers.fields.lastOrderAt">{dateTime(record.lastOrderAt)}</Item>
          <Item label="resources.customers.fields.channelId">{channelName(record.channelId)}</Item>
        </Box>
      </CardContent>
    </Card>
  );
};

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Their latest orders, each opening the order page. */
const CustomerOrders = () => {
  const record = useRecordContext<Customer>();
  const translate = useTranslate();
  const dateTime = useDateTime();
  if (!record) return null;
  // Opened from the list, the record has no orders until the customer's own page is read.
  const orders = record.orders;
  return (
    <OrderCard title="resources.customers.sections.orders" testId="customer-orders">
      {!orders ? (
        <Skeleton width="40%" />
      ) : !orders.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.customers.no_orders')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell sx={nowrap}>{translate('resources.orders.fields.number')}</TableCell>
                <TableCell sx={nowrap}>{translate('resources.orders.fields.createdAt')}</TableCell>
                <TableCell sx={{ ...nowrap, width: '100%' }}>{translate('resources.orders.fields.status')}</TableCell>
                <TableCell align="right" sx={nowrap}>
                  {translate('resources.orders.fields.totalMinor')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {orders.map((order) => (
                <TableRow key={order.id} data-testid="customer-order" hover>
                  <TableCell sx={nowrap}>
                    <MuiLink component={Link} to={`/orders/${order.id}/show`} variant="body2" sx={{ fontFamily: MONO, fontWeight: 500 }}>
                      {order.number}
                    </MuiLink>
                  </TableCell>
                  <TableCell sx={nowrap}>{dateTime(order.createdAt)}</TableCell>
                  <TableCell>
                    <OrderStatusChip status={order.status} />
                  </TableCell>
                  <TableCell align="right">
                    <Money minor={order.totalMinor} currency={order.currency} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </OrderCard>
  );
};

/** A customer's page: who they are, their figures, and their orders. */
export const CustomerShow = () => (
  <Show title={<Title />} actions={<Actions />} component="div">
    <Stack spacing={2} sx={{ mb: 2 }}>
      <CustomerHeader />
      <CustomerOrders />
    </Stack>
  </Show>
);

export default CustomerShow;

import { Box, Stack } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { AllocationCard } from './components/AllocationCard';
import { AuditCard } from './components/AuditCard';
import { AddressCard, CustomerCard, PaymentCard } from './components/CustomerCards';
import { DeliveryCard } from './components/DeliveryCard';
import { FlagsCard } from './components/FlagsCard';
import { OrderHeader } from './components/OrderHeader';
import { OrderLines } from './components/OrderLines';
import { RelatedOrdersCard } from './components/RelatedOrdersCard';
import { RemarksCard } from './components/RemarksCard';
import { TimelineCard } from './components/TimelineCard';
import type { Order } from './types';

const Title = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  return record ? <>{translate('resources.orders.title', { number: record.number })}</> : null;
};

/**
 * An approved order is allocated by the system a moment later: the page asks again every two
 * seconds until it has moved on (for three minutes at most), so the user sees where it went.
 */
const AWAITING_SYSTEM: readonly string[] = ['approved'];
const refetchInterval = (query: { state: { data?: unknown; dataUpdateCount: number } }) => {
  const status = (query.state.data as Order | undefined)?.status;
  return status && AWAITING_SYSTEM.includes(status) && query.state.dataUpdateCount < 90 ? 2000 : false;
};

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

/**
 * The order page: header with the actions its status allows, then the items, exceptions,
 * allocation, audit and timeline beside the customer, address, delivery, payment and remarks.
 */
export const OrderShow = () => (
  <Show title={<Title />} actions={<Actions />} component="div" queryOptions={{ refetchInterval }}>
    <Stack spacing={2} sx={{ mb: 2 }}>
      <OrderHeader />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <OrderLines />
          <FlagsCard />
          <AllocationCard />
          <AuditCard />
          <TimelineCard />
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <CustomerCard />
          <RelatedOrdersCard />
          <AddressCard />
          <DeliveryCard />
          <PaymentCard />
          <RemarksCard />
        </Stack>
      </Box>
    </Stack>
  </Show>
);

export default OrderShow;

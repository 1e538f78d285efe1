import { Box, Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import { MANUAL_CHANNEL_ID, type Order } from '../types';
import { OrderActionButtons } from './OrderActionButtons';
import { useDateTime } from './CustomerCards';
import { PriorityChip } from './DeliveryCard';
import { OpenFlagChips, OrderStatusChip, TotalField } from './OrderChips';

/** A sales channel in words; until channels have a screen, only the manual one has a name. */
export const useChannelName = () => {
  const translate = useTranslate();
  return (id: string | null | undefined) =>
    !id ? '—' : id === MANUAL_CHANNEL_ID ? translate('resources.orders.channels.manual') : translate('resources.orders.channels.other', { id: id.slice(0, 8) });
};

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Box>
  );
};

/** The top of the order page: number, status, open exceptions, key facts, and the actions. */
export const OrderHeader = () => {
  const record = useRecordContext<Order>();
  const dateTime = useDateTime();
  const channelName = useChannelName();
  if (!record) return null;
  return (
    <Card data-testid="order-header">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, minWidth: 0 }}>
            <Typography variant="h5" component="h1" sx={{ fontFamily: MONO, fontWeight: 600 }} data-testid="order-number">
              {record.number}
            </Typography>
            <OrderStatusChip size="medium" />
            <PriorityChip />
            <OpenFlagChips />
          </Box>
          <OrderActionButtons />
        </Box>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1, mt: 2 }}>
          <Fact label="resources.orders.fields.createdAt">{dateTime(record.createdAt)}</Fact>
          <Fact label="resources.orders.fields.channelId">{channelName(record.channelId)}</Fact>
          {record.externalNumber && <Fact label="resources.orders.fields.externalNumber">{record.externalNumber}</Fact>}
          <Fact label="resources.orders.fields.totalMinor">
            <TotalField />
          </Fact>
        </Box>
      </CardContent>
    </Card>
  );
};

import { Box, Chip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { type Order, type OrderStatus, PRIORITY_LEVELS } from '../types';
import { Item, OrderCard } from './OrderCard';

/** Once here, the promise is kept or no longer matters. */
const PAST_PROMISE: readonly OrderStatus[] = ['shipped', 'delivered', 'completed', 'cancelled', 'rejected'];

/** A priority in words when it is one the panel names (normal, high, urgent), else its number. */
export const usePriorityLabel = () => {
  const translate = useTranslate();
  return (priority: number | null | undefined) => {
    const level = PRIORITY_LEVELS.find((candidate) => candidate.id === (priority ?? 0));
    return level ? translate(`resources.orders.priorities.${level.name}`) : translate('resources.orders.priorities.other', { priority });
  };
};

/** `YYYY-MM-DD` as the interface language writes a day. */
const useDay = () => {
  const [locale] = useLocaleState();
  return (day: string) => {
    const date = new Date(`${day}T00:00:00`);
    return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  };
};

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** The priority as a chip beside the status when it is above normal. */
export const PriorityChip = () => {
  const record = useRecordContext<Order>();
  const label = usePriorityLabel();
  if (!record?.priority) return null;
  return (
    <Chip
      size="small"
      color={record.priority >= 100 ? 'error' : 'secondary'}
      label={label(record.priority)}
      data-testid="order-priority"
      data-priority={record.priority}
    />
  );
};

/** How the order is to be delivered: carrier, promised day, instructions, and how urgent it is. */
export const DeliveryCard = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  const priorityLabel = usePriorityLabel();
  const day = useDay();
  const [locale] = useLocaleState();
  if (!record) return null;
  const delivery = record.delivery ?? {};
  const late = !!delivery.promisedDate && delivery.promisedDate < today() && !PAST_PROMISE.includes(record.status);
  return (
    <OrderCard title="resources.orders.sections.delivery" testId="order-delivery">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 1.5 }}>
        <Item label="resources.orders.fields.delivery.preferredCarrier" testId="order-delivery-carrier">
          {delivery.preferredCarrier || translate('resources.orders.delivery.any_carrier')}
        </Item>
        <Item label="resources.orders.fields.delivery.promisedDate" testId="order-delivery-promised">
          {delivery.promisedDate ? (
            <>
              {day(delivery.promisedDate)}
              {late && (
                <Typography component="span" variant="body2" color="error" sx={{ ml: 1 }}>
                  {translate('resources.orders.delivery.late')}
                </Typography>
              )}
            </>
          ) : (
            '—'
          )}
        </Item>
        <Item label="resources.orders.fields.priority" testId="order-delivery-priority">
          {priorityLabel(record.priority)}
        </Item>
      </Box>
      <Box sx={{ mt: 1.5 }}>
        <Item label="resources.orders.fields.delivery.instructions" testId="order-delivery-instructions">
          <Box component="span" sx={{ whiteSpace: 'pre-line' }}>
            {delivery.instructions || '—'}
          </Box>
        </Item>
      </Box>
      {!!delivery.shipments?.length && (
        <Box sx={{ mt: 1.5 }}>
          <Item label="resources.orders.fields.shipment.shipments" testId="order-shipments">
            {delivery.shipments.map((shipment) => (
              <Box key={`${shipment.carrier}-${shipment.trackingNumber}`} data-testid="order-shipment" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <span>{shipment.carrier}</span>
                <Box component="span" sx={{ fontFamily: 'monospace' }}>
                  {shipment.trackingNumber}
                </Box>
                <Typography component="span" variant="body2" color="text.secondary">
                  {new Date(shipment.shippedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
                </Typography>
              </Box>
            ))}
          </Item>
        </Box>
      )}
    </OrderCard>
  );
};

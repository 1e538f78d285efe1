import { Link as MuiLink, Stack } from '@mui/material';
import { useGetMany, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { MONO } from '../../../components/ShowSection';
import type { Order, TimelineEntry } from '../types';
import { Item, OrderCard } from './OrderCard';
import { useOrderTimeline } from './TimelineCard';

interface OrderRef {
  id: string;
  number: string;
}

const OrderLinks = ({ orders, testId }: { orders: OrderRef[]; testId: string }) => (
  <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.5 }}>
    {orders.map((order) => (
      <MuiLink key={order.id} component={Link} to={`/orders/${order.id}/show`} data-testid={testId} sx={{ fontFamily: MONO, fontWeight: 500 }}>
        {order.number}
      </MuiLink>
    ))}
  </Stack>
);

/** The orders named by the split and merge events on the order's timeline (`details.children` / `details.merged`). */
const refsOf = (entries: TimelineEntry[] | undefined, type: string, key: 'children' | 'merged'): OrderRef[] =>
  (entries ?? [])
    .filter((entry) => entry.type === type)
    .flatMap((entry) => (Array.isArray(entry.details?.[key]) ? (entry.details[key] as OrderRef[]) : []));

/**
 * Where the order came from and where its goods went: the order it was split off from or merged
 * into, the orders split off from it, and the orders merged into it. Hidden when there are none.
 */
export const RelatedOrdersCard = () => {
  const record = useRecordContext<Order>();
  const { data: timeline } = useOrderTimeline(record);
  const linkedIds = [record?.parentId, record?.mergedIntoId].filter((id): id is string => !!id);
  const { data: linked } = useGetMany<Order>('orders', { ids: linkedIds }, { enabled: linkedIds.length > 0 });
  if (!record) return null;
  const refOf = (id: string | null | undefined): OrderRef[] => {
    const order = id ? linked?.find((one) => one.id === id) : undefined;
    return order ? [{ id: String(order.id), number: order.number }] : [];
  };
  const parent = refOf(record.parentId);
  const mergedInto = refOf(record.mergedIntoId);
  const children = refsOf(timeline, 'orders.order-split', 'children');
  const merged = refsOf(timeline, 'orders.order-merged', 'merged');
  if (!parent.length && !mergedInto.length && !children.length && !merged.length) return null;
  return (
    <OrderCard title="resources.orders.sections.related" testId="order-related">
      <Stack spacing={1.5}>
        {parent.length > 0 && (
          <Item label="resources.orders.related.parent">
            <OrderLinks orders={parent} testId="order-related-parent" />
          </Item>
        )}
        {mergedInto.length > 0 && (
          <Item label="resources.orders.related.merged_into">
            <OrderLinks orders={mergedInto} testId="order-related-merged-into" />
          </Item>
        )}
        {children.length > 0 && (
          <Item label="resources.orders.related.children">
            <OrderLinks orders={children} testId="order-related-child" />
          </Item>
        )}
        {merged.length > 0 && (
          <Item label="resources.orders.related.merged">
            <OrderLinks orders={merged} testId="order-related-merged" />
          </Item>
        )}
      </Stack>
    </OrderCard>
  );
};

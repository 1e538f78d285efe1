import ArrowIcon from '@mui/icons-material/ArrowForward';
import { Alert, Box, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import type { Order, TimelineEntry } from '../types';
import { useDateTime } from './CustomerCards';
import { OrderStatusChip } from './OrderChips';
import { OrderCard } from './OrderCard';
import { useUserNames } from './useUserNames';

/** `orders.order-held` -> `order-held`, the key of its label. */
const eventKey = (type: string) => type.replace(/^orders\./, '');

const Entry = ({ entry, names, last }: { entry: TimelineEntry; names: Record<string, string>; last: boolean }) => {
  const translate = useTranslate();
  const dateTime = useDateTime();
  const actor =
    entry.actorKind === 'user' && entry.actorId && names[entry.actorId]
      ? names[entry.actorId]
      : translate(`resources.orders.actors.${entry.actorKind}`, { _: entry.actorKind });
  const moved = entry.toStatus && entry.fromStatus !== entry.toStatus;
  const reason = typeof entry.details?.reason === 'string' && entry.details.reason ? entry.details.reason : null;
  return (
    <Box sx={{ display: 'flex', gap: 1.5 }} data-testid="order-timeline-entry" data-type={entry.type}>
      {/* The dot and the line down to the next entry. */}
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
        <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: moved ? 'primary.main' : 'grey.400', flexShrink: 0 }} />
        {!last && <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', mt: 0.5 }} />}
      </Box>
      <Box sx={{ pb: last ? 0 : 2, minWidth: 0, flex: 1 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate(`resources.orders.events.${eventKey(entry.type)}`, { _: entry.type })}
          </Typography>
          {moved && (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }} data-testid="order-timeline-move">
              {entry.fromStatus && <OrderStatusChip status={entry.fromStatus} />}
              {entry.fromStatus && <ArrowIcon sx={{ fontSize: 16, color: 'text.secondary' }} />}
              <OrderStatusChip status={entry.toStatus} />
            </Box>
          )}
        </Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {dateTime(entry.at)} · {actor}
        </Typography>
        {reason && (
          <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }} data-testid="order-timeline-reason">
            {translate('resources.orders.timeline.reason', { reason })}
          </Typography>
        )}
        {entry.details?.approvedAnyway === true && (
          <Typography variant="body2" color="warning.main" sx={{ mt: 0.5 }}>
            {translate('resources.orders.timeline.approved_anyway')}
          </Typography>
        )}
      </Box>
    </Box>
  );
};

/** The order's events, oldest first; shared by the timeline and the related orders (one request). */
export const useOrderTimeline = (record: Order | undefined) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const id = record?.id;
  return useQuery({
    // Read again whenever the order changes (an action here, or the system moving it on).
    queryKey: ['orders', 'timeline', id, record?.status, record?.updatedAt],
    queryFn: () => dataProvider.getOrderTimeline(id!).then((result) => result.data),
    enabled: !!id,
    placeholderData: (previous) => previous,
  });
};

/** Everything that happened to the order, oldest first, with who did it and how its status moved. */
export const TimelineCard = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  const { data, isPending, isError } = useOrderTimeline(record);
  const names = useUserNames((data ?? []).map((entry) => entry.actorId));
  if (!record) return null;
  return (
    <OrderCard title="resources.orders.sections.timeline" testId="order-timeline">
      {isPending ? (
        <Stack spacing={1}>
          <Skeleton width="60%" />
          <Skeleton width="40%" />
        </Stack>
      ) : isError ? (
        <Alert severity="warning">{translate('resources.orders.timeline.failed')}</Alert>
      ) : !data.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.orders.timeline.empty')}
        </Typography>
      ) : (
        <Box>
          {data.map((entry, i) => (
            <Entry key={entry.id} entry={entry} names={names} last={i === data.length - 1} />
          ))}
        </Box>
      )}
    </OrderCard>
  );
};

import ResolvedIcon from '@mui/icons-material/CheckCircle';
import OpenIcon from '@mui/icons-material/ErrorOutlined';
import { Box, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFlagText } from '../flagDetails';
import type { Order, OrderFlag } from '../types';
import { useDateTime } from './CustomerCards';
import { useFlagLabel } from './OrderChips';
import { OrderCard } from './OrderCard';
import { useUserNames } from './useUserNames';

const FlagRow = ({ flag, names, record }: { flag: OrderFlag; names: Record<string, string>; record: Order }) => {
  const translate = useTranslate();
  const flagLabel = useFlagLabel();
  const flagText = useFlagText();
  const dateTime = useDateTime();
  const open = !flag.resolvedAt;
  // The figures of the last audit, which raised the open exceptions.
  const params = open ? record.audit?.results?.flatMap((result) => result.flags ?? []).find((raised) => raised.code === flag.code)?.params : null;
  const text = flagText(flag.code, flag.message, params);
  const resolution = flag.resolution ? translate(`resources.orders.resolutions.${flag.resolution}`, { _: flag.resolution }) : '';
  return (
    <Box
      sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }}
      data-testid={open ? 'order-flag-open' : 'order-flag-resolved'}
      data-code={flag.code}
    >
      {open ? <OpenIcon color="warning" fontSize="small" sx={{ mt: 0.25 }} /> : <ResolvedIcon color="success" fontSize="small" sx={{ mt: 0.25 }} />}
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {flagLabel(flag.code)}
        </Typography>
        {text && (
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="order-flag-text">
            {text}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('resources.orders.flags.raised', { at: dateTime(flag.raisedAt) })}
          {!open && ` · ${translate('resources.orders.flags.resolved_how', { resolution, at: dateTime(flag.resolvedAt) })}`}
          {!open && flag.resolvedBy && names[flag.resolvedBy] && ` · ${translate('resources.orders.flags.by', { name: names[flag.resolvedBy] })}`}
        </Typography>
      </Box>
    </Box>
  );
};

/** Exceptions raised on the order, open ones first, then the resolved ones with how and when. */
export const FlagsCard = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  const flags = record?.flags ?? [];
  const names = useUserNames(flags.map((flag) => flag.resolvedBy));
  if (!record || !flags.length) return null;
  const open = flags.filter((flag) => !flag.resolvedAt);
  const resolved = flags.filter((flag) => flag.resolvedAt);
  return (
    <OrderCard title="resources.orders.sections.flags" testId="order-flags">
      <Stack spacing={2}>
        {open.length > 0 && (
          <Stack spacing={1.5}>
            <Typography variant="subtitle2" color="warning.main">
              {translate('resources.orders.flags.open')}
            </Typography>
            {open.map((flag, i) => (
              <FlagRow key={`${flag.code}-${i}`} flag={flag} names={names} record={record} />
            ))}
          </Stack>
        )}
        {resolved.length > 0 && (
          <Stack spacing={1.5}>
            <Typography variant="subtitle2" color="text.secondary">
              {translate('resources.orders.flags.resolved')}
            </Typography>
            {resolved.map((flag, i) => (
              <FlagRow key={`${flag.code}-${i}`} flag={flag} names={names} record={record} />
            ))}
          </Stack>
        )}
      </Stack>
    </OrderCard>
  );
};

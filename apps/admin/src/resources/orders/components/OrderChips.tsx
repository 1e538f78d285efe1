import { Box, Chip, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatPrice } from '../../../money';
import type { Order, OrderStatus } from '../types';

const STATUS_COLOR: Record<OrderStatus, ChipProps['color']> = {
  pending_payment: 'default',
  pending_review: 'info',
  on_hold: 'warning',
  approved: 'primary',
  partially_allocated: 'warning',
  backordered: 'warning',
  allocated: 'primary',
  in_fulfillment: 'secondary',
  partially_shipped: 'secondary',
  shipped: 'success',
  delivered: 'success',
  completed: 'success',
  cancelled: 'default',
  rejected: 'error',
};

/** An order status as a small outlined chip; the raw value is in `data-status`. */
export const OrderStatusChip = ({ status, size = 'small' }: { status?: string | null; size?: ChipProps['size'] }) => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  const value = status ?? record?.status;
  if (!value) return null;
  return (
    <Chip
      size={size}
      variant="outlined"
      color={STATUS_COLOR[value as OrderStatus] ?? 'default'}
      label={translate(`resources.orders.statuses.${value}`, { _: value })}
      sx={{ width: 'fit-content' }}
      data-testid="order-status"
      data-status={value}
    />
  );
};

/** An exception code in words ("Held by staff"); an unknown code shows as it is. */
export const useFlagLabel = () => {
  const translate = useTranslate();
  return (code: string) => translate(`resources.orders.flag_codes.${code}`, { _: code });
};

/** The order's open exceptions as small chips. */
export const OpenFlagChips = (_props: { label?: string }) => {
  const record = useRecordContext<Order>();
  const flagLabel = useFlagLabel();
  if (!record?.openFlags?.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {record.openFlags.map((code) => (
        <Chip key={code} size="small" color="warning" label={flagLabel(code)} data-testid="order-open-flag" data-code={code} />
      ))}
    </Box>
  );
};

/** The order's tags as small chips. */
export const TagChips = ({ tags }: { tags?: string[] | null; label?: string }) => {
  const record = useRecordContext<Order>();
  const list = tags ?? record?.tags ?? [];
  if (!list.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {list.map((tag) => (
        <Chip key={tag} size="small" variant="outlined" label={tag} data-testid="order-tag" />
      ))}
    </Box>
  );
};

/** An amount in minor units, written as the interface language writes money (¥99.00). */
export const Money = ({ minor, currency, strong, testId }: { minor: number | null | undefined; currency: string; strong?: boolean; testId?: string }) => {
  const [locale] = useLocaleState();
  if (typeof minor !== 'number') return <span>—</span>;
  return (
    <Box
      component="span"
      data-testid={testId}
      data-minor={minor}
      sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}
    >
      {formatPrice(minor, currency, locale)}
    </Box>
  );
};

/** The record's total. */
export const TotalField = (_props: { label?: string }) => {
  const record = useRecordContext<Order>();
  if (!record) return null;
  return <Money minor={record.totalMinor} currency={record.currency} testId="order-total" />;
};

import ResolvedIcon from '@mui/icons-material/CheckCircle';
import OpenIcon from '@mui/icons-material/ErrorOutlined';
import StockIcon from '@mui/icons-material/Inventory';
import { Box, Stack, Typography } from '@mui/material';
import { Button, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useFlagText } from '../flagDetails';
import type { ManualAction, Order, OrderFlag } from '../types';
import { EditAddressButton, useDateTime } from './CustomerCards';
import { MergeButton } from './CombineButtons';
import { EditLinesButton } from './EditLinesButton';
import { OrderActionButton } from './OrderActionButtons';
import { useFlagLabel } from './OrderChips';
import { OrderCard } from './OrderCard';
import { useUserNames } from './useUserNames';

/** Besides the lifecycle's actions: fixing the address or the items, merging, and the stock screen. */
type Remedy = ManualAction | 'edit_address' | 'edit_lines' | 'merge' | 'stock';

/**
 * The buttons offered under each open exception, in the order the help text names them. Each one
 * shows only when the order's status and the user's permissions allow it.
 */
const REMEDIES: Record<string, Remedy[]> = {
  HELD: ['release'],
  ADDRESS_INCOMPLETE: ['edit_address'],
  OUTSIDE_DELIVERY_AREA: ['edit_address', 'release', 'reject'],
  PHONE_INVALID: ['approve', 'reject'],
  UNKNOWN_SKU: ['edit_lines', 'release'],
  INACTIVE_SKU: ['edit_lines', 'release'],
  OUT_OF_STOCK: ['stock', 'release', 'approve'],
  PAYMENT_UNCONFIRMED: ['confirm_payment'],
  PURCHASE_LIMIT_EXCEEDED: ['edit_lines', 'approve'],
  AMOUNT_NEEDS_REVIEW: ['approve', 'reject'],
  BLOCK_LISTED: ['reject', 'approve'],
  SUSPECTED_DUPLICATE: ['merge', 'cancel', 'approve'],
};

/** The stock of the order's items, for those who may read stock levels. */
const StockButton = ({ record, testId }: { record: Order; testId: string }) => {
  const { canAccess } = useCanAccess({ resource: 'stock-levels', action: 'list' });
  const skus = [...new Set((record.lines ?? []).map((line) => line.sku))];
  if (!canAccess || !skus.length) return null;
  return (
    <Button
      component={Link}
      to={`/stock-levels?filter=${encodeURIComponent(JSON.stringify({ sku: skus }))}`}
      label="resources.orders.flags.stock"
      variant="outlined"
      size="small"
      data-testid={testId}
    >
      <StockIcon />
    </Button>
  );
};

const RemedyButton = ({ record, remedy }: { record: Order; remedy: Remedy }) => {
  const testId = `order-flag-action-${remedy}`;
  switch (remedy) {
    case 'edit_address':
      return <EditAddressButton record={record} compact testId={testId} />;
    case 'edit_lines':
      return <EditLinesButton record={record} compact testId={testId} />;
    case 'merge':
      return <MergeButton record={record} compact testId={testId} />;
    case 'stock':
      return <StockButton record={record} testId={testId} />;
    default:
      return <OrderActionButton record={record} action={remedy} compact testId={testId} />;
  }
};

/** What to do about an open exception, and the buttons that do it. */
const HowToResolve = ({ record, code }: { record: Order; code: string }) => {
  const translate = useTranslate();
  const help = translate(`resources.orders.resolve.${code}`, { _: '' });
  if (!help) return null;
  return (
    <Box sx={{ mt: 1, p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }} data-testid="order-flag-help">
      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontWeight: 500 }}>
        {translate('resources.orders.flags.how')}
      </Typography>
      <Typography variant="body2">{help}</Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1, '&:empty': { display: 'none' } }}>
        {(REMEDIES[code] ?? []).map((remedy) => (
          <RemedyButton key={remedy} record={record} remedy={remedy} />
        ))}
      </Box>
    </Box>
  );
};

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
      <Box sx={{ minWidth: 0, flex: 1 }}>
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
        {open && <HowToResolve record={record} code={flag.code} />}
      </Box>
    </Box>
  );
};

/** Exceptions raised on the order: the open ones first, each with how to resolve it; then the resolved ones with how and when. */
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

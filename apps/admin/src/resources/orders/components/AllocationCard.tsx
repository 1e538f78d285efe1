import { Box, Chip, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import { formatPrice } from '../../../money';
import { FEE_CURRENCY } from '../../warehouses/fee';
import type { Warehouse } from '../../warehouses/types';
import type { Allocation, ConsideredWarehouse, Order } from '../types';
import { useDateTime } from './CustomerCards';
import { OrderCard } from './OrderCard';

const nowrap = { whiteSpace: 'nowrap' } as const;

const Considered = ({ rows }: { rows: ConsideredWarehouse[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.orders.allocation.${key}`, args);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="order-allocation-considered" sx={{ '& th, & td': { px: 1 }, '& th': { verticalAlign: 'bottom' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={nowrap}>{t('warehouse')}</TableCell>
            <TableCell sx={nowrap} align="right">
              {t('rank')}
            </TableCell>
            <TableCell sx={{ width: '100%', minWidth: 140 }}>{t('outcome')}</TableCell>
            <TableCell sx={nowrap} align="right">
              {t('can_ship')}
            </TableCell>
            <TableCell sx={nowrap} align="right">
              {t('distance')}
            </TableCell>
            <TableCell sx={nowrap} align="right">
              {t('cost')}
            </TableCell>
            <TableCell sx={nowrap} align="right">
              {t('priority')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.warehouseId} data-eligible={row.eligible}>
              <TableCell sx={{ ...nowrap, fontFamily: MONO, fontWeight: row.rank === 1 ? 600 : undefined }}>{row.code}</TableCell>
              <TableCell align="right">{row.rank ?? '—'}</TableCell>
              <TableCell>
                {row.eligible ? (
                  <Chip size="small" color="success" variant="outlined" label={t('eligible')} />
                ) : (
                  <Typography variant="body2" color="text.secondary">
                    {translate(`resources.orders.allocation.excluded.${row.excluded}`, { _: row.excluded ?? '—' })}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">{row.canShip ?? '—'}</TableCell>
              <TableCell align="right" sx={nowrap}>
                {row.scores?.nearest == null ? '—' : t('km', { km: Math.round(row.scores.nearest) })}
              </TableCell>
              <TableCell align="right" sx={nowrap}>
                {row.scores?.lowest_cost == null ? '—' : formatPrice(row.scores.lowest_cost, FEE_CURRENCY, locale)}
              </TableCell>
              <TableCell align="right">{row.scores?.priority ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const Run = ({ allocation }: { allocation: Allocation }) => {
  const translate = useTranslate();
  const dateTime = useDateTime();
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.orders.allocation.${key}`, args);
  const explanation = allocation.explanation ?? { decision: '' };
  const considered = explanation.considered ?? [];
  // An allocation by hand compared no warehouses: the codes of those it ships from are read.
  const unnamed = (allocation.shipments ?? []).map((shipment) => shipment.warehouseId).filter((id) => !considered.some((row) => row.warehouseId === id));
  const { data: named } = useGetMany<Warehouse>('warehouses', { ids: unnamed }, { enabled: unnamed.length > 0, retry: false });
  const codeOf = (id: string) =>
    considered.find((row) => row.warehouseId === id)?.code ?? named?.find((warehouse) => warehouse.id === id)?.code ?? id.slice(0, 8);
  const short = explanation.short ?? [];
  return (
    <Stack spacing={1.5} data-testid="order-allocation" data-status={allocation.status}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle2">{t('run', { sequence: allocation.sequence, at: dateTime(allocation.createdAt) })}</Typography>
        <Chip size="small" variant="outlined" label={translate(`resources.orders.allocation.statuses.${allocation.status}`, { _: allocation.status })} />
        <Typography variant="caption" color="text.secondary">
          {translate(`resources.orders.allocation.triggers.${allocation.trigger}`, { _: allocation.trigger })}
        </Typography>
      </Box>
      <Typography variant="body2" data-testid="order-allocation-decision">
        {translate(`resources.orders.allocation.decisions.${explanation.decision}`, { _: explanation.decision })}
      </Typography>
      {allocation.shipments?.length > 0 && (
        <Box>
          <Typography variant="caption" color="text.secondary">
            {t('chosen')}
          </Typography>
          {allocation.shipments.map((shipment) => (
            <Typography key={shipment.warehouseId} variant="body2" data-testid="order-allocation-shipment">
              <Box component="span" sx={{ fontFamily: MONO, fontWeight: 600, mr: 1 }}>
                {codeOf(shipment.warehouseId)}
              </Box>
              {shipment.lines.map((line) => t('units', { sku: line.sku, quantity: line.quantity })).join(translate('resources.orders.list_separator'))}
            </Typography>
          ))}
        </Box>
      )}
      {considered.length > 0 && (
        <Box>
          <Typography variant="caption" color="text.secondary">
            {t('considered')}
          </Typography>
          <Considered rows={considered} />
        </Box>
      )}
      <Box>
        <Typography variant="caption" color="text.secondary">
          {t('short')}
        </Typography>
        {short.length ? (
          short.map((line) => (
            <Typography key={line.lineId} variant="body2" color="warning.main" data-testid="order-allocation-short">
              {t('missing', { sku: line.sku, missing: line.missing, requested: line.requested })}
            </Typography>
          ))
        ) : (
          <Typography variant="body2">{t('nothing_short')}</Typography>
        )}
      </Box>
    </Stack>
  );
};

/** The order's allocations, first to last; read again whenever the order changes. */
export const useOrderAllocations = (record: Order | undefined) =>
  useGetList<Allocation>(
    'allocations',
    {
      filter: { orderId: record?.id },
      sort: { field: 'sequence', order: 'ASC' },
      pagination: { page: 1, perPage: 20 },
      // Part of the query's key: the allocations are read again whenever the order changes.
      meta: { orderUpdatedAt: record?.updatedAt, orderStatus: record?.status },
    },
    { enabled: !!record?.id, retry: false, placeholderData: (previous) => previous },
  );

/** Where the order's stock comes from and why; shown once allocation has run (the allocations endpoint answers rows). */
export const AllocationCard = () => {
  const record = useRecordContext<Order>();
  const { data } = useOrderAllocations(record);
  if (!record || !data?.length) return null;
  return (
    <OrderCard title="resources.orders.sections.allocation" testId="order-allocations">
      <Stack spacing={2} divider={<Divider flexItem />}>
        {data.map((allocation) => (
          <Run key={allocation.id} allocation={allocation} />
        ))}
      </Stack>
    </OrderCard>
  );
};

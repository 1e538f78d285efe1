import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { minValue, NumberInput, useGetList, useTranslate, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { MONO } from '../../../components/ShowSection';
import type { StockLevel } from '../../stock-levels/types';
import type { Warehouse } from '../../warehouses/types';
import type { Holdings } from '../picks';
import type { Order } from '../types';

const nowrap = { whiteSpace: 'nowrap' } as const;

const integer: Validator = (value) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.orders.form.validation.integer' : undefined;
const validatePick = [minValue(0), integer];

/** Units of each SKU free in each warehouse (`available[sku][warehouseId]`), for the hints under the inputs. */
const useAvailable = (skus: string[], enabled: boolean) => {
  const { data } = useGetList<StockLevel>(
    'stock-levels',
    { filter: { sku: skus }, sort: { field: 'sku', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: enabled && skus.length > 0, retry: false },
  );
  const available: Record<string, Record<string, number>> = {};
  for (const level of data ?? []) (available[level.sku] ??= {})[level.warehouseId] = level.available;
  return available;
};

/** How many units the row picks in all, against the line's quantity. */
const Picked = ({ index, quantity }: { index: number; quantity: number }) => {
  const row = (useWatch({ name: `picks.${index}` }) ?? []) as Array<number | null>;
  const picked = row.reduce<number>((sum, value) => sum + (Number(value) > 0 ? Number(value) : 0), 0);
  return (
    <Typography
      variant="body2"
      color={picked > quantity ? 'error' : picked === quantity ? 'success.main' : 'warning.main'}
      sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 500, whiteSpace: 'nowrap' }}
      data-testid="order-allocate-picked"
    >
      {picked} / {quantity}
    </Typography>
  );
};

/**
 * Allocation by hand, line by line: a row per item, a column per warehouse, each cell the units
 * that warehouse ships (`picks.<line>.<warehouse>`), starting from what the line holds now. Under
 * each cell, what the warehouse could give the line: its free stock plus what the line holds there.
 */
export const AllocatePicks = ({
  record,
  warehouses,
  held,
  onChange,
}: {
  record: Order;
  warehouses: Warehouse[];
  held: Holdings;
  onChange: () => void;
}) => {
  const translate = useTranslate();
  const lines = record.lines ?? [];
  const available = useAvailable([...new Set(lines.map((line) => line.sku))], warehouses.length > 0);
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.orders.allocation.picks.${key}`, args);
  if (!warehouses.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('no_warehouses')}
      </Typography>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="order-allocate-picks" sx={{ '& th, & td': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ ...nowrap, width: '100%' }}>{translate('resources.orders.lines.sku')}</TableCell>
            <TableCell align="right" sx={nowrap}>
              {t('needed')}
            </TableCell>
            {warehouses.map((warehouse) => (
              <TableCell key={warehouse.id} sx={{ ...nowrap, fontFamily: MONO }} title={warehouse.name}>
                {warehouse.code}
              </TableCell>
            ))}
            <TableCell align="right" sx={nowrap}>
              {t('picked')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line, i) => (
            <TableRow key={line.id} data-testid="order-allocate-line" data-sku={line.sku}>
              <TableCell sx={{ maxWidth: 240 }}>
                <Typography variant="body2" sx={{ fontFamily: MONO, fontWeight: 500, whiteSpace: 'nowrap' }}>
                  {line.sku}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div" noWrap title={line.name}>
                  {line.name}
                </Typography>
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {line.quantity}
              </TableCell>
              {warehouses.map((warehouse, j) => {
                const free = available[line.sku]?.[warehouse.id];
                const mine = held[line.id]?.[warehouse.id] ?? 0;
                return (
                  <TableCell key={warehouse.id} sx={{ minWidth: 104, verticalAlign: 'top' }}>
                    <NumberInput
                      source={`picks.${i}.${j}`}
                      label={false}
                      min={0}
                      step={1}
                      validate={validatePick}
                      helperText={free === undefined ? false : t('available', { available: free + mine })}
                      onChange={onChange}
                      size="small"
                      sx={{ my: 0, width: 96, '& .MuiFormHelperText-root': { mx: 0, whiteSpace: 'nowrap' } }}
                      data-testid="order-allocate-pick"
                      data-warehouse={warehouse.code}
                    />
                  </TableCell>
                );
              })}
              <TableCell align="right">
                <Picked index={i} quantity={line.quantity} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

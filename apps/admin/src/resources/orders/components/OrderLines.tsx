import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import type { Order } from '../types';
import { EditLinesButton } from './EditLinesButton';
import { Money } from './OrderChips';
import { OrderCard } from './OrderCard';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The order's items with their amounts, then how the total adds up. */
export const OrderLines = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  if (!record) return null;
  const lines = record.lines ?? [];
  const currency = record.currency;
  const showTax = lines.some((line) => line.taxMinor > 0);
  const showDiscount = lines.some((line) => line.discountMinor > 0);
  const label = (key: string) => translate(`resources.orders.lines.${key}`);
  const totals: Array<{ key: string; minor: number; hide?: boolean; negative?: boolean }> = [
    { key: 'subtotal', minor: record.subtotalMinor },
    { key: 'discount', minor: record.discountMinor, hide: !record.discountMinor, negative: true },
    { key: 'tax', minor: record.taxMinor, hide: !record.taxMinor },
    { key: 'shipping', minor: record.shippingFeeMinor },
  ];
  return (
    <OrderCard title="resources.orders.sections.lines" testId="order-lines" action={<EditLinesButton record={record} />}>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell sx={nowrap}>{label('sku')}</TableCell>
              <TableCell sx={{ width: '100%' }}>{label('name')}</TableCell>
              <TableCell align="right" sx={nowrap}>
                {label('quantity')}
              </TableCell>
              <TableCell align="right" sx={nowrap}>
                {label('unitPrice')}
              </TableCell>
              {showDiscount && (
                <TableCell align="right" sx={nowrap}>
                  {label('discount')}
                </TableCell>
              )}
              {showTax && (
                <TableCell align="right" sx={nowrap}>
                  {label('tax')}
                </TableCell>
              )}
              <TableCell align="right" sx={nowrap}>
                {label('total')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.id} data-testid="order-line" data-sku={line.sku}>
                <TableCell sx={{ ...nowrap, fontFamily: MONO, fontWeight: 500 }}>{line.sku}</TableCell>
                <TableCell>{line.name}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {line.quantity}
                </TableCell>
                <TableCell align="right">
                  <Money minor={line.unitPriceMinor} currency={currency} />
                </TableCell>
                {showDiscount && (
                  <TableCell align="right">
                    {line.discountMinor ? <Money minor={-line.discountMinor} currency={currency} /> : '—'}
                  </TableCell>
                )}
                {showTax && (
                  <TableCell align="right">
                    <Money minor={line.taxMinor} currency={currency} />
                  </TableCell>
                )}
                <TableCell align="right">
                  <Money minor={line.totalMinor} currency={currency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'auto auto', justifyContent: 'end', columnGap: 4, rowGap: 0.5, mt: 2, pr: 2 }}
        data-testid="order-totals"
      >
        {totals
          .filter((row) => !row.hide)
          .map((row) => (
            <Box key={row.key} sx={{ display: 'contents' }}>
              <Typography variant="body2" color="text.secondary">
                {translate(`resources.orders.totals.${row.key}`)}
              </Typography>
              <Typography variant="body2" align="right" component="div">
                <Money minor={row.negative ? -row.minor : row.minor} currency={currency} />
              </Typography>
            </Box>
          ))}
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mt: 0.5 }}>
          {translate('resources.orders.totals.total')}
        </Typography>
        <Typography variant="subtitle1" align="right" component="div" sx={{ mt: 0.5 }}>
          <Money minor={record.totalMinor} currency={currency} strong testId="order-show-total" />
        </Typography>
      </Box>
    </OrderCard>
  );
};

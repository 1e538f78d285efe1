import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';
import { formatPrice } from '../money';
import type { Product } from '../types';

/** The price in its currency, written the way the interface language writes money (¥99.00). */
export const PriceField = (_props: { label?: string }) => {
  const record = useRecordContext<Product>();
  const [locale] = useLocaleState();
  if (!record || typeof record.priceMinor !== 'number') return null;
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid="product-price"
      data-price-minor={record.priceMinor}
      sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {formatPrice(record.priceMinor, record.currency, locale)}
    </Typography>
  );
};

import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import type { Product } from '../types';

export const BarcodeChips = (_props: { label?: string }) => {
  const record = useRecordContext<Product>();
  const barcodes = record?.barcodes ?? [];
  if (barcodes.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {barcodes.map((code) => (
        <Chip key={code} size="small" label={code} data-testid="product-barcode-chip" sx={{ fontFamily: MONO }} />
      ))}
    </Stack>
  );
};

import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Product } from '../types';

/** The specification as small chips, "color: blue"; a dash when there is none. */
export const AttributeChips = (_props: { label?: string }) => {
  const record = useRecordContext<Product>();
  const attributes = record?.attributes ?? [];
  if (attributes.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {attributes.map(({ name, value }) => (
        <Chip
          key={name}
          size="small"
          variant="outlined"
          label={`${name}: ${value}`}
          data-testid="product-attribute-chip"
          sx={{ maxWidth: 220 }}
        />
      ))}
    </Stack>
  );
};

import { CardContent, Divider, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  EditButton,
  Labeled,
  ListButton,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
import { MONO, Section } from '../../components/ShowSection';
import { AttributeChips } from './components/AttributeChips';
import { BarcodeChips } from './components/BarcodeChips';
import { PriceField } from './components/PriceField';
import type { Product } from './types';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
  </TopToolbar>
);

const Dimensions = (_props: { label?: string }) => {
  const record = useRecordContext<Product>();
  const translate = useTranslate();
  if (!record) return null;
  const { lengthMm, widthMm, heightMm } = record;
  if (lengthMm == null && widthMm == null && heightMm == null) return <Typography variant="body2">—</Typography>;
  const size = (value: number | null) => (value == null ? '?' : String(value));
  return (
    <Typography variant="body2" data-testid="product-dimensions">
      {translate('resources.products.dimensions', { length: size(lengthMm), width: size(widthMm), height: size(heightMm) })}
    </Typography>
  );
};

const PurchaseLimit = (_props: { label?: string }) => {
  const record = useRecordContext<Product>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.purchaseLimit == null) {
    return <Typography variant="body2">{translate('resources.products.no_limit')}</Typography>;
  }
  return <NumberField source="purchaseLimit" />;
};

export const ProductShow = () => (
  <Show actions={<Actions />}>
    <CardContent>
      <Stack spacing={3}>
        <Section title="resources.products.sections.identity" grid>
          <Labeled>
            <TextField source="sku" sx={{ fontFamily: MONO }} />
          </Labeled>
          <Labeled sx={{ gridColumn: { lg: 'span 2' } }}>
            <TextField source="name" />
          </Labeled>
          <Labeled>
            <BooleanField source="active" />
          </Labeled>
        </Section>
        <Divider />
        <Section title="resources.products.sections.specification" grid>
          <Labeled label="resources.products.fields.attributes" sx={{ gridColumn: { lg: 'span 2' } }}>
            <AttributeChips />
          </Labeled>
          <Labeled label="resources.products.fields.barcodes" sx={{ gridColumn: { lg: 'span 2' } }}>
            <BarcodeChips />
          </Labeled>
        </Section>
        <Divider />
        <Section title="resources.products.sections.logistics" grid>
          <Labeled>
            <NumberField source="weightGrams" emptyText="—" />
          </Labeled>
          <Labeled label="resources.products.fields.dimensions">
            <Dimensions />
          </Labeled>
        </Section>
        <Divider />
        <Section title="resources.products.sections.sales" grid>
          <Labeled label="resources.products.fields.price">
            <PriceField />
          </Labeled>
          <Labeled>
            <TextField source="currency" />
          </Labeled>
          <Labeled label="resources.products.fields.purchaseLimit">
            <PurchaseLimit />
          </Labeled>
        </Section>
        <Divider />
        <Section title="resources.products.sections.activity" grid>
          <Labeled>
            <LocaleDateField source="createdAt" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="updatedAt" />
          </Labeled>
        </Section>
      </Stack>
    </CardContent>
  </Show>
);

export default ProductShow;

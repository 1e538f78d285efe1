import { Box, InputAdornment, Typography } from '@mui/material';
import { useCallback, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  maxLength,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { CURRENCIES, currencyLabel, currencySymbol, DEFAULT_CURRENCY, minorDigits } from '../money';
import { barcodeList, cleanBarcodes, integer, priceDecimals, sku, uniqueAttributeNames } from '../validation';

const validateSku = [required(), sku];
const validateName = [required(), maxLength(300)];
const validateAttributeName = [required(), maxLength(50)];
const validateAttributeValue = [required(), maxLength(200)];
const validateSize = [integer, minValue(0)];
const validatePrice = [required(), minValue(0), priceDecimals];
const validateLimit = [integer, minValue(1)];

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 760, mb: 2 }}>
      <Typography variant="overline" color="text.secondary" component="h2">
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const grid = (columns: number) =>
  ({ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: `repeat(${columns}, 1fr)` } }) as const;

/** The price in major units of the chosen currency, with its symbol in front. */
const PriceInput = () => {
  const [locale] = useLocaleState();
  const currency = (useWatch({ name: 'currency' }) as string | undefined) ?? DEFAULT_CURRENCY;
  const digits = minorDigits(currency);
  // Written as money is (129.50, not 129.5) whenever the input is not being typed in.
  const format = useCallback(
    (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : ''),
    [digits],
  );
  return (
    <NumberInput
      source="price"
      format={format}
      validate={validatePrice}
      step={10 ** -digits}
      min={0}
      helperText="resources.products.helpers.price"
      data-testid="product-price-input"
      slotProps={{
        input: { startAdornment: <InputAdornment position="start">{currencySymbol(currency, locale)}</InputAdornment> },
      }}
    />
  );
};

const SizeInput = ({ source }: { source: string }) => (
  <NumberInput source={source} validate={validateSize} step={1} min={0} />
);

/** The inputs of a product, shared by create and edit. */
export const ProductFormFields = () => {
  const [locale] = useLocaleState();
  const currencies = CURRENCIES.map((code) => ({ id: code, name: currencyLabel(code, locale) }));
  return (
    <>
      <Section title="resources.products.sections.identity">
        <Box sx={grid(2)}>
          <TextInput source="sku" validate={validateSku} autoComplete="off" helperText="resources.products.helpers.sku" />
          <TextInput source="name" validate={validateName} autoComplete="off" />
        </Box>
        <BooleanInput source="active" helperText="resources.products.helpers.active" />
      </Section>
      <Section title="resources.products.sections.specification">
        <ArrayInput
          source="attributes"
          validate={uniqueAttributeNames}
          helperText="resources.products.helpers.attributes"
          data-testid="product-attributes-input"
        >
          <SimpleFormIterator inline disableReordering disableClear>
            <TextInput
              source="name"
              label="resources.products.fields.attribute_name"
              validate={validateAttributeName}
              helperText={false}
            />
            <TextInput
              source="value"
              label="resources.products.fields.attribute_value"
              validate={validateAttributeValue}
              helperText={false}
            />
          </SimpleFormIterator>
        </ArrayInput>
        <TextArrayInput
          source="barcodes"
          parse={cleanBarcodes}
          validate={barcodeList}
          helperText="resources.products.helpers.barcodes"
          fullWidth
          data-testid="product-barcodes-input"
        />
      </Section>
      <Section title="resources.products.sections.logistics">
        <Box sx={grid(4)}>
          <SizeInput source="weightGrams" />
          <SizeInput source="lengthMm" />
          <SizeInput source="widthMm" />
          <SizeInput source="heightMm" />
        </Box>
      </Section>
      <Section title="resources.products.sections.sales">
        <Box sx={grid(3)}>
          <SelectInput source="currency" choices={currencies} validate={required()} />
          <PriceInput />
          <NumberInput
            source="purchaseLimit"
            validate={validateLimit}
            step={1}
            min={1}
            helperText="resources.products.helpers.purchaseLimit"
          />
        </Box>
      </Section>
    </>
  );
};

import AddIcon from '@mui/icons-material/AddCircleOutlined';
import { Box, InputAdornment, Typography } from '@mui/material';
import { type ReactNode, useCallback } from 'react';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  Button,
  DateInput,
  email,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  useLocaleState,
  useSimpleFormIterator,
  useTranslate,
  type Validator,
} from 'react-admin';
import { currencySymbol, formatPrice, minorDigits } from '../../../money';
import { CURRENCIES, currencyLabel } from '../../products/money';
import { DEFAULT_ORDER_CURRENCY, estimateTotalMinor, type OrderFormValues } from '../form';
import { PAYMENT_METHODS, PRIORITY_LEVELS } from '../types';
import { AddressInputs } from './AddressInputs';

const integer: Validator = (value) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.orders.form.validation.integer' : undefined;

/** No more decimals than the order's currency has minor units. */
const decimals: Validator = (value, values) => {
  if (typeof value !== 'number') return undefined;
  const digits = minorDigits(typeof values?.currency === 'string' ? values.currency : DEFAULT_ORDER_CURRENCY);
  const scaled = value * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) > 1e-6 ? { message: 'resources.orders.form.validation.decimals', args: { digits } } : undefined;
};

const atLeastOneLine: Validator = (value) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'resources.orders.form.validation.no_lines';

const validateName = [required(), maxLength(100)];
const validatePhone = [required(), maxLength(40)];
const validateEmail = [email(), maxLength(200)];
const validateSku = [required(), maxLength(64)];
const validateQuantity = [required(), integer, minValue(1), maxValue(100000)];
const validatePrice = [required(), minValue(0), decimals];
const validateOptionalAmount = [minValue(0), decimals];

const PAYMENT_METHOD_CHOICES = PAYMENT_METHODS.map((id) => ({ id, name: `resources.orders.payment_methods.${id}` }));
const PRIORITY_CHOICES = PRIORITY_LEVELS.map(({ id, name }) => ({ id, name: `resources.orders.priorities.${name}` }));
const PAYMENT_STATUS_CHOICES = ['paid', 'pending'].map((id) => ({ id, name: `resources.orders.payment_statuses.${id}` }));

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 960, mb: 2 }}>
      <Typography variant="overline" color="text.secondary" component="h2">
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const grid = (columns: number) =>
  ({ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: `repeat(${columns}, minmax(0, 1fr))` } }) as const;

/** An amount typed in major units of the order's currency (¥12.50), its symbol in front. */
const AmountInput = ({
  source,
  label,
  validate,
  sx,
}: {
  source: string;
  label: string;
  validate: Validator[];
  sx?: Record<string, unknown>;
}) => {
  const [locale] = useLocaleState();
  const currency = (useWatch({ name: 'currency' }) as string | undefined) ?? DEFAULT_ORDER_CURRENCY;
  const digits = minorDigits(currency);
  const format = useCallback((value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : ''), [digits]);
  return (
    <NumberInput
      source={source}
      label={label}
      format={format}
      validate={validate}
      step={10 ** -digits}
      min={0}
      helperText={false}
      sx={sx}
      slotProps={{ input: { startAdornment: <InputAdornment position="start">{currencySymbol(currency, locale)}</InputAdornment> } }}
    />
  );
};

/** "Add item", in words: a lone plus sign is easy to miss under a row of inputs. */
const AddLineButton = () => {
  const { add } = useSimpleFormIterator();
  return (
    <Button label="resources.orders.form.add_line" onClick={() => add({ quantity: 1 })} data-testid="order-add-line">
      <AddIcon />
    </Button>
  );
};

const lineInput = (flex: string, minWidth: number) => ({ flex, minWidth });

/** The items: SKU, quantity, unit price and discount per row; shared by manual entry and the item editor. */
export const LineItemsInput = () => (
  <ArrayInput source="lines" label={false} validate={atLeastOneLine} data-testid="order-lines-input">
    <SimpleFormIterator inline fullWidth disableReordering disableClear addButton={<AddLineButton />}>
      <TextInput
        source="sku"
        label="resources.orders.lines.sku"
        validate={validateSku}
        helperText={false}
        autoComplete="off"
        sx={lineInput('2 1 0', 180)}
      />
      <NumberInput
        source="quantity"
        label="resources.orders.lines.quantity"
        validate={validateQuantity}
        step={1}
        min={1}
        helperText={false}
        sx={lineInput('0 0 96px', 96)}
      />
      <AmountInput source="unitPrice" label="resources.orders.form.unit_price" validate={validatePrice} sx={lineInput('1 1 0', 130)} />
      <AmountInput source="discount" label="resources.orders.form.discount" validate={validateOptionalAmount} sx={lineInput('1 1 0', 120)} />
    </SimpleFormIterator>
  </ArrayInput>
);

/** What the order will come to while the form is filled in; the server's figure is the one kept. */
const Estimate = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const values = useWatch() as OrderFormValues;
  const total = estimateTotalMinor(values);
  return (
    <Box sx={{ mt: 1 }} data-testid="order-form-estimate">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('resources.orders.form.estimate', {
          total: total === null ? '—' : formatPrice(total, values.currency ?? DEFAULT_ORDER_CURRENCY, locale),
        })}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('resources.orders.form.estimate_hint')}
      </Typography>
    </Box>
  );
};

/** The manual entry form: customer, address, items, amounts and payment, remark and tags. */
export const OrderFormFields = () => {
  const [locale] = useLocaleState();
  const currencies = CURRENCIES.map((code) => ({ id: code, name: currencyLabel(code, locale) }));
  return (
    <>
      <Section title="resources.orders.form.sections.customer">
        <Box sx={grid(3)}>
          <TextInput source="customer.name" validate={validateName} autoComplete="off" />
          <TextInput source="customer.phone" validate={validatePhone} autoComplete="off" helperText="resources.orders.form.helpers.phone" />
          <TextInput source="customer.email" validate={validateEmail} autoComplete="off" />
        </Box>
      </Section>
      <Section title="resources.orders.form.sections.address">
        <AddressInputs prefix="shippingAddress." streetOptional />
      </Section>
      <Section title="resources.orders.form.sections.lines">
        <LineItemsInput />
      </Section>
      <Section title="resources.orders.form.sections.payment">
        <Box sx={grid(3)}>
          <SelectInput source="currency" choices={currencies} validate={required()} />
          <AmountInput source="shippingFee" label="resources.orders.fields.shippingFee" validate={validateOptionalAmount} />
          <Box />
          <SelectInput source="payment.method" choices={PAYMENT_METHOD_CHOICES} validate={required()} />
          <SelectInput
            source="payment.status"
            choices={PAYMENT_STATUS_CHOICES}
            validate={required()}
            helperText="resources.orders.form.helpers.status"
          />
          <TextInput source="payment.reference" validate={maxLength(100)} autoComplete="off" />
        </Box>
        <Estimate />
      </Section>
      <Section title="resources.orders.form.sections.delivery">
        <Box sx={grid(3)}>
          <TextInput
            source="delivery.preferredCarrier"
            validate={maxLength(50)}
            helperText="resources.orders.form.helpers.carrier"
            autoComplete="off"
          />
          <DateInput source="delivery.promisedDate" helperText="resources.orders.form.helpers.promised_date" />
          <SelectInput source="priority" choices={PRIORITY_CHOICES} validate={required()} helperText="resources.orders.form.helpers.priority" />
        </Box>
        <TextInput source="delivery.instructions" validate={maxLength(500)} multiline minRows={2} fullWidth />
      </Section>
      <Section title="resources.orders.form.sections.other">
        <TextInput source="remark" validate={maxLength(1000)} multiline minRows={2} fullWidth />
        <TextArrayInput source="tags" helperText="resources.orders.form.helpers.tags" fullWidth />
      </Section>
    </>
  );
};

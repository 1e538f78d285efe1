import { Box } from '@mui/material';
import { maxLength, regex, required, TextInput } from 'react-admin';

const validateCountry = [required(), regex(/^[A-Za-z]{2}$/, 'resources.orders.form.validation.country')];
const validateRegion = [required(), maxLength(100)];
const validateStreet = [required(), maxLength(300)];

const grid = { display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' } } as const;

/**
 * A ship-to address under `prefix` (e.g. `shippingAddress.`), shared by manual entry and the
 * address dialog. Manual entry takes an order whose street is not known yet (`streetOptional`):
 * the audit holds it as an incomplete address until someone fills it in here.
 */
export const AddressInputs = ({ prefix = '', streetOptional = false }: { prefix?: string; streetOptional?: boolean }) => (
  <Box sx={grid}>
    <TextInput
      source={`${prefix}country`}
      label="resources.orders.fields.shippingAddress.country"
      validate={validateCountry}
      helperText="resources.orders.form.helpers.country"
      parse={(value: string) => (value ?? '').toUpperCase()}
      autoComplete="off"
    />
    <TextInput source={`${prefix}province`} label="resources.orders.fields.shippingAddress.province" validate={validateRegion} autoComplete="off" />
    <TextInput source={`${prefix}city`} label="resources.orders.fields.shippingAddress.city" validate={validateRegion} autoComplete="off" />
    <TextInput source={`${prefix}district`} label="resources.orders.fields.shippingAddress.district" validate={maxLength(100)} autoComplete="off" />
    <Box sx={{ gridColumn: { sm: 'span 2' } }}>
      <TextInput
        source={`${prefix}line1`}
        label="resources.orders.fields.shippingAddress.line1"
        validate={streetOptional ? maxLength(300) : validateStreet}
        helperText={streetOptional ? 'resources.orders.form.helpers.line1' : undefined}
        fullWidth
        autoComplete="off"
      />
    </Box>
    <TextInput source={`${prefix}line2`} label="resources.orders.fields.shippingAddress.line2" validate={maxLength(300)} autoComplete="off" />
    <TextInput source={`${prefix}postcode`} label="resources.orders.fields.shippingAddress.postcode" validate={maxLength(20)} autoComplete="off" />
  </Box>
);

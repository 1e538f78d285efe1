import { Box, InputAdornment, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteArrayInput,
  BooleanInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  regex,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useLocaleState,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { currencySymbol } from '../../../money';
import { FEE_CURRENCY, formatFee, parseFee } from '../fee';
import type { Warehouse } from '../types';
import { TYPE_CHOICES } from './WarehouseTypeField';

const integer = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.warehouses.validation.integer' : undefined;

const validateCode = [required(), regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'resources.warehouses.validation.code')];
const validateName = [required(), maxLength(200)];
const validateCountry = [required(), regex(/^[A-Z]{2}$/, 'resources.warehouses.validation.country')];
const validatePlace = [required(), maxLength(100)];
const validateOptionalPlace = [maxLength(100)];
const validateLine = [required(), maxLength(300)];
const validateOptionalLine = [maxLength(300)];
const validatePostcode = [maxLength(20)];
const validatePriority = [integer, minValue(0), maxValue(10000)];
const validateCutoff = [regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'resources.warehouses.validation.cutoff')];
const validateLat = [minValue(-90), maxValue(90)];
const validateLng = [minValue(-180), maxValue(180)];
const validateGrams = [required(), integer, minValue(1)];
const wholeFen = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.warehouses.validation.fee_decimals' : undefined;
const validateFee = [required(), wholeFen, minValue(0)];
const upperCase = (value: string | null) => (typeof value === 'string' ? value.toUpperCase() : value);

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 900, mb: 2 }}>
      <Typography variant="overline" color="text.secondary" component="h2">
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const grid = (columns: number) =>
  ({ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: `repeat(${columns}, 1fr)` } }) as const;

/** A virtual warehouse pools physical ones: pick them here. */
const MembersInput = () => {
  const type = useWatch({ name: 'type' }) as string | undefined;
  if (type !== 'virtual') return null;
  return (
    <Section title="resources.warehouses.sections.members">
      <ReferenceArrayInput source="memberIds" reference="warehouses" filter={{ type: 'physical' }} sort={{ field: 'priority', order: 'ASC' }}>
        <AutocompleteArrayInput
          validate={required()}
          helperText="resources.warehouses.helpers.memberIds"
          fullWidth
          data-testid="warehouse-members-input"
        />
      </ReferenceArrayInput>
      <TextInput source="channelId" helperText="resources.warehouses.helpers.channelId" sx={{ maxWidth: 420 }} />
    </Section>
  );
};

/** A cost line's fee, typed in yuan (12.50) and kept in fen (1250) as the API stores it. */
const FeeInput = ({ source }: { source: string }) => {
  const [locale] = useLocaleState();
  return (
    <NumberInput
      source={source}
      label="resources.warehouses.fields.feeMinor"
      format={formatFee}
      parse={parseFee}
      validate={validateFee}
      step={0.01}
      min={0}
      helperText={false}
      data-testid="warehouse-fee-input"
      slotProps={{
        input: { startAdornment: <InputAdornment position="start">{currencySymbol(FEE_CURRENCY, locale)}</InputAdornment> },
      }}
    />
  );
};

/** The inputs of a warehouse, shared by create and edit. */
export const WarehouseFormFields = () => (
  <>
    <Section title="resources.warehouses.sections.identity">
      <Box sx={grid(3)}>
        <TextInput source="code" validate={validateCode} autoComplete="off" helperText="resources.warehouses.helpers.code" />
        <TextInput source="name" validate={validateName} autoComplete="off" />
        <SelectInput source="type" choices={TYPE_CHOICES} validate={required()} data-testid="warehouse-type-input" />
      </Box>
      <Box sx={grid(3)}>
        <NumberInput source="priority" validate={validatePriority} step={1} min={0} helperText="resources.warehouses.helpers.priority" />
        <TextInput source="cutoffTime" validate={validateCutoff} placeholder="16:00" helperText="resources.warehouses.helpers.cutoffTime" />
        <BooleanInput source="active" helperText="resources.warehouses.helpers.active" />
      </Box>
    </Section>
    <MembersInput />
    <Section title="resources.warehouses.sections.address">
      <Box sx={grid(4)}>
        <TextInput source="address.country" validate={validateCountry} parse={upperCase} helperText="resources.warehouses.helpers.country" />
        <TextInput source="address.province" validate={validatePlace} />
        <TextInput source="address.city" validate={validatePlace} />
        <TextInput source="address.district" validate={validateOptionalPlace} />
      </Box>
      <Box sx={grid(3)}>
        <TextInput source="address.line1" validate={validateLine} />
        <TextInput source="address.line2" validate={validateOptionalLine} />
        <TextInput source="address.postcode" validate={validatePostcode} />
      </Box>
      <Box sx={grid(4)}>
        <NumberInput source="geo.lat" validate={validateLat} helperText="resources.warehouses.helpers.geo" />
        <NumberInput source="geo.lng" validate={validateLng} helperText={false} />
      </Box>
    </Section>
    <Section title="resources.warehouses.sections.regions">
      <ArrayInput source="regions" helperText="resources.warehouses.helpers.regions" data-testid="warehouse-regions-input">
        <SimpleFormIterator inline disableReordering disableClear>
          <TextInput source="country" label="resources.warehouses.fields.country" validate={validateCountry} parse={upperCase} helperText={false} />
          <TextInput source="province" label="resources.warehouses.fields.province" validate={validateOptionalPlace} helperText={false} />
          <TextInput source="postcodePrefix" label="resources.warehouses.fields.postcodePrefix" validate={validatePostcode} helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
    <Section title="resources.warehouses.sections.costs">
      <ArrayInput source="costTable" helperText="resources.warehouses.helpers.costTable" data-testid="warehouse-costs-input">
        <SimpleFormIterator inline disableReordering disableClear>
          <TextInput source="country" label="resources.warehouses.fields.country" validate={validateCountry} parse={upperCase} helperText={false} />
          <TextInput source="province" label="resources.warehouses.fields.province" validate={validateOptionalPlace} helperText={false} />
          <TextInput source="postcodePrefix" label="resources.warehouses.fields.postcodePrefix" validate={validatePostcode} helperText={false} />
          <NumberInput source="upToGrams" label="resources.warehouses.fields.upToGrams" validate={validateGrams} step={1} min={1} helperText={false} />
          <FeeInput source="feeMinor" />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
  </>
);

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** The form's values in the API's shape: no geo unless both coordinates, members only for a pool, no empty optionals. */
export const toWarehouseInput = (data: RaRecord): Partial<Warehouse> => {
  const { id: _id, createdAt: _created, updatedAt: _updated, geo, memberIds, channelId, ...rest } = data as RaRecord & Partial<Warehouse>;
  const strip = <T extends object>(row: T): T =>
    Object.fromEntries(Object.entries(row).filter(([, value]) => !blank(value))) as T;
  return {
    ...rest,
    address: rest.address ? strip(rest.address) : rest.address,
    regions: (rest.regions ?? []).map(strip),
    costTable: (rest.costTable ?? []).map(strip),
    geo: geo && !blank(geo.lat) && !blank(geo.lng) ? { lat: Number(geo.lat), lng: Number(geo.lng) } : null,
    memberIds: rest.type === 'virtual' ? (memberIds ?? []) : [],
    channelId: rest.type === 'virtual' && !blank(channelId) ? channelId : null,
    cutoffTime: blank(rest.cutoffTime) ? null : rest.cutoffTime,
  };
};

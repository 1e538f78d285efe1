import {
  DateInput,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { toMajor, toMinor } from '../../../money';
import { DEFAULT_ORDER_CURRENCY } from '../form';
import type { Warehouse } from '../../warehouses/types';
import { FLAG_CODES, MANUAL_CHANNEL_ID, ORDER_STATUSES } from '../types';

const STATUS_CHOICES = ORDER_STATUSES.map((id) => ({ id, name: `resources.orders.statuses.${id}` }));
const FLAG_CHOICES = FLAG_CODES.map((id) => ({ id, name: `resources.orders.flag_codes.${id}` }));
const CHANNEL_CHOICES = [{ id: MANUAL_CHANNEL_ID, name: 'resources.orders.channels.manual' }];

/** A day picked in the interface is a day in the user's time zone: its first and its last instant. */
const startOfDay = (value: string | null) => (value ? new Date(`${value}T00:00:00`).toISOString() : null);
const endOfDay = (value: string | null) => (value ? new Date(`${value}T23:59:59.999`).toISOString() : null);

/** The amount filters are typed in yuan and sent in fen, like every amount of the shop. */
const toMinorFilter = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? toMinor(value, DEFAULT_ORDER_CURRENCY) : null;
const toMajorFilter = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? String(toMajor(value, DEFAULT_ORDER_CURRENCY)) : '';

/** Exact-match filters: spaces around are a slip, and numbers and emails are matched as stored. */
const trimmed = (value: string | null) => (value ?? '').trim();
const upperCase = (value: string | null) => trimmed(value).toUpperCase();
const lowerCase = (value: string | null) => trimmed(value).toLowerCase();

/** Warehouses that ship (a virtual one only pools others), by their code and name. */
const warehouseName = (warehouse: Warehouse) => `${warehouse.code} · ${warehouse.name}`;
const SHIPPING_WAREHOUSES = { type: ['physical', 'third_party'] };

const Search = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.orders.search_hint')} sx={{ minWidth: 340 }} />;
};

export const orderFilters = [
  <Search key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="hasException" source="hasException" alwaysOn sx={{ minWidth: 180 }} />,
  <SelectArrayInput key="status" source="status" choices={STATUS_CHOICES} sx={{ minWidth: 200 }} />,
  <SelectInput key="channelId" source="channelId" choices={CHANNEL_CHOICES} emptyText="" />,
  <ReferenceInput
    key="warehouseId"
    source="warehouseId"
    reference="warehouses"
    filter={SHIPPING_WAREHOUSES}
    sort={{ field: 'priority', order: 'ASC' }}
    perPage={100}
  >
    <SelectInput label="resources.orders.fields.warehouseId" optionText={warehouseName} emptyText="" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <TextInput key="number" source="number" parse={upperCase} />,
  <TextInput key="externalNumber" source="externalNumber" parse={trimmed} />,
  <TextInput key="customerName" source="customerName" label="resources.orders.filters.customerName" />,
  <TextInput key="customerPhone" source="customerPhone" label="resources.orders.filters.customerPhone" parse={trimmed} />,
  <TextInput key="customerEmail" source="customerEmail" label="resources.orders.filters.customerEmail" parse={lowerCase} />,
  <DateInput key="createdAt_gte" source="createdAt_gte" parse={startOfDay} />,
  <DateInput key="createdAt_lte" source="createdAt_lte" parse={endOfDay} />,
  <DateInput key="paidAt_gte" source="paidAt_gte" parse={startOfDay} />,
  <DateInput key="paidAt_lte" source="paidAt_lte" parse={endOfDay} />,
  <DateInput key="shippedAt_gte" source="shippedAt_gte" parse={startOfDay} />,
  <DateInput key="shippedAt_lte" source="shippedAt_lte" parse={endOfDay} />,
  <TextInput key="sku" source="sku" />,
  <TextInput key="tag" source="tag" />,
  <SelectInput key="flag" source="flag" choices={FLAG_CHOICES} emptyText="" />,
  <NumberInput key="totalMinor_gte" source="totalMinor_gte" parse={toMinorFilter} format={toMajorFilter} min={0} />,
  <NumberInput key="totalMinor_lte" source="totalMinor_lte" parse={toMinorFilter} format={toMajorFilter} min={0} />,
];

import { Divider, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  DataTable,
  EditButton,
  Labeled,
  ListButton,
  NumberField,
  ReferenceArrayField,
  Show,
  SingleFieldList,
  ChipField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { LocaleDateField } from '../../components/LocaleDateField';
import { MONO, Section } from '../../components/ShowSection';
import { formatPrice } from '../../money';
import { BinStockTab } from '../bin-stock/BinStockTab';
import { BinsTab } from '../bins/BinsTab';
import { WarehouseTypeField } from './components/WarehouseTypeField';
import { FEE_CURRENCY } from './fee';
import type { CostLine, Warehouse } from './types';

const StockLink = () => {
  const record = useRecordContext<Warehouse>();
  const translate = useTranslate();
  if (!record || record.type === 'virtual') return null;
  const filter = encodeURIComponent(JSON.stringify({ warehouseId: record.id }));
  return (
    <Typography variant="body2" component={Link} to={`/stock-levels?filter=${filter}`} data-testid="warehouse-stock-link">
      {translate('resources.warehouses.actions.stock')}
    </Typography>
  );
};

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
  </TopToolbar>
);

const AddressField = (_props: { label?: string }) => {
  const record = useRecordContext<Warehouse>();
  if (!record?.address) return null;
  const { country, province, city, district, line1, line2, postcode } = record.address;
  return (
    <Typography variant="body2" data-testid="warehouse-address">
      {[country, province, city, district, line1, line2, postcode].filter(Boolean).join(' ')}
    </Typography>
  );
};

const GeoField = (_props: { label?: string }) => {
  const record = useRecordContext<Warehouse>();
  if (!record) return null;
  return <Typography variant="body2">{record.geo ? `${record.geo.lat}, ${record.geo.lng}` : '—'}</Typography>;
};

const Empty = ({ source }: { source: 'regions' | 'costTable' }) => {
  const record = useRecordContext<Warehouse>();
  const translate = useTranslate();
  if (record && (record[source] ?? []).length > 0) return null;
  return <Typography variant="body2">{translate('resources.warehouses.none')}</Typography>;
};

/** A cost line's fee as money (¥12.50); stored in fen. */
const FeeField = (_props: { label?: string }) => {
  const line = useRecordContext<CostLine>();
  const [locale] = useLocaleState();
  if (typeof line?.feeMinor !== 'number') return null;
  return <span data-testid="warehouse-cost-fee">{formatPrice(line.feeMinor, FEE_CURRENCY, locale)}</span>;
};

const IsVirtual = ({ children }: { children: React.ReactNode }) => {
  const record = useRecordContext<Warehouse>();
  return record?.type === 'virtual' ? <>{children}</> : null;
};

/** Identity, address, regions, costs and history. */
const WarehouseDetails = (_props: { label?: string | false }) => (
  <Stack spacing={3} sx={{ pt: 1 }}>
    <Section title="resources.warehouses.sections.identity" grid>
      <Labeled>
        <TextField source="code" sx={{ fontFamily: MONO }} data-testid="warehouse-code" />
      </Labeled>
      <Labeled>
        <TextField source="name" />
      </Labeled>
      <Labeled source="type">
        <WarehouseTypeField />
      </Labeled>
      <Labeled>
        <BooleanField source="active" />
      </Labeled>
      <Labeled>
        <NumberField source="priority" />
      </Labeled>
      <Labeled>
        <TextField source="cutoffTime" emptyText="—" />
      </Labeled>
      <StockLink />
    </Section>
    <IsVirtual>
      <Divider />
      <Section title="resources.warehouses.sections.members">
        <ReferenceArrayField source="memberIds" reference="warehouses">
          <SingleFieldList linkType="show">
            <ChipField source="name" data-testid="warehouse-member-chip" />
          </SingleFieldList>
        </ReferenceArrayField>
        <Labeled source="channelId">
          <TextField source="channelId" emptyText="—" />
        </Labeled>
      </Section>
    </IsVirtual>
    <Divider />
    <Section title="resources.warehouses.sections.address" grid>
      <Labeled label="resources.warehouses.fields.address" sx={{ gridColumn: { lg: 'span 3' } }}>
        <AddressField />
      </Labeled>
      <Labeled label="resources.warehouses.fields.geo">
        <GeoField />
      </Labeled>
    </Section>
    <Divider />
    <Section title="resources.warehouses.sections.regions">
      <Empty source="regions" />
      <ArrayField source="regions">
        <DataTable bulkActionButtons={false} data-testid="warehouse-regions" empty={<></>}>
          <DataTable.Col source="country" label="resources.warehouses.fields.country" />
          <DataTable.Col source="province" label="resources.warehouses.fields.province" />
          <DataTable.Col source="postcodePrefix" label="resources.warehouses.fields.postcodePrefix" />
        </DataTable>
      </ArrayField>
    </Section>
    <Divider />
    <Section title="resources.warehouses.sections.costs">
      <Empty source="costTable" />
      <ArrayField source="costTable">
        <DataTable bulkActionButtons={false} data-testid="warehouse-costs" empty={<></>}>
          <DataTable.Col source="country" label="resources.warehouses.fields.country" />
          <DataTable.Col source="province" label="resources.warehouses.fields.province" />
          <DataTable.Col source="postcodePrefix" label="resources.warehouses.fields.postcodePrefix" />
          <DataTable.NumberCol source="upToGrams" label="resources.warehouses.fields.upToGrams" />
          <DataTable.Col source="feeMinor" label="resources.warehouses.fields.feeMinor" align="right">
            <FeeField />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </Section>
    <Divider />
    <Section title="resources.warehouses.sections.activity" grid>
      <Labeled>
        <LocaleDateField source="createdAt" />
      </Labeled>
      <Labeled>
        <LocaleDateField source="updatedAt" />
      </Labeled>
    </Section>
  </Stack>
);

/**
 * A physical warehouse also shows its bins and its put-away work (the latter to whoever may
 * read stock); the tabs have their own addresses (…/show/bins, …/show/stock).
 */
const WarehouseTabs = () => {
  const record = useRecordContext<Warehouse>();
  // Asked about this warehouse's stock: without a record the check would take the warehouse itself.
  const { canAccess: canReadStock } = useCanAccess({
    resource: 'stock-levels',
    action: 'list',
    record: record ? { warehouseId: record.id } : undefined,
  });
  if (!record) return null;
  const physical = record.type === 'physical';
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.warehouses.tabs.details" data-testid="warehouse-tab-details">
        <WarehouseDetails label={false} />
      </TabbedShowLayout.Tab>
      {physical ? (
        <TabbedShowLayout.Tab label="resources.warehouses.tabs.bins" path="bins" data-testid="warehouse-tab-bins">
          <BinsTab label={false} />
        </TabbedShowLayout.Tab>
      ) : null}
      {physical && canReadStock ? (
        <TabbedShowLayout.Tab label="resources.warehouses.tabs.stock" path="stock" data-testid="warehouse-tab-stock">
          <BinStockTab label={false} />
        </TabbedShowLayout.Tab>
      ) : null}
    </TabbedShowLayout>
  );
};

export const WarehouseShow = () => (
  <Show actions={<Actions />}>
    <WarehouseTabs />
  </Show>
);

export default WarehouseShow;

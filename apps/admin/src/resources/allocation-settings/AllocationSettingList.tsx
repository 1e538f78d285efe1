import { Chip, Stack } from '@mui/material';
import {
  ChipField,
  DataTable,
  List,
  ReferenceArrayField,
  SingleFieldList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
import { MONO } from '../../components/ShowSection';
import type { AllocationSetting } from './types';

const Column = DataTable.Col<AllocationSetting>;

const Scope = () => {
  const record = useRecordContext<AllocationSetting>();
  const translate = useTranslate();
  if (!record) return null;
  return record.id === 'default' ? (
    <strong>{translate('resources.allocation-settings.default_scope')}</strong>
  ) : (
    <span style={{ fontFamily: MONO }}>{translate('resources.allocation-settings.channel_scope', { id: record.id })}</span>
  );
};

/** The strategies in the order they apply: 1. nearest → 2. priority. */
const Strategies = () => {
  const record = useRecordContext<AllocationSetting>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      {record.strategies.map((s, i) => (
        <Chip key={s} size="small" label={`${i + 1}. ${translate(`resources.allocation-settings.strategies.${s}`)}`} />
      ))}
    </Stack>
  );
};

const Policy = () => {
  const record = useRecordContext<AllocationSetting>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.allocation-settings.policies.${record.shortagePolicy}`)}</> : null;
};

const Warehouses = () => {
  const record = useRecordContext<AllocationSetting>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.warehouseIds.length) return <>{translate('resources.allocation-settings.all_warehouses')}</>;
  return (
    <ReferenceArrayField source="warehouseIds" reference="warehouses">
      <SingleFieldList linkType={false}>
        <ChipField source="code" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};

export const AllocationSettingList = () => (
  <List perPage={25} exporter={false} sort={{ field: 'id', order: 'ASC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="id" label="resources.allocation-settings.fields.scope" disableSort>
        <Scope />
      </Column>
      <Column source="strategies" disableSort>
        <Strategies />
      </Column>
      <Column source="shortagePolicy" disableSort>
        <Policy />
      </Column>
      <Column source="warehouseIds" disableSort>
        <Warehouses />
      </Column>
      <Column source="updatedAt">
        <LocaleDateField source="updatedAt" showTime />
      </Column>
    </DataTable>
  </List>
);

export default AllocationSettingList;

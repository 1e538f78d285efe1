import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import { MONO } from '../../components/ShowSection';
import { TYPE_CHOICES, WarehouseTypeField } from './components/WarehouseTypeField';
import type { Warehouse } from './types';

const Search = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.warehouses.search_hint')} />;
};

const filters = [
  <Search key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={TYPE_CHOICES} emptyText="" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

const Column = DataTable.Col<Warehouse>;
const nowrap = { whiteSpace: 'nowrap' } as const;
const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

export const WarehouseList = () => (
  <List sort={{ field: 'priority', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
      <Column source="code" sx={nowrap}>
        <TextField source="code" sx={{ fontFamily: MONO, fontWeight: 500 }} />
      </Column>
      <Column source="name" sx={{ minWidth: 160 }} />
      <Column source="type" sx={nowrap}>
        <WarehouseTypeField />
      </Column>
      <Column source="address.province" disableSort sx={nowrap} />
      <Column source="address.city" disableSort sx={{ width: '100%' }} />
      <DataTable.NumberCol source="priority" />
      <Column source="cutoffTime" disableSort>
        <TextField source="cutoffTime" emptyText="—" />
      </Column>
      <Column source="active" align="center">
        <BooleanField source="active" />
      </Column>
    </DataTable>
  </List>
);

export default WarehouseList;

import { DataTable, List, NullableBooleanInput, NumberField, SearchInput, TextField } from 'react-admin';
import { BuiltInBadge } from './components/BuiltInBadge';
import type { Role } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="builtIn" source="builtIn" alwaysOn />,
];

const Column = DataTable.Col<Role>;

const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

export const RoleList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
      <Column source="name" sx={{ whiteSpace: 'nowrap' }}>
        <TextField source="name" sx={{ fontWeight: 500 }} />
      </Column>
      <Column source="description" disableSort sx={{ width: '100%', color: 'text.secondary' }} />
      <Column source="builtIn" disableSort>
        <BuiltInBadge />
      </Column>
      <Column source="userCount" align="right" disableSort>
        <NumberField source="userCount" />
      </Column>
    </DataTable>
  </List>
);

export default RoleList;

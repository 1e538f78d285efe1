import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { RoleChips } from './components/RoleChips';
import { UserStatusField } from './components/UserStatusField';
import type { User } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
  <ReferenceInput key="roleId" source="roleId" reference="roles" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" emptyText="" />
  </ReferenceInput>,
];

const Column = DataTable.Col<User>;

const nowrap = { whiteSpace: 'nowrap' } as const;

const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

export const UserList = () => (
  <List sort={{ field: 'email', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
      <Column source="email" sx={nowrap}>
        <TextField source="email" sx={{ fontWeight: 500 }} />
      </Column>
      <Column source="name" sx={nowrap} />
      <Column source="roleIds" disableSort sx={{ width: '100%' }}>
        <RoleChips link={false} />
      </Column>
      <Column source="active" align="center">
        <BooleanField source="active" />
      </Column>
      <Column source="lastSignInAt" sx={nowrap}>
        <LocaleDateField source="lastSignInAt" options={DATE_TIME_MINUTES} emptyText="—" />
      </Column>
      <Column label="" disableSort>
        <UserStatusField />
      </Column>
    </DataTable>
  </List>
);

export default UserList;

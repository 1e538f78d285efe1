import { CardContent, Divider, Stack } from '@mui/material';
import {
  EditButton,
  Labeled,
  ListButton,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
import { FieldGrid, Section } from '../../components/ShowSection';
import { BuiltInBadge } from './components/BuiltInBadge';
import { PermissionEditor } from './components/PermissionEditor';
import type { Role } from './types';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
  </TopToolbar>
);

const Permissions = () => {
  const record = useRecordContext<Role>();
  if (!record) return null;
  return (
    <Section title="resources.roles.fields.permissions" testId="permission-editor">
      <PermissionEditor rules={record.permissions ?? []} />
    </Section>
  );
};

export const RoleShow = () => (
  <Show actions={<Actions />}>
    <CardContent>
      <Stack spacing={3}>
        <FieldGrid>
          <Labeled label="resources.roles.fields.name">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField source="name" />
              <BuiltInBadge />
            </Stack>
          </Labeled>
          <Labeled>
            <NumberField source="userCount" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="createdAt" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="updatedAt" />
          </Labeled>
          <Labeled sx={{ gridColumn: '1 / -1' }}>
            <TextField source="description" emptyText="—" />
          </Labeled>
        </FieldGrid>
        <Divider />
        <Permissions />
      </Stack>
    </CardContent>
  </Show>
);

export default RoleShow;

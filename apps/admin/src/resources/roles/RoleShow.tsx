import { Box, CardContent, Divider, Stack, Typography } from '@mui/material';
import {
  EditButton,
  Labeled,
  ListButton,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
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
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box data-testid="permission-editor">
      <Typography variant="overline" color="text.secondary">
        {translate('resources.roles.fields.permissions')}
      </Typography>
      <PermissionEditor rules={record.permissions ?? []} />
    </Box>
  );
};

export const RoleShow = () => (
  <Show actions={<Actions />}>
    <CardContent>
      <Stack spacing={3}>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' },
          }}
        >
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
        </Box>
        <Divider />
        <Permissions />
      </Stack>
    </CardContent>
  </Show>
);

export default RoleShow;

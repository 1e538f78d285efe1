import { CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import {
  BooleanField,
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
import { Section } from '../../components/ShowSection';
import { ResetPasswordButton } from './components/ResetPasswordButton';
import { RoleChips } from './components/RoleChips';
import { UnlockButton } from './components/UnlockButton';
import { UserStatusField } from './components/UserStatusField';
import type { User } from './types';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <UnlockButton />
    <ResetPasswordButton />
    <EditButton />
  </TopToolbar>
);

const Ids = ({ source }: { source: 'warehouseIds' | 'channelIds'; label?: string }) => {
  const record = useRecordContext<User>();
  const ids = record?.[source] ?? [];
  if (ids.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {ids.map((id) => (
        <Chip key={id} size="small" variant="outlined" label={id} sx={{ fontFamily: 'monospace' }} />
      ))}
    </Stack>
  );
};

const Locale = (_props: { label?: string }) => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  if (!record) return null;
  return <Typography variant="body2">{translate(`resources.users.locales.${record.locale}`, { _: record.locale })}</Typography>;
};

export const UserShow = () => (
  <Show actions={<Actions />}>
    <CardContent>
      <Stack spacing={3}>
        <Section title="resources.users.sections.account" grid>
          <Labeled>
            <TextField source="email" />
          </Labeled>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <Labeled label="resources.users.fields.locale">
            <Locale />
          </Labeled>
          <Labeled>
            <BooleanField source="active" />
          </Labeled>
        </Section>
        <Divider />
        <Section title="resources.users.sections.access" grid>
          <Labeled label="resources.users.fields.roleIds" sx={{ gridColumn: '1 / -1' }}>
            <RoleChips />
          </Labeled>
          <Labeled label="resources.users.fields.warehouseIds" sx={{ gridColumn: { lg: 'span 2' } }}>
            <Ids source="warehouseIds" />
          </Labeled>
          <Labeled label="resources.users.fields.channelIds" sx={{ gridColumn: { lg: 'span 2' } }}>
            <Ids source="channelIds" />
          </Labeled>
        </Section>
        <Divider />
        <Section title="resources.users.sections.activity" grid>
          <Labeled>
            <LocaleDateField source="lastSignInAt" emptyText="—" />
          </Labeled>
          <Labeled>
            <NumberField source="signInCount" />
          </Labeled>
          <Labeled label="resources.users.fields.lockedUntil">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <LocaleDateField source="lockedUntil" emptyText="—" />
              <UserStatusField />
            </Stack>
          </Labeled>
          <Labeled>
            <LocaleDateField source="createdAt" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="updatedAt" />
          </Labeled>
        </Section>
      </Stack>
    </CardContent>
  </Show>
);

export default UserShow;

import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { isLocked, type User } from '../types';

/** "Locked" while sign-ins are refused, "Disabled" for an inactive account; nothing otherwise. */
export const UserStatusField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  if (!record) return null;
  const locked = isLocked(record);
  return (
    <Stack direction="row" spacing={0.5}>
      {locked && (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label={translate('resources.users.statuses.locked')}
          data-testid="user-locked-badge"
        />
      )}
      {!record.active && (
        <Chip
          size="small"
          variant="outlined"
          label={translate('resources.users.statuses.disabled')}
          data-testid="user-disabled-badge"
        />
      )}
    </Stack>
  );
};

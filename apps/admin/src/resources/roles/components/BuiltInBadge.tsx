import LockIcon from '@mui/icons-material/LockOutlined';
import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { isAdministrator, type Role } from '../types';

/** "Built-in" on the roles every installation starts with, and "Cannot be changed" on the Administrator. */
export const BuiltInBadge = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Role>();
  const translate = useTranslate();
  if (!record?.builtIn) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      <Chip
        size="small"
        color="primary"
        variant="outlined"
        label={translate('resources.roles.badges.built_in')}
        data-testid="role-built-in-badge"
      />
      {isAdministrator(record) && (
        <Chip
          size="small"
          variant="outlined"
          icon={<LockIcon />}
          label={translate('resources.roles.badges.locked')}
          data-testid="role-locked-badge"
        />
      )}
    </Stack>
  );
};

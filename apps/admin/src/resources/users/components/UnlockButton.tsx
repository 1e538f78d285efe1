import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { translateError } from '../../../errors';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { isLocked, type User } from '../types';

/** Lets a user locked out after too many failed sign-ins sign in again (`POST /api/users/:id/unlock`). */
export const UnlockButton = () => {
  const record = useRecordContext<User>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
  const { mutate, isPending } = useMutation({
    mutationFn: (id: User['id']) => dataProvider.unlockUser(id),
    onSuccess: ({ data }) => {
      notify('resources.users.notifications.unlocked', { type: 'success', messageArgs: { name: data.name || data.email } });
      refresh();
    },
    onError: (error) =>
      notify('resources.users.notifications.unlock_failed', {
        type: 'error',
        messageArgs: { error: translateError(translate, error) },
      }),
  });
  if (!record || !canAccess || !isLocked(record)) return null;
  const date = new Date(record.lockedUntil!).toLocaleString(locale);
  return (
    <Tooltip title={translate('resources.users.actions.unlock_hint', { date })}>
      <span>
        <Button
          label="resources.users.actions.unlock"
          onClick={() => mutate(record.id)}
          disabled={isPending}
          data-testid="unlock-button"
        >
          <LockOpenIcon />
        </Button>
      </span>
    </Tooltip>
  );
};

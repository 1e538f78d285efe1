import KeyIcon from '@mui/icons-material/Key';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  PasswordInput,
  required,
  SaveButton,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { translateError } from '../../../errors';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { PASSWORD_MIN_LENGTH, strongPassword } from '../../../validation';
import type { User } from '../types';

const validatePassword = [required(), strongPassword];

/** Sets a new password for another user (`POST /api/users/:id/reset-password`), in a dialog. */
export const ResetPasswordButton = () => {
  const record = useRecordContext<User>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
  if (!record || !canAccess) return null;
  const name = record.name || record.email;

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.resetUserPassword(record.id, String(values.password));
    } catch (error) {
      // Field errors (a weak password) go under the input; anything else is a notification.
      const errors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
      if (errors) return errors;
      notify('resources.users.notifications.reset_failed', {
        type: 'error',
        messageArgs: { error: translateError(translate, error) },
      });
      return undefined;
    }
    setOpen(false);
    notify('resources.users.notifications.password_reset', { type: 'success', messageArgs: { name } });
    refresh();
    return undefined;
  };

  return (
    <>
      <Button label="resources.users.actions.reset_password" onClick={() => setOpen(true)} data-testid="reset-password-button">
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" data-testid="reset-password-dialog">
        <Form onSubmit={submit} record={{}}>
          <DialogTitle>{translate('resources.users.actions.reset_password_title', { name })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('resources.users.actions.reset_password_body')}</DialogContentText>
            <PasswordInput
              source="password"
              label="resources.users.fields.password"
              validate={validatePassword}
              helperText={translate('app.validation.password_hint', { min: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              autoFocus
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton
              label="resources.users.actions.reset_password_confirm"
              icon={<KeyIcon />}
              alwaysEnable
              data-testid="reset-password-submit"
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

import PasswordIcon from '@mui/icons-material/Password';
import { Box, Card, CardContent, Typography } from '@mui/material';
import {
  Form,
  PasswordInput,
  required,
  SaveButton,
  Title,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { OmsDataProvider } from '../providers/dataProvider';
import { PASSWORD_MIN_LENGTH, strongPassword } from '../validation';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: unknown, values: Partial<Values>) =>
  value && value !== values.newPassword ? 'app.change_password.mismatch' : undefined;

const validateCurrent = [required()];
const validateNew = [required(), strongPassword];
const validateConfirm = [required(), sameAsNew];

/** The signed-in user changes their own password (`POST /api/auth/change-password`). */
export const ChangePassword = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const navigate = useNavigate();

  const submit = async (values: Partial<Values>) => {
    try {
      await dataProvider.changePassword({
        currentPassword: values.currentPassword ?? '',
        newPassword: values.newPassword ?? '',
      });
    } catch (error) {
      // A wrong current password or a weak new one shows under its input.
      const errors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
      if (errors) return errors;
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
    notify('app.change_password.done', { type: 'success' });
    navigate('/');
    return undefined;
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 520 }} data-testid="change-password">
      <Title title={translate('app.change_password.title')} />
      <Card>
        <Form onSubmit={submit} record={{}}>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {translate('app.change_password.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('app.change_password.hint')}
            </Typography>
            <PasswordInput
              source="currentPassword"
              label="app.change_password.current"
              validate={validateCurrent}
              autoComplete="current-password"
              fullWidth
            />
            <PasswordInput
              source="newPassword"
              label="app.change_password.new"
              validate={validateNew}
              helperText={translate('app.validation.password_hint', { min: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              fullWidth
            />
            <PasswordInput
              source="confirmPassword"
              label="app.change_password.confirm"
              validate={validateConfirm}
              autoComplete="new-password"
              fullWidth
            />
            <SaveButton
              label="app.change_password.submit"
              icon={<PasswordIcon />}
              alwaysEnable
              sx={{ mt: 1 }}
              data-testid="change-password-submit"
            />
          </CardContent>
        </Form>
      </Card>
    </Box>
  );
};

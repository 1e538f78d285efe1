import { Box, Typography } from '@mui/material';
import { email, Login, LocalesMenuButton, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';
import { DocumentLanguage } from '../components/DocumentLanguage';

/** Email + password sign-in (react-admin's default form asks for a username). */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <DocumentLanguage />
      <Box sx={{ textAlign: 'center', px: 2, pt: 1 }}>
        <Typography variant="h6" component="h1">
          {translate('app.login.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.subtitle')}
        </Typography>
      </Box>
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        <Typography variant="caption" color="text.secondary">
          {translate('app.login.hint')}
        </Typography>
      </LoginForm>
      <Box data-testid="locale-switch" sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};

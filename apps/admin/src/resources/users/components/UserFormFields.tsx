import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  BooleanInput,
  email,
  PasswordInput,
  ReferenceArrayInput,
  required,
  SelectInput,
  TextArrayInput,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { cleanIds, PASSWORD_MIN_LENGTH, strongPassword, uuidList } from '../../../validation';
import { USER_LOCALES } from '../types';

const LOCALE_CHOICES = USER_LOCALES.map((locale) => ({ id: locale, name: `resources.users.locales.${locale}` }));

const validateEmail = [required(), email()];
const validateName = [required()];
const validatePassword = [required(), strongPassword];

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 720, mb: 2 }}>
      <Typography variant="overline" color="text.secondary" component="h2">
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const grid = { display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } } as const;

/** The inputs of a user, shared by create (with the first password) and edit. */
export const UserFormFields = ({ withPassword = false }: { withPassword?: boolean }) => {
  const translate = useTranslate();
  // A new user starts in the language of whoever creates the account.
  const [locale] = useLocaleState();
  return (
    <>
      <Section title="resources.users.sections.account">
        <Box sx={grid}>
          <TextInput source="email" type="email" validate={validateEmail} autoComplete="off" />
          <TextInput source="name" validate={validateName} />
          {withPassword && (
            <PasswordInput
              source="password"
              validate={validatePassword}
              autoComplete="new-password"
              helperText={translate('app.validation.password_hint', { min: PASSWORD_MIN_LENGTH })}
            />
          )}
          <SelectInput source="locale" choices={LOCALE_CHOICES} defaultValue={locale} validate={required()} />
        </Box>
        <BooleanInput source="active" defaultValue helperText="resources.users.helpers.active" />
      </Section>
      <Section title="resources.users.sections.access">
        <ReferenceArrayInput source="roleIds" reference="roles" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
          <AutocompleteArrayInput optionText="name" fullWidth data-testid="user-roles-input" />
        </ReferenceArrayInput>
        <TextArrayInput
          source="warehouseIds"
          parse={cleanIds}
          validate={uuidList}
          helperText="resources.users.helpers.warehouseIds"
          fullWidth
          data-testid="user-warehouses-input"
        />
        <TextArrayInput
          source="channelIds"
          parse={cleanIds}
          validate={uuidList}
          helperText="resources.users.helpers.channelIds"
          fullWidth
          data-testid="user-channels-input"
        />
      </Section>
    </>
  );
};

import { Box } from '@mui/material';
import { required, TextInput, useRecordContext } from 'react-admin';
import { isAdministrator, type Role } from '../types';
import { PermissionInput } from './PermissionInput';

const validateName = [required()];

/** Name, description and the permission editor (read-only for the Administrator role). */
export const RoleFormFields = () => {
  const record = useRecordContext<Role>();
  return (
    <>
      <Box sx={{ width: '100%', maxWidth: 720 }}>
        <TextInput source="name" validate={validateName} fullWidth />
        <TextInput source="description" multiline minRows={2} fullWidth />
      </Box>
      <PermissionInput readOnly={isAdministrator(record)} />
    </>
  );
};

import PasswordIcon from '@mui/icons-material/Password';
import { Box, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  ToggleThemeButton,
  UserMenu,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link } from 'react-router-dom';

const ChangePasswordItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/change-password" onClick={userMenu?.onClose} data-testid="user-menu-change-password">
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.change_password.title')}</ListItemText>
    </MenuItem>
  );
};

/** Title, language switch, theme toggle, refresh and the user menu (change password, sign out). */
export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <Box data-testid="locale-switch">
          <LocalesMenuButton />
        </Box>
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
    userMenu={
      <UserMenu>
        <ChangePasswordItem />
        <Logout />
      </UserMenu>
    }
  >
    <TitlePortal />
  </RaAppBar>
);

import { Box } from '@mui/material';
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, ToggleThemeButton } from 'react-admin';

/** Title, language switch, theme toggle, refresh and the user menu. */
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
  >
    <TitlePortal />
  </RaAppBar>
);

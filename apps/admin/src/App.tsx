import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { Layout } from './layout/Layout';
import { PLANNED_MODULES } from './layout/navigation';
import { ComingSoon } from './pages/ComingSoon';
import { Dashboard } from './pages/Dashboard';
import { LoginPage } from './pages/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import deadLetters from './resources/dead-letters';
import { createStore } from './store';
import { darkTheme, lightTheme } from './theme';

const store = createStore();

export const App = () => (
  <Admin
    title="OMS"
    disableTelemetry
    requireAuth
    store={store}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={Layout}
    theme={lightTheme}
    darkTheme={darkTheme}
    defaultTheme="light"
  >
    <Resource name="dead-letters" {...deadLetters} />
    <CustomRoutes>
      {PLANNED_MODULES.map((entry) => (
        <Route key={entry.key} path={entry.path} element={<ComingSoon module={entry.key} />} />
      ))}
    </CustomRoutes>
  </Admin>
);

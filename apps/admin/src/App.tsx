import { Admin, CanAccess, CustomRoutes, Resource } from 'react-admin';
import { Navigate, Route } from 'react-router-dom';
import { Layout } from './layout/Layout';
import { PLANNED_MODULES } from './layout/navigation';
import { ChangePassword } from './pages/ChangePassword';
import { ComingSoon } from './pages/ComingSoon';
import { Dashboard } from './pages/Dashboard';
import { LoginPage } from './pages/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import allocationSettings from './resources/allocation-settings';
import auditLogs from './resources/audit-logs';
import backorders from './resources/backorders';
import binStock from './resources/bin-stock';
import customers from './resources/customers';
import bins from './resources/bins';
import deadLetters from './resources/dead-letters';
import orders from './resources/orders';
import products from './resources/products';
import roles from './resources/roles';
import stockLevels from './resources/stock-levels';
import stockMovements from './resources/stock-movements';
import users from './resources/users';
import warehouses from './resources/warehouses';
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
    <Resource name="orders" {...orders} />
    <Resource name="customers" {...customers} />
    <Resource name="products" {...products} />
    <Resource name="stock-levels" {...stockLevels} />
    <Resource name="stock-movements" {...stockMovements} />
    <Resource name="warehouses" {...warehouses} />
    <Resource name="backorders" {...backorders} />
    <Resource name="allocation-settings" {...allocationSettings} />
    <Resource name="bins" {...bins} />
    <Resource name="bin-stock" {...binStock} />
    <Resource name="users" {...users} />
    <Resource name="roles" {...roles} />
    <Resource name="audit-logs" {...auditLogs} />
    <Resource name="dead-letters" {...deadLetters} />
    <CustomRoutes>
      {PLANNED_MODULES.map((entry) => (
        <Route
          key={entry.key}
          path={entry.path}
          element={
            // A planned module is refused like a resource page when the user may not read its subject.
            <CanAccess action="list" resource={entry.key} accessDenied={<Navigate to="/access-denied" replace />}>
              <ComingSoon module={entry.key} />
            </CanAccess>
          }
        />
      ))}
      <Route path="/change-password" element={<ChangePassword />} />
    </CustomRoutes>
  </Admin>
);

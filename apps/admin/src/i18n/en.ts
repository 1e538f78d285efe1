import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { allocationSettingsEn } from '../resources/allocation-settings/i18n/en';
import { auditLogsEn } from '../resources/audit-logs/i18n/en';
import { backordersEn } from '../resources/backorders/i18n/en';
import { customersEn } from '../resources/customers/i18n/en';
import { binStockEn } from '../resources/bin-stock/i18n/en';
import { binsEn } from '../resources/bins/i18n/en';
import { deadLettersEn } from '../resources/dead-letters/i18n/en';
import { ordersEn } from '../resources/orders/i18n/en';
import { productsEn } from '../resources/products/i18n/en';
import { rolesEn } from '../resources/roles/i18n/en';
import { stockLevelsEn } from '../resources/stock-levels/i18n/en';
import { stockMovementsEn } from '../resources/stock-movements/i18n/en';
import { stockReconcileRunsEn } from '../resources/stock-reconcile-runs/i18n/en';
import { usersEn } from '../resources/users/i18n/en';
import { warehousesEn } from '../resources/warehouses/i18n/en';
import { appEn } from './app.en';

/** English: react-admin's own messages plus the application's. */
export const en: TranslationMessages = {
  ...englishMessages,
  // The home page welcomes and points the way; it is not a dashboard of figures (yet).
  ra: { ...englishMessages.ra, page: { ...englishMessages.ra.page, dashboard: 'Home' } },
  ...appEn,
  resources: {
    orders: ordersEn,
    customers: customersEn,
    products: productsEn,
    'stock-levels': stockLevelsEn,
    'stock-movements': stockMovementsEn,
    'stock-reconcile-runs': stockReconcileRunsEn,
    warehouses: warehousesEn,
    backorders: backordersEn,
    'allocation-settings': allocationSettingsEn,
    bins: binsEn,
    'bin-stock': binStockEn,
    'dead-letters': deadLettersEn,
    users: usersEn,
    roles: rolesEn,
    'audit-logs': auditLogsEn,
  },
};

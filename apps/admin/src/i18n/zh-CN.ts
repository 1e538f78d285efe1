import type { TranslationMessages } from 'react-admin';
import { allocationSettingsZhCN } from '../resources/allocation-settings/i18n/zh-CN';
import { auditLogsZhCN } from '../resources/audit-logs/i18n/zh-CN';
import { backordersZhCN } from '../resources/backorders/i18n/zh-CN';
import { customersZhCN } from '../resources/customers/i18n/zh-CN';
import { binStockZhCN } from '../resources/bin-stock/i18n/zh-CN';
import { binsZhCN } from '../resources/bins/i18n/zh-CN';
import { deadLettersZhCN } from '../resources/dead-letters/i18n/zh-CN';
import { ordersZhCN } from '../resources/orders/i18n/zh-CN';
import { productsZhCN } from '../resources/products/i18n/zh-CN';
import { rolesZhCN } from '../resources/roles/i18n/zh-CN';
import { stockLevelsZhCN } from '../resources/stock-levels/i18n/zh-CN';
import { stockMovementsZhCN } from '../resources/stock-movements/i18n/zh-CN';
import { stockReconcileRunsZhCN } from '../resources/stock-reconcile-runs/i18n/zh-CN';
import { usersZhCN } from '../resources/users/i18n/zh-CN';
import { warehousesZhCN } from '../resources/warehouses/i18n/zh-CN';
import { appZhCN } from './app.zh-CN';
import { raZhCN } from './ra.zh-CN';

/** 简体中文：react-admin 自带文案与应用文案。 */
export const zhCN: TranslationMessages = {
  ...raZhCN,
  ...appZhCN,
  resources: {
    orders: ordersZhCN,
    customers: customersZhCN,
    products: productsZhCN,
    'stock-levels': stockLevelsZhCN,
    'stock-movements': stockMovementsZhCN,
    'stock-reconcile-runs': stockReconcileRunsZhCN,
    warehouses: warehousesZhCN,
    backorders: backordersZhCN,
    'allocation-settings': allocationSettingsZhCN,
    bins: binsZhCN,
    'bin-stock': binStockZhCN,
    'dead-letters': deadLettersZhCN,
    users: usersZhCN,
    roles: rolesZhCN,
    'audit-logs': auditLogsZhCN,
  },
};

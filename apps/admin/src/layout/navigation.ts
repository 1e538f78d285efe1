import AssessmentIcon from '@mui/icons-material/Assessment';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import InventoryIcon from '@mui/icons-material/Inventory2';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import MailOutlineIcon from '@mui/icons-material/MailOutlined';
import PeopleIcon from '@mui/icons-material/People';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import RuleIcon from '@mui/icons-material/Rule';
import SettingsIcon from '@mui/icons-material/Settings';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import LocalPostOfficeIcon from '@mui/icons-material/LocalPostOffice';
import type { SvgIconComponent } from '@mui/icons-material';
import allocationSettings from '../resources/allocation-settings';
import auditLogs from '../resources/audit-logs';
import backorders from '../resources/backorders';
import customers from '../resources/customers';
import deadLetters from '../resources/dead-letters';
import orders from '../resources/orders';
import products from '../resources/products';
import roles from '../resources/roles';
import stockLevels from '../resources/stock-levels';
import stockMovements from '../resources/stock-movements';
import users from '../resources/users';
import warehouses from '../resources/warehouses';

/**
 * The back office's navigation, in the order of the order's journey. An entry is either a
 * real resource or a planned module: planned modules get a page saying they are not
 * available yet, until their resource replaces them here.
 */
export type NavEntry =
  | { kind: 'resource'; resource: string; icon: SvgIconComponent }
  | { kind: 'planned'; key: string; path: string; icon: SvgIconComponent };

export interface NavGroup {
  key: string;
  icon: SvgIconComponent;
  entries: NavEntry[];
}

const planned = (key: string, icon: SvgIconComponent, path = key.replace(/_/g, '-')): NavEntry => ({
  kind: 'planned',
  key,
  path: `/${path}`,
  icon,
});

export const NAVIGATION: NavGroup[] = [
  {
    key: 'orders',
    icon: ShoppingCartIcon,
    entries: [{ kind: 'resource', resource: 'orders', icon: orders.icon }, planned('order_exceptions', WarningAmberIcon)],
  },
  {
    key: 'inventory',
    icon: InventoryIcon,
    entries: [
      { kind: 'resource', resource: 'products', icon: products.icon },
      { kind: 'resource', resource: 'stock-levels', icon: stockLevels.icon },
      { kind: 'resource', resource: 'stock-movements', icon: stockMovements.icon },
      { kind: 'resource', resource: 'warehouses', icon: warehouses.icon },
      { kind: 'resource', resource: 'backorders', icon: backorders.icon },
    ],
  },
  {
    key: 'logistics',
    icon: LocalShippingIcon,
    entries: [planned('shipments', TrackChangesIcon), planned('carriers', LocalPostOfficeIcon)],
  },
  {
    key: 'customers',
    icon: PeopleIcon,
    entries: [{ kind: 'resource', resource: 'customers', icon: customers.icon }],
  },
  {
    key: 'after_sales',
    icon: SupportAgentIcon,
    entries: [
      planned('returns', AssignmentReturnIcon),
      planned('refunds', CurrencyExchangeIcon),
      planned('incidents', ReportProblemIcon),
    ],
  },
  {
    key: 'reports',
    icon: AssessmentIcon,
    entries: [planned('reports', AssessmentIcon)],
  },
  {
    key: 'settings',
    icon: SettingsIcon,
    entries: [
      planned('order_rules', RuleIcon),
      { kind: 'resource', resource: 'allocation-settings', icon: allocationSettings.icon },
      planned('notification_templates', MailOutlineIcon),
      { kind: 'resource', resource: 'users', icon: users.icon },
      { kind: 'resource', resource: 'roles', icon: roles.icon },
      { kind: 'resource', resource: 'audit-logs', icon: auditLogs.icon },
      { kind: 'resource', resource: 'dead-letters', icon: deadLetters.icon },
    ],
  },
];

export const PLANNED_MODULES = NAVIGATION.flatMap((group) =>
  group.entries.flatMap((entry) => (entry.kind === 'planned' ? [entry] : [])),
);

/** The name access control knows the entry by (access/subjects.ts): its resource, or its module key. */
export const accessKeyOf = (entry: NavEntry): string => (entry.kind === 'planned' ? entry.key : entry.resource);

export const ACCESS_KEYS = NAVIGATION.flatMap((group) => group.entries.map(accessKeyOf));

export const pathOf = (entry: NavEntry): string =>
  entry.kind === 'planned' ? entry.path : `/${entry.resource}`;

/** The group holding the page at `pathname`, to open it in the menu. */
export const groupOf = (pathname: string): string | undefined =>
  NAVIGATION.find((group) =>
    group.entries.some((entry) => pathname === pathOf(entry) || pathname.startsWith(`${pathOf(entry)}/`)),
  )?.key;

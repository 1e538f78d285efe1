import { en } from './en';
import { zhCN } from './zh-CN';

const flatten = (tree: object, prefix = ''): Record<string, unknown> =>
  Object.entries(tree).reduce<Record<string, unknown>>((flat, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') return { ...flat, ...flatten(value, path) };
    flat[path] = value;
    return flat;
  }, {});

const placeholders = (message: string): string[] =>
  [...message.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('admin translations', () => {
  const flatEn = flatten(en);
  const flatZh = flatten(zhCN);

  it('has the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(flatZh).sort()).toEqual(Object.keys(flatEn).sort());
  });

  it('covers react-admin, the menu, the error codes and every resource', () => {
    const keys = Object.keys(flatEn);
    const prefixes = [
      'ra.action.',
      'menu.groups.',
      'errors.auth.',
      'errors.users.',
      'errors.roles.',
      'errors.products.',
      'resources.products.name',
      'resources.dead-letters.name',
      'resources.users.name',
      'resources.roles.name',
      'resources.audit-logs.name',
      'resources.stock-levels.name',
      'resources.stock-movements.name',
      'resources.warehouses.name',
      'resources.bins.name',
      'resources.bin-stock.name',
      'errors.stock.',
      'errors.bins.',
      'errors.warehouses.',
      'resources.orders.name',
      'resources.orders.statuses.',
      'resources.customers.name',
      'errors.orders.',
    ];
    for (const prefix of prefixes) {
      expect(keys.some((key) => key.startsWith(prefix))).toBe(true);
    }
  });

  it('explains every error code the access-control, catalogue, inventory and order screens can meet, in both languages', () => {
    const codes = [
      'auth.wrong_password',
      'auth.forbidden',
      'users.weak_password',
      'users.email_taken',
      'users.unknown_role',
      'users.cannot_delete_self',
      'roles.name_taken',
      'users.cannot_disable_self',
      'users.last_administrator',
      'roles.built_in',
      'roles.in_use',
      'roles.invalid_permissions',
      'roles.administrator_locked',
      'products.sku_taken',
      'products.barcode_taken',
      'stock.insufficient',
      'stock.unknown_sku',
      'stock.unknown_warehouse',
      'warehouses.code_taken',
      'warehouses.invalid_pool',
      'stock.bin_required',
      'bins.code_taken',
      'bins.unknown',
      'bins.other_warehouse',
      'bins.inactive',
      'bins.insufficient',
      'bins.unbinned_short',
      'bins.not_empty',
      'orders.illegal_transition',
      'orders.not_editable',
      'orders.unresolved_flags',
      'orders.invalid',
      'orders.unknown_channel',
      'orders.cannot_combine',
      'request.idempotency_key_reused',
      'access.forbidden',
    ];
    for (const code of codes) {
      expect({ code, en: typeof flatEn[`errors.${code}`], zh: typeof flatZh[`errors.${code}`] }).toEqual({
        code,
        en: 'string',
        zh: 'string',
      });
    }
  });

  it('leaves no Chinese message empty', () => {
    for (const [key, value] of Object.entries(flatZh)) {
      expect({ key, type: typeof value }).toEqual({ key, type: 'string' });
      // Only a message that is deliberately blank in English may be blank in Chinese.
      const blank = (value as string).trim() === '';
      expect({ key, blank }).toEqual({ key, blank: String(flatEn[key]).trim() === '' });
    }
  });

  it('uses only placeholders the English message also has, and no plural variants', () => {
    for (const [key, value] of Object.entries(flatZh)) {
      const known = new Set(placeholders(String(flatEn[key])));
      const unknown = placeholders(value as string).filter((name) => !known.has(name));
      expect({ key, unknown }).toEqual({ key, unknown: [] });
      // Chinese has a single plural form: Polyglot would only ever show the first variant.
      expect({ key, plural: (value as string).includes('||||') }).toEqual({ key, plural: false });
    }
  });
});

import { type TranslateFunction, useLocaleState, useTranslate } from 'react-admin';
import { formatPrice } from '../../money';

/** What an audit rule found, as it sends it with the exception (`params`): the figures behind the words. */
export type FlagParams = Record<string, unknown>;

type Item = Record<string, string | number>;

const items = (params: FlagParams): Item[] => (Array.isArray(params.items) ? (params.items as Item[]) : []);
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const amount = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * An audit exception's details in the interface language, from the figures its rule sent; null
 * for a code or figures it does not know (the caller then shows the server's English words only
 * to English readers).
 */
export const flagDetail = (translate: TranslateFunction, locale: string, code: string, params: FlagParams | null | undefined): string | null => {
  if (!params) return null;
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.orders.flag_details.${key}`, args);
  const join = (parts: string[]) => parts.join(translate('resources.orders.list_separator'));
  const money = (minor: number | null) => (minor === null ? '' : formatPrice(minor, text(params.currency) || 'CNY', locale));
  switch (code) {
    case 'ADDRESS_INCOMPLETE': {
      const fields = items(params).map((item) => translate(`resources.orders.fields.shippingAddress.${item.field}`, { _: text(item.field) }));
      return fields.length ? t('ADDRESS_INCOMPLETE', { fields: join(fields) }) : null;
    }
    case 'OUTSIDE_DELIVERY_AREA': {
      const place = [params.province, params.city].map(text).filter(Boolean).join(' ') || text(params.country);
      return place ? t('OUTSIDE_DELIVERY_AREA', { place }) : null;
    }
    case 'PHONE_INVALID':
      return text(params.phone) ? t('PHONE_INVALID', { phone: text(params.phone), country: text(params.country) }) : t('phone_missing');
    case 'UNKNOWN_SKU':
    case 'INACTIVE_SKU':
      return text(params.skus) ? t(code, { skus: text(params.skus) }) : null;
    case 'OUT_OF_STOCK': {
      const short = items(params).map((item) => t('short_item', { sku: item.sku, ordered: item.ordered, available: item.available }));
      return short.length ? join(short) : null;
    }
    case 'PAYMENT_UNCONFIRMED': {
      const method = translate(`resources.orders.payment_methods.${text(params.method)}`, { _: text(params.method) });
      const paid = amount(params.paidMinor);
      const total = amount(params.totalMinor);
      return paid === null || total === null ? null : t('PAYMENT_UNCONFIRMED', { method, paid: money(paid), total: money(total) });
    }
    case 'PURCHASE_LIMIT_EXCEEDED': {
      const over = items(params).map((item) =>
        t('limit_item', { sku: item.sku, ordered: item.ordered, bought: item.alreadyBought, limit: item.limit, days: text(params.periodDays) }),
      );
      return over.length ? join(over) : null;
    }
    case 'AMOUNT_NEEDS_REVIEW': {
      const total = amount(params.totalMinor);
      const threshold = amount(params.thresholdMinor);
      return total === null || threshold === null ? null : t('AMOUNT_NEEDS_REVIEW', { total: money(total), threshold: money(threshold) });
    }
    case 'BLOCK_LISTED': {
      const matches = items(params).map((item) =>
        t('block_item', { kind: translate(`resources.orders.flag_details.block_kinds.${item.kind}`, { _: text(item.kind) }), value: item.value }),
      );
      return matches.length ? t('BLOCK_LISTED', { matches: join(matches) }) : null;
    }
    case 'SUSPECTED_DUPLICATE':
      return text(params.orders) ? t('SUSPECTED_DUPLICATE', { orders: text(params.orders), hours: text(params.windowHours) }) : null;
    default:
      return null;
  }
};

/** Exceptions whose message is what a person wrote (the hold's or the cancellation's reason): shown as written. */
const WRITTEN_BY_PEOPLE = ['HELD', 'CANCEL_REQUESTED'];

/**
 * An exception's words for the reader: a person's reason as written; an audit exception's
 * details in the interface language when its figures are known (`params`), else the server's
 * English words, to English readers only.
 */
export const useFlagText = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (code: string, message: string | null | undefined, params: FlagParams | null | undefined): string | null => {
    if (WRITTEN_BY_PEOPLE.includes(code)) return message || null;
    return flagDetail(translate, locale, code, params) ?? (locale.startsWith('en') && message ? message : null);
  };
};

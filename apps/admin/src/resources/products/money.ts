/** The currencies offered in the product form; the API takes any ISO 4217 code. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'KRW', 'SGD', 'TWD', 'MOP'] as const;

export const DEFAULT_CURRENCY = 'CNY';

// The currency arithmetic and formatting are shared by every screen with amounts.
export { currencySymbol, formatPrice, minorDigits, toMajor, toMinor } from '../../money';

/** "CNY · 人民币": the code and the currency's name in the interface language. */
export const currencyLabel = (currency: string, locale: string): string => {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(currency);
    return name && name !== currency ? `${currency} · ${name}` : currency;
  } catch {
    return currency;
  }
};

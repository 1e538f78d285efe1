/** The currencies offered in the product form; the API takes any ISO 4217 code. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'KRW', 'SGD', 'TWD', 'MOP'] as const;

export const DEFAULT_CURRENCY = 'CNY';

/** Digits after the decimal point of the currency's major unit: 2 for CNY (fen), 0 for JPY. */
export const minorDigits = (currency: string): number => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

/** 99.5 CNY -> 9950 fen; rounded to the currency's smallest unit. */
export const toMinor = (major: number, currency: string): number =>
  Math.round(major * 10 ** minorDigits(currency));

/** 9950 fen -> 99.5 CNY. */
export const toMajor = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);

/** A price in minor units written the way the interface language writes money (¥99.00, US$5.00). */
export const formatPrice = (minor: number, currency: string, locale: string): string => {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajor(minor, currency));
  } catch {
    return `${toMajor(minor, currency)} ${currency}`;
  }
};

/** The currency's symbol in the interface language (¥, US$, €), for the price input. */
export const currencySymbol = (currency: string, locale: string): string => {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
};

/** "CNY · 人民币": the code and the currency's name in the interface language. */
export const currencyLabel = (currency: string, locale: string): string => {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(currency);
    return name && name !== currency ? `${currency} · ${name}` : currency;
  } catch {
    return currency;
  }
};

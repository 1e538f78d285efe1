/**
 * Money as the API keeps it (integer minor units plus an ISO 4217 currency) and as people type
 * and read it (major units: ¥12.50). Shared by every screen that shows or takes an amount.
 */

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

/** True when a major amount has no more decimals than the currency has minor units (12.50 CNY yes, 12.505 no). */
export const fitsMinorUnits = (major: number, currency: string): boolean => {
  const scaled = major * 10 ** minorDigits(currency);
  return Math.abs(scaled - Math.round(scaled)) <= 1e-6;
};

/** An amount in minor units written the way the interface language writes money (¥99.00, US$5.00). */
export const formatPrice = (minor: number, currency: string, locale: string): string => {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajor(minor, currency));
  } catch {
    return `${toMajor(minor, currency)} ${currency}`;
  }
};

/** The currency's symbol in the interface language (¥, US$, €), for amount inputs. */
export const currencySymbol = (currency: string, locale: string): string => {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
};

import { fitsMinorUnits, minorDigits, toMajor, toMinor } from '../../money';

/**
 * The cost table has no currency of its own: its fees are in the shop's currency, stored in
 * minor units (fen) and typed in major units (yuan, e.g. 12.50).
 */
export const FEE_CURRENCY = 'CNY';

/** The stored fee (1250) as the input shows it (12.50); empty for no value. */
export const formatFee = (minor: unknown): string =>
  typeof minor === 'number' && Number.isFinite(minor) ? toMajor(minor, FEE_CURRENCY).toFixed(minorDigits(FEE_CURRENCY)) : '';

/**
 * What was typed (12.5) as the stored fee (1250). Too many decimals (12.505) stay a fraction
 * of a fen, which the form's whole-fen check then refuses instead of rounding silently.
 */
export const parseFee = (major: unknown): number | null => {
  if (typeof major !== 'number' || !Number.isFinite(major)) return null;
  return fitsMinorUnits(major, FEE_CURRENCY) ? toMinor(major, FEE_CURRENCY) : major * 10 ** minorDigits(FEE_CURRENCY);
};

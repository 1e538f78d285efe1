/** Client-side checks mirroring the API's product rules (libs/catalog), so most mistakes show before saving. */
import type { Validator } from 'react-admin';
import { minorDigits } from './money';
import type { Attribute } from './types';

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const BARCODE = /^[0-9A-Za-z-]{4,64}$/;
export const MAX_BARCODES = 20;

export const sku: Validator = (value) =>
  typeof value === 'string' && value !== '' && !SKU_PATTERN.test(value)
    ? { message: 'resources.products.validation.sku', args: {} }
    : undefined;

export const barcodeList: Validator = (value) => {
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  if (list.length > MAX_BARCODES) return { message: 'resources.products.validation.barcodes_max', args: { max: MAX_BARCODES } };
  const wrong = list.find((item) => typeof item !== 'string' || !BARCODE.test(item));
  return wrong === undefined ? undefined : { message: 'resources.products.validation.barcode', args: { value: String(wrong) } };
};

/** Trimmed, without repeats: barcodes as typed or scanned. */
export const cleanBarcodes = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.map((item) => String(item).trim()).filter(Boolean))] : [];

export const uniqueAttributeNames: Validator = (value) => {
  const seen = new Set<string>();
  for (const row of (Array.isArray(value) ? value : []) as Partial<Attribute>[]) {
    const name = String(row?.name ?? '').trim();
    if (name === '') continue;
    if (seen.has(name)) return { message: 'resources.products.validation.attribute_repeated', args: { name } };
    seen.add(name);
  }
  return undefined;
};

export const integer: Validator = (value) =>
  typeof value === 'number' && !Number.isInteger(value) ? { message: 'resources.products.validation.integer', args: {} } : undefined;

/** No more decimals than the chosen currency has minor units (none for JPY). */
export const priceDecimals: Validator = (value, values) => {
  if (typeof value !== 'number') return undefined;
  const currency = typeof values?.currency === 'string' ? values.currency : 'CNY';
  const digits = minorDigits(currency);
  const scaled = value * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) > 1e-6
    ? { message: 'resources.products.validation.decimals', args: { digits, currency } }
    : undefined;
};

import type { Address } from '../order.types.js';

/**
 * What makes a shipping address deliverable on paper, and one spelling of an address for
 * comparing two of them. NFKC first, so full-width letters, digits and spaces from Chinese
 * input methods compare as their ASCII forms.
 */

export type AddressField = 'country' | 'province' | 'city' | 'line1' | 'postcode';

export interface AddressProblem {
  field: AddressField;
  problem: 'missing' | 'invalid';
  /** English, e.g. "postcode must be 6 digits". */
  message: string;
}

const ONLY_DIGITS_OR_PUNCTUATION = /^[\d\s\p{P}\p{S}]*$/u;
const CN_POSTCODE = /^\d{6}$/;

function clean(value: string | null | undefined): string {
  return (value ?? '').normalize('NFKC').trim();
}

/** Names a place: something left once digits and punctuation are taken away ("-", "0", "N/A" are not). */
function namesAPlace(value: string): boolean {
  return !ONLY_DIGITS_OR_PUNCTUATION.test(value);
}

/**
 * Country (two letters), province, city and street line are required; a mainland postcode,
 * when given, has 6 digits; district and line2 are optional.
 */
export function addressProblems(address: Partial<Address> | null | undefined): AddressProblem[] {
  const a = address ?? {};
  const problems: AddressProblem[] = [];
  const country = clean(a.country);
  if (!country) problems.push({ field: 'country', problem: 'missing', message: 'country is missing' });
  else if (!/^[A-Za-z]{2}$/.test(country)) {
    problems.push({ field: 'country', problem: 'invalid', message: 'country must be a two-letter code' });
  }
  for (const field of ['province', 'city', 'line1'] as const) {
    const value = clean(a[field]);
    const label = field === 'line1' ? 'street address' : field;
    if (!value) problems.push({ field, problem: 'missing', message: `${label} is missing` });
    else if (!namesAPlace(value)) {
      problems.push({ field, problem: 'invalid', message: `${label} "${value}" has no street or place name` });
    }
  }
  const postcode = clean(a.postcode);
  if (postcode && country.toUpperCase() === 'CN' && !CN_POSTCODE.test(postcode)) {
    problems.push({ field: 'postcode', problem: 'invalid', message: `postcode "${postcode}" must be 6 digits` });
  }
  return problems;
}

/** Case, spaces and punctuation removed: "浙江省 杭州市，文三路 100 号" equals "浙江省杭州市文三路100号". */
export function normalizeForMatch(value: string | null | undefined): string {
  return clean(value)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The spellings of an address a block-list entry may match: province + city + street, and
 * the same with the district, since staff type the district or not.
 */
export function addressMatchKeys(address: Partial<Address> | null | undefined): string[] {
  const a = address ?? {};
  const keys = [
    normalizeForMatch(`${a.province ?? ''}${a.city ?? ''}${a.line1 ?? ''}`),
    normalizeForMatch(`${a.province ?? ''}${a.city ?? ''}${a.district ?? ''}${a.line1 ?? ''}`),
  ];
  return [...new Set(keys)].filter((k) => k.length > 0);
}

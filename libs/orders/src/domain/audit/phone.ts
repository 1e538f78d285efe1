/**
 * Phone numbers as channels send them: full-width digits, spaces, dashes, +86 / 0086 / 86
 * prefixes, and marketplace privacy numbers with an extension (`13812345678-1234`,
 * `13812345678转1234`). libphonenumber-js only reaches us through class-validator, so it is
 * not ours to import; this covers the mainland formats the audit needs and a loose
 * E.164-style check elsewhere.
 */

const CN_MOBILE = /^1[3-9]\d{9}$/;
// Beijing 010 and the 02x cities have 8-digit numbers; other (4-digit) area codes 7 or 8.
const CN_LANDLINE = /^(?:(?:010|02\d)\d{8}|0[3-9]\d{2}\d{7,8})$/;
const INTERNATIONAL = /^\+?\d{7,15}$/;

const EXTENSION_WORD = /^(.+?)(?:转|分机|ext\.?|x|#|,)(\d{1,6})$/i;
// A dash is an extension only after a whole mobile number or a dashed landline.
const DASH_EXTENSION = /^((?:\+|00)?(?:86)?1[3-9]\d{9}|(?:\+|00)?(?:86)?0?\d{2,3}-\d{7,8})-(\d{1,6})$/;
const SEPARATORS = /[\s\-.()/\u2010-\u2015]/g;

function splitExtension(raw: string): { main: string; ext: string | null } {
  const compact = raw.replace(/\s+/g, '');
  const word = EXTENSION_WORD.exec(compact);
  if (word) return { main: word[1], ext: word[2] };
  const dash = DASH_EXTENSION.exec(compact);
  if (dash) return { main: dash[1], ext: dash[2] };
  return { main: compact, ext: null };
}

/** Mainland national form: without +86, with the trunk 0 before a landline's area code. */
function toChineseNational(digits: string, international: boolean): string {
  if (!digits.startsWith('86')) return digits;
  const rest = digits.slice(2);
  if (CN_MOBILE.test(rest)) return rest;
  if (!international) return digits;
  return rest.startsWith('0') ? rest : `0${rest}`;
}

/**
 * One spelling per number, so two spellings of it compare equal: separators removed,
 * 00 read as +, mainland numbers in national form (`+86 138-1234-5678` -> `13812345678`,
 * `+86 10 8888 8888` -> `01088888888`), an extension kept as `;ext=1234`.
 */
export function normalizePhone(phone: string | null | undefined, country?: string): string {
  const { main, ext } = splitExtension((phone ?? '').normalize('NFKC').trim());
  let number = main.replace(SEPARATORS, '');
  if (number.startsWith('00')) number = `+${number.slice(2)}`;
  const international = number.startsWith('+');
  const digits = international ? number.slice(1) : number;
  const mainland = digits.startsWith('86') && (international || !country || country.toUpperCase() === 'CN');
  if (mainland) {
    const national = toChineseNational(digits, international);
    if (national !== digits) number = national;
  }
  return ext ? `${number};ext=${ext}` : number;
}

/** Mainland: a mobile or a landline with its area code; elsewhere 7-15 digits, optional +. */
export function isValidPhone(country: string | null | undefined, phone: string | null | undefined): boolean {
  const normalized = normalizePhone(phone, country ?? undefined);
  const number = normalized.split(';ext=')[0];
  if ((country ?? '').trim().toUpperCase() === 'CN') return CN_MOBILE.test(number) || CN_LANDLINE.test(number);
  return INTERNATIONAL.test(number);
}

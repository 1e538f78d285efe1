/**
 * Client-side checks that mirror the server's rules, so most mistakes show before saving; the
 * server still decides (its errors land on the same inputs, see providers/formErrors.ts).
 */
import type { Validator } from 'react-admin';

export const PASSWORD_MIN_LENGTH = 10;

/** The password policy's checks that need no word list: length, and letters mixed with something else. */
export const strongPassword: Validator = (value) => {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value.length < PASSWORD_MIN_LENGTH) {
    return { message: 'app.validation.password_short', args: { min: PASSWORD_MIN_LENGTH } };
  }
  if (!/\p{L}/u.test(value) || !/[^\p{L}]/u.test(value)) return { message: 'app.validation.password_mix', args: {} };
  return undefined;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every entry of a list is a UUID. */
export const uuidList: Validator = (value) => {
  const wrong = (Array.isArray(value) ? value : []).find((item) => typeof item !== 'string' || !UUID.test(item.trim()));
  return wrong === undefined ? undefined : { message: 'app.validation.uuid', args: { value: String(wrong) } };
};

/** Trimmed, lower-case, without repeats: how a pasted list of ids is kept. */
export const cleanIds = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.map((item) => String(item).trim().toLowerCase()).filter(Boolean))] : [];

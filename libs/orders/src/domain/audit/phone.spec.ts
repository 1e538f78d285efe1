import { isValidPhone, normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６ １３８ １２３４ ５６７８', '13812345678'],
    ['(010) 8888-8888', '01088888888'],
    ['+86 10 8888 8888', '01088888888'],
    ['+86 (0)571 8888 8888', '057188888888'],
    ['13812345678-1234', '13812345678;ext=1234'],
    ['13812345678转1234', '13812345678;ext=1234'],
    ['0571-88888888-123', '057188888888;ext=123'],
    ['+1 (415) 555-0132', '+14155550132'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('spells %s as %s', (raw, normalized) => {
    expect(normalizePhone(raw)).toBe(normalized);
  });

  it('reads a bare 86 as the mainland country code only for mainland numbers', () => {
    expect(normalizePhone('8613812345678', 'CN')).toBe('13812345678');
    expect(normalizePhone('8613812345678', 'US')).toBe('8613812345678');
  });

  it('gives an empty string for a missing phone', () => {
    expect(normalizePhone(undefined)).toBe('');
    expect(normalizePhone('   ')).toBe('');
  });
});

describe('isValidPhone', () => {
  it.each([
    '13812345678',
    '199 0000 1111',
    '+86 138 1234 5678',
    '86-13812345678',
    '010-88888888',
    '021 6666 6666',
    '0755-8888888',
    '0571-88888888',
    '+86 10 8888 8888',
    '18412345678-8765',
    '18412345678转8765',
  ])('accepts the mainland number %s', (phone) => {
    expect(isValidPhone('CN', phone)).toBe(true);
  });

  it.each([
    ['', 'missing'],
    ['12812345678', 'mobile prefix 12 does not exist'],
    ['1381234567', 'one digit short'],
    ['138123456789', 'one digit too many'],
    ['138****5678', 'masked by the marketplace'],
    ['010-8888888', 'Beijing numbers have 8 digits'],
    ['88888888', 'landline without area code'],
    ['+1 415 555 0132', 'not a mainland number'],
    ['电话 13812345678', 'words around the number'],
  ])('refuses %s for CN (%s)', (phone) => {
    expect(isValidPhone('CN', phone)).toBe(false);
  });

  it('takes the country case-insensitively', () => {
    expect(isValidPhone('cn', '13812345678')).toBe(true);
  });

  it('uses a loose international check elsewhere: 7-15 digits, optional +', () => {
    expect(isValidPhone('US', '+1 (415) 555-0132')).toBe(true);
    expect(isValidPhone('GB', '020 7946 0958')).toBe(true);
    expect(isValidPhone('US', '555-01')).toBe(false);
    expect(isValidPhone('US', '+1234567890123456')).toBe(false);
    expect(isValidPhone('US', 'call me')).toBe(false);
    expect(isValidPhone(undefined, '')).toBe(false);
  });
});

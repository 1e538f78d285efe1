import type { Address } from '../order.types.js';
import { addressMatchKeys, addressProblems, normalizeForMatch } from './address.js';

const HANGZHOU: Address = {
  country: 'CN',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  line1: '文三路 100 号 3 幢 501 室',
  postcode: '310012',
};

const fields = (a: Partial<Address>) => addressProblems(a).map((p) => `${p.field}:${p.problem}`);

describe('addressProblems', () => {
  it('accepts a complete mainland address, with or without district and postcode', () => {
    expect(addressProblems(HANGZHOU)).toEqual([]);
    expect(addressProblems({ ...HANGZHOU, district: undefined, postcode: undefined })).toEqual([]);
    expect(addressProblems({ ...HANGZHOU, postcode: '  ' })).toEqual([]);
  });

  it('requires country, province, city and street, blank counting as missing', () => {
    expect(fields({ country: '', province: ' ', city: '\u3000', line1: '' })).toEqual([
      'country:missing',
      'province:missing',
      'city:missing',
      'line1:missing',
    ]);
    expect(fields({})).toEqual(['country:missing', 'province:missing', 'city:missing', 'line1:missing']);
  });

  it('wants a two-letter country code', () => {
    expect(fields({ ...HANGZHOU, country: 'CHN' })).toEqual(['country:invalid']);
    expect(fields({ ...HANGZHOU, country: '中国' })).toEqual(['country:invalid']);
  });

  it('refuses a street line of only digits or punctuation', () => {
    expect(fields({ ...HANGZHOU, line1: '100' })).toEqual(['line1:invalid']);
    expect(fields({ ...HANGZHOU, line1: '--' })).toEqual(['line1:invalid']);
    expect(fields({ ...HANGZHOU, line1: '１００号' })).toEqual([]);
    expect(addressProblems({ ...HANGZHOU, line1: '100-3' })[0].message).toBe('street address "100-3" has no street or place name');
  });

  it('refuses placeholder province or city values', () => {
    expect(fields({ ...HANGZHOU, province: '-', city: '0' })).toEqual(['province:invalid', 'city:invalid']);
  });

  it('wants a 6-digit postcode in mainland China when one is given', () => {
    expect(fields({ ...HANGZHOU, postcode: '31001' })).toEqual(['postcode:invalid']);
    expect(fields({ ...HANGZHOU, postcode: '３１００１２' })).toEqual([]);
    expect(fields({ ...HANGZHOU, country: 'GB', postcode: 'SW1A 1AA' })).toEqual([]);
  });
});

describe('address matching', () => {
  it('ignores case, spaces and punctuation, half- or full-width', () => {
    expect(normalizeForMatch('浙江省 杭州市，文三路 100 号')).toBe('浙江省杭州市文三路100号');
    expect(normalizeForMatch('Room 5, No.100 WENSAN Rd.')).toBe('room5no100wensanrd');
    expect(normalizeForMatch('文三路１００号（北门）')).toBe('文三路100号北门');
  });

  it('offers province + city + street with and without the district', () => {
    expect(addressMatchKeys(HANGZHOU)).toEqual(['浙江省杭州市文三路100号3幢501室', '浙江省杭州市西湖区文三路100号3幢501室']);
    expect(addressMatchKeys({ ...HANGZHOU, district: undefined })).toEqual(['浙江省杭州市文三路100号3幢501室']);
    expect(addressMatchKeys({})).toEqual([]);
  });
});

import { currencyLabel, formatPrice, minorDigits, toMajor, toMinor } from './money';

describe('product prices', () => {
  it('knows how many minor units each currency has', () => {
    expect([minorDigits('CNY'), minorDigits('USD'), minorDigits('JPY')]).toEqual([2, 2, 0]);
  });

  it('turns what people type into minor units and back, without float noise', () => {
    expect(toMinor(99, 'CNY')).toBe(9900);
    expect(toMinor(19.99, 'CNY')).toBe(1999);
    expect(toMinor(0.29, 'USD')).toBe(29);
    expect(toMinor(1200, 'JPY')).toBe(1200);
    expect(toMajor(1999, 'CNY')).toBe(19.99);
  });

  it('writes prices the way the interface language does', () => {
    expect(formatPrice(9900, 'CNY', 'zh-CN')).toBe('¥99.00');
    expect(formatPrice(9900, 'CNY', 'en')).toBe('CN¥99.00');
    expect(formatPrice(1200, 'JPY', 'en')).toBe('¥1,200');
    expect(formatPrice(500, 'USD', 'en')).toBe('$5.00');
  });

  it('names a currency in the interface language', () => {
    expect(currencyLabel('CNY', 'zh-CN')).toBe('CNY · 人民币');
    expect(currencyLabel('USD', 'en')).toBe('USD · US Dollar');
  });
});

import { addMoney, money } from './money.js';

describe('Money', () => {
  it('keeps integer minor units', () => {
    expect(addMoney(money(1999, 'CNY'), money(1, 'CNY'))).toEqual({ amountMinor: 2000, currency: 'CNY' });
  });
  it('refuses fractions of a minor unit', () => {
    expect(() => money(10.5, 'USD')).toThrow('integer number of minor units');
  });
  it('refuses a malformed currency', () => {
    expect(() => money(1, 'usd')).toThrow('ISO 4217');
  });
  it('refuses to add different currencies', () => {
    expect(() => addMoney(money(1, 'USD'), money(1, 'CNY'))).toThrow('Cannot add USD to CNY');
  });
});

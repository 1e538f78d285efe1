import { formatFee, parseFee } from './fee';

describe('cost table fees', () => {
  it('are typed in yuan and stored in fen, without float noise', () => {
    expect(parseFee(12.5)).toBe(1250);
    expect(parseFee(0.29)).toBe(29);
    expect(parseFee(8)).toBe(800);
    expect(parseFee(0)).toBe(0);
    expect(parseFee(Number.NaN)).toBeNull();
    expect(parseFee('')).toBeNull();
  });

  it('keep too many decimals as a fraction of a fen, for the form to refuse', () => {
    expect(Number.isInteger(parseFee(12.505))).toBe(false);
  });

  it('show the stored fen as yuan with two decimals', () => {
    expect(formatFee(1250)).toBe('12.50');
    expect(formatFee(600)).toBe('6.00');
    expect(formatFee(null)).toBe('');
  });
});

import { InvalidOrderError } from './order.errors.js';
import type { OrderLine, Totals } from './order.types.js';

/** A line as entered: totals are always computed, never taken from input. */
export interface LineInput {
  id: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor?: number;
  taxMinor?: number;
}

const MAX_MINOR = 1e13; // ¥100 billion: far above any order, far below 2^53.

function amount(value: number | undefined, field: string, allowZero = true): number {
  const v = value ?? 0;
  if (!Number.isSafeInteger(v) || v < 0 || (!allowZero && v === 0) || v > MAX_MINOR) {
    throw new InvalidOrderError(`${field} must be a whole number of minor units from 0`, field);
  }
  return v;
}

/** Prices each line: quantity × unit price − its discount + its tax; the discount cannot exceed the price. */
export function priceLines(lines: LineInput[]): OrderLine[] {
  if (!lines.length) throw new InvalidOrderError('An order has at least one line', 'lines');
  return lines.map((l, i) => {
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > 100_000) {
      throw new InvalidOrderError('quantity must be a whole number from 1 to 100000', `lines[${i}].quantity`);
    }
    const unitPriceMinor = amount(l.unitPriceMinor, `lines[${i}].unitPriceMinor`);
    const discountMinor = amount(l.discountMinor, `lines[${i}].discountMinor`);
    const taxMinor = amount(l.taxMinor, `lines[${i}].taxMinor`);
    const gross = l.quantity * unitPriceMinor;
    if (discountMinor > gross) throw new InvalidOrderError('A line discount cannot exceed the line price', `lines[${i}].discountMinor`);
    return { id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, unitPriceMinor, discountMinor, taxMinor, totalMinor: gross - discountMinor + taxMinor };
  });
}

/** The order's totals from its priced lines, shipping fee and order-level discount. */
export function orderTotals(lines: OrderLine[], shippingFeeMinor = 0, orderDiscountMinor = 0): Totals {
  const fee = amount(shippingFeeMinor, 'shippingFeeMinor');
  const extra = amount(orderDiscountMinor, 'discountMinor');
  const subtotalMinor = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
  const lineDiscounts = lines.reduce((s, l) => s + l.discountMinor, 0);
  const taxMinor = lines.reduce((s, l) => s + l.taxMinor, 0);
  const discountMinor = lineDiscounts + extra;
  if (discountMinor > subtotalMinor) throw new InvalidOrderError('The discounts cannot exceed the goods', 'discountMinor');
  return { subtotalMinor, shippingFeeMinor: fee, discountMinor, taxMinor, totalMinor: subtotalMinor - discountMinor + taxMinor + fee };
}

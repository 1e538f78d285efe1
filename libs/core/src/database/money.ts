/**
 * Money is an integer number of minor units (cents, fen) plus an ISO 4217 currency code;
 * never a float. Columns: `<name>_minor bigint` + `<name>_currency char(3)`.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money amount must be an integer number of minor units, got ${amountMinor}`);
  }
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new RangeError(`Currency must be an ISO 4217 code, got ${currency}`);
  }
  return Object.freeze({ amountMinor, currency });
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new RangeError(`Cannot add ${a.currency} to ${b.currency}`);
  }
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** A product as the API stores it (`GET /api/products`). */
export interface ApiProduct {
  id: string;
  sku: string;
  name: string;
  /** Specification: name/value text pairs such as `{ color: 'blue', size: 'M' }`. */
  attributes: Record<string, string>;
  barcodes: string[];
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  /** Unit price in the currency's minor unit (fen, cents): 9900 is ¥99.00. */
  priceMinor: number;
  currency: string;
  purchaseLimit: number | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Attribute {
  name: string;
  value: string;
}

/**
 * A product as the screens see it (providers/products.ts converts): the attributes as rows
 * for the key/value editor, and the price also in major units (99 for ¥99.00), as people type it.
 */
export interface Product extends Omit<ApiProduct, 'attributes'> {
  attributes: Attribute[];
  price: number | null;
}

/** One problem with one row of an import file: which row, which column, why. */
export interface RowError {
  /** The row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** The column's header as the file writes it, or the field's name when the file has no such column. */
  column: string;
  /** The product field concerned, when there is one. */
  field?: string;
  /** Stable code; the admin panel translates `errors.<code>`. */
  code: string;
  /** What went wrong, in English (the admin panel shows its own translation when it has one). */
  message: string;
  params?: Record<string, string | number>;
}

/** A row problem before it is placed on a row and column. */
export type CellProblem = Pick<RowError, 'code' | 'message' | 'params'>;

/** The codes of problems found in the file itself; the product rules' own codes (`products.*`) also appear. */
export const ROW_ERROR = {
  required: 'product_imports.required',
  notANumber: 'product_imports.not_a_number',
  notAWholeNumber: 'product_imports.not_a_whole_number',
  tooSmall: 'product_imports.too_small',
  tooLarge: 'product_imports.too_large',
  tooLong: 'product_imports.too_long',
  invalidBoolean: 'product_imports.invalid_boolean',
  invalidJson: 'product_imports.invalid_json',
  invalidAttributes: 'product_imports.invalid_attributes',
  invalidBarcodes: 'product_imports.invalid_barcodes',
  invalidSku: 'product_imports.invalid_sku',
  invalidBarcode: 'product_imports.invalid_barcode',
  invalidCurrency: 'product_imports.invalid_currency',
  tooManyBarcodes: 'product_imports.too_many_barcodes',
  scientificNotation: 'product_imports.scientific_notation',
  duplicateSku: 'product_imports.duplicate_sku',
  priceDecimals: 'product_imports.price_decimals',
  priceMismatch: 'product_imports.price_mismatch',
  invalid: 'product_imports.invalid',
  failed: 'product_imports.row_failed',
} as const;

/** The text of the `error` column of a failed-rows file: "Row 7: barcodes: already used: 690...; name: is required". */
export function describeRowErrors(row: number, errors: Pick<RowError, 'column' | 'message'>[]): string {
  const parts = errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message));
  return `Row ${row}: ${parts.join('; ')}`;
}

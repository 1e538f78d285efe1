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

export type ProductImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** One problem of one row of an import file, as `GET /api/product-imports/:id` reports it. */
export interface ImportRowError {
  /** The row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** The column's header as the file writes it ('' for the row as a whole). */
  column: string;
  field?: string;
  /** e.g. `product_imports.not_a_number`, `products.sku_taken`. */
  code: string;
  /** The server's English text, shown when the panel has no translation of `code`. */
  message: string;
  params?: Record<string, string | number>;
}

/** A product import job: the file, its progress and counts, and the first row errors. */
export interface ProductImport {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  status: ProductImportStatus;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  /** Headers the import did not know, so did not read. */
  ignoredColumns: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  errors: ImportRowError[];
  /** More rows failed than `errors` lists; the failed-rows file has them all. */
  errorsTruncated: boolean;
}

/** The columns a product import file may have, and how its header row maps onto them. */

export const SHEET_FIELDS = [
  'sku',
  'name',
  'attributes',
  'barcodes',
  'weightGrams',
  'lengthMm',
  'widthMm',
  'heightMm',
  'priceMinor',
  'price',
  'currency',
  'purchaseLimit',
  'active',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** Columns every file must have: a row is matched to its product by SKU. */
export const REQUIRED_COLUMNS: readonly SheetField[] = ['sku'];

/**
 * Header names each field answers to besides its own name and its snake_case form: the admin
 * panel's English and Simplified Chinese labels (apps/admin/src/resources/products/i18n), so
 * a sheet headed the way the panel writes it, in either language, imports as it is.
 * `price` is in major units (99.50), `priceMinor` in minor units (9950).
 */
const LABELS: Record<SheetField, string[]> = {
  sku: ['SKU'],
  name: ['Name', '商品名称', '名称'],
  attributes: ['Specification', '规格'],
  barcodes: ['Barcodes', 'Barcode', '条码'],
  weightGrams: ['Weight (g)', '重量（克）'],
  lengthMm: ['Length (mm)', '长（毫米）'],
  widthMm: ['Width (mm)', '宽（毫米）'],
  heightMm: ['Height (mm)', '高（毫米）'],
  priceMinor: ['Price (minor units)'],
  price: ['Price', '售价', '价格'],
  currency: ['Currency', '币种'],
  purchaseLimit: ['Purchase limit', '限购数量'],
  active: ['Active', '启用'],
};

/** Columns an export or a failed-rows file carries that an import leaves alone, without a warning. */
const SKIPPED = ['id', 'createdAt', 'Created', '创建时间', 'updatedAt', 'Updated', '更新时间', 'error', '错误'];

/** `attr.color` (or `规格.颜色`): one attribute per column. */
const ATTRIBUTE_PREFIXES = ['attr', 'attribute', 'attributes', 'specification', '规格'];

/** Case, width (全角), spaces, `_` and `-` do not matter in a header. */
export const normalizeHeader = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

const FIELD_BY_HEADER = new Map<string, SheetField>(
  SHEET_FIELDS.flatMap((field) => [field, ...LABELS[field]].map((name) => [normalizeHeader(name), field] as const)),
);
const SKIPPED_HEADERS = new Set(SKIPPED.map(normalizeHeader));
const PREFIXES = new Set(ATTRIBUTE_PREFIXES.map(normalizeHeader));

export interface SheetColumn {
  /** 0-based position in the row. */
  index: number;
  /** The header as the file writes it. */
  header: string;
  field?: SheetField;
  /** For an `attr.<name>` column: the attribute's name. */
  attribute?: string;
}

export interface ColumnLayout {
  columns: SheetColumn[];
  /** Headers that name nothing the import knows; their cells are not imported. */
  ignored: string[];
}

export interface LayoutProblem {
  code: 'product_imports.missing_columns' | 'product_imports.duplicate_columns';
  message: string;
  details: { columns: string[] };
}

/** A, B, ... Z, AA: the column's letter as a spreadsheet shows it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function attributeName(header: string): string | undefined {
  const text = header.normalize('NFKC').trim();
  const dot = text.indexOf('.');
  if (dot <= 0 || !PREFIXES.has(normalizeHeader(text.slice(0, dot)))) return undefined;
  const name = text.slice(dot + 1).trim();
  return name || undefined;
}

/**
 * Maps the header row onto product fields. `hasData(index)` tells whether any row has a value
 * in a column, so that an unnamed column is reported only when it holds something.
 */
export function resolveColumns(
  header: string[],
  hasData: (index: number) => boolean,
): { layout: ColumnLayout } | { problem: LayoutProblem } {
  const columns: SheetColumn[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') {
      if (hasData(index)) ignored.push(`(column ${columnLetter(index)})`);
      return;
    }
    const key = normalizeHeader(text);
    const field = FIELD_BY_HEADER.get(key);
    const attribute = field ? undefined : attributeName(text);
    if (!field && !attribute) {
      if (!SKIPPED_HEADERS.has(key)) ignored.push(text);
      return;
    }
    const target = field ?? `attr.${attribute}`;
    const earlier = seen.get(target);
    if (earlier !== undefined) duplicates.push(`${earlier} / ${text}`);
    seen.set(target, text);
    columns.push({ index, header: text, ...(field ? { field } : { attribute }) });
  });
  const missing = REQUIRED_COLUMNS.filter((field) => !columns.some((c) => c.field === field));
  if (missing.length) {
    return {
      problem: {
        code: 'product_imports.missing_columns',
        message: `The header row has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: every row needs one to find its product`,
        details: { columns: missing },
      },
    };
  }
  if (duplicates.length) {
    return {
      problem: {
        code: 'product_imports.duplicate_columns',
        message: `These columns say the same thing: ${duplicates.join(', ')}; keep one of each`,
        details: { columns: duplicates },
      },
    };
  }
  return { layout: { columns, ignored } };
}

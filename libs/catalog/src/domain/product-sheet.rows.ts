/**
 * From the text of a file's cells to product values. Only the reading of text lives here (is
 * it a number, a yes/no, JSON); the product rules themselves (SKU pattern, limits, uniqueness)
 * are the API's, applied to the values when the row is imported.
 */
import { type CellProblem, ROW_ERROR, type RowError } from './import-row-error.js';
import type { ColumnLayout, SheetColumn, SheetField } from './product-sheet.columns.js';

/** A product's values as a row gives them; a field the file has no column for is absent. */
export interface ProductDraft {
  sku?: string;
  name?: string;
  attributes?: Record<string, string>;
  barcodes?: string[];
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  priceMinor?: number;
  currency?: string;
  purchaseLimit?: number | null;
  active?: boolean;
}

/** One non-blank line of the file: its number as a spreadsheet shows it and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface ParsedRow extends SheetRow {
  sku: string;
  draft: ProductDraft;
  /** The `price` column's decimal text, turned into minor units once the currency is known. */
  price?: string;
  errors: RowError[];
}

type Parsed<T> = { value: T } | { problem: CellProblem };

const INT_MAX = 2_147_483_647;
const TRUE = new Set(['true', 'yes', 'y', '1', 'on', '是', '启用', '有效', 'x', '√', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', '否', '停用', '无效', '禁用']);
/** What a spreadsheet writes for a long number it has shortened: 6.90123E+12. */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/** Undoes the quote an export puts before text that a spreadsheet would run as a formula. */
const unescapeCell = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const problem = (code: string, message: string, params?: CellProblem['params']): { problem: CellProblem } => ({
  problem: { code, message, ...(params ? { params } : {}) },
});

function requiredText(text: string, label: string): Parsed<string> {
  return text === '' ? problem(ROW_ERROR.required, `${label} is required`) : { value: text };
}

function wholeNumber(text: string, max = INT_MAX): Parsed<number> {
  const plain = text.replace(/^\+/, '');
  if (/^-?\d+(\.0+)?$/.test(plain)) {
    const value = Number(plain);
    if (Math.abs(value) > max) return problem(ROW_ERROR.tooLarge, `${text} is too large`, { value: text });
    return { value };
  }
  if (/^-?\d*\.\d+$/.test(plain)) return problem(ROW_ERROR.notAWholeNumber, `"${text}" is not a whole number`, { value: text });
  return problem(ROW_ERROR.notANumber, `"${text}" is not a number`, { value: text });
}

function optionalWholeNumber(text: string): Parsed<number | null> {
  return text === '' ? { value: null } : wholeNumber(text);
}

function yesNo(text: string): Parsed<boolean> {
  if (text === '') return { value: true };
  const key = text.toLowerCase();
  if (TRUE.has(key)) return { value: true };
  if (FALSE.has(key)) return { value: false };
  return problem(ROW_ERROR.invalidBoolean, `"${text}" is not yes or no (write true/false, yes/no, 1/0 or 是/否)`, { value: text });
}

function attributeText(text: string): Parsed<Record<string, string>> {
  if (text === '') return { value: {} };
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return problem(ROW_ERROR.invalidJson, `Not valid JSON: ${(e as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return problem(ROW_ERROR.invalidAttributes, 'The specification must be a JSON object such as {"color":"blue"}');
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, v]) => !['string', 'number', 'boolean'].includes(typeof v))) {
      return problem(ROW_ERROR.invalidAttributes, 'Each specification value must be text, such as {"color":"blue"}');
    }
    return { value: Object.fromEntries(entries.map(([k, v]) => [k.trim(), String(v).trim()])) };
  }
  // color=blue; size=M (also 颜色：蓝色；尺码：M)
  const pairs = text.split(/[;\n；]+/).map((part) => part.trim()).filter(Boolean);
  const value: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.search(/[=:：＝]/);
    const name = at > 0 ? pair.slice(0, at).trim() : '';
    if (!name) {
      return problem(ROW_ERROR.invalidAttributes, 'Write the specification as {"color":"blue"} or as color=blue; size=M');
    }
    value[name] = pair.slice(at + 1).trim();
  }
  return { value };
}

function barcodeText(text: string): Parsed<string[]> {
  let list: string[];
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return problem(ROW_ERROR.invalidJson, `Not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(parsed) || parsed.some((b) => typeof b !== 'string' && typeof b !== 'number')) {
      return problem(ROW_ERROR.invalidBarcodes, 'Barcodes must be a JSON list of texts, or codes separated by | or ,');
    }
    list = parsed.map((b) => String(b).trim());
  } else {
    list = text.split(/[\s,;|，；、]+/);
  }
  const shortened = list.find((b) => SCIENTIFIC.test(b));
  if (shortened) return scientific(shortened);
  return { value: [...new Set(list.filter(Boolean))] };
}

function scientific(text: string): { problem: CellProblem } {
  return problem(
    ROW_ERROR.scientificNotation,
    `"${text}" is a number the spreadsheet shortened; format the column as text and type the full code`,
    { value: text },
  );
}

function decimalText(text: string): Parsed<string | undefined> {
  if (text === '') return { value: undefined };
  const plain = text.replace(/^\+/, '');
  if (/^\d+(\.\d*)?$|^\.\d+$/.test(plain)) return { value: plain };
  if (/^-\d*(\.\d*)?$/.test(plain) && plain !== '-') return problem(ROW_ERROR.tooSmall, 'must not be negative', { min: 0 });
  return problem(ROW_ERROR.notANumber, `"${text}" is not a number`, { value: text });
}

/** Reads one column's cell into the draft, or says why it cannot. */
function readCell(column: SheetColumn, text: string, draft: ProductDraft, out: { price?: string }): CellProblem | undefined {
  const field = column.field as SheetField;
  const label = column.header;
  const set = <T>(parsed: Parsed<T>, apply: (value: T) => void): CellProblem | undefined => {
    if ('problem' in parsed) return parsed.problem;
    apply(parsed.value);
    return undefined;
  };
  switch (field) {
    case 'sku':
      if (SCIENTIFIC.test(text)) return scientific(text).problem;
      return set(requiredText(text, label), (v) => (draft.sku = v));
    case 'name':
      return set(requiredText(text, label), (v) => (draft.name = v));
    case 'currency':
      return set(requiredText(text.toUpperCase(), label), (v) => (draft.currency = v));
    case 'attributes':
      return set(attributeText(text), (v) => (draft.attributes = { ...v, ...draft.attributes }));
    case 'barcodes':
      return set(barcodeText(text), (v) => (draft.barcodes = v));
    case 'weightGrams':
    case 'lengthMm':
    case 'widthMm':
    case 'heightMm':
    case 'purchaseLimit':
      return set(optionalWholeNumber(text), (v) => (draft[field] = v));
    case 'priceMinor':
      // A blank price is checked with the row as a whole: the `price` column may give it.
      if (text === '') return undefined;
      return set(wholeNumber(text, Number.MAX_SAFE_INTEGER), (v) => (draft.priceMinor = v));
    case 'price':
      return set(decimalText(text), (v) => (out.price = v));
    case 'active':
      return set(yesNo(text), (v) => (draft.active = v));
  }
}

/**
 * Every row's values and the problems found in its cells. The second row with a SKU already
 * seen in the file (whatever its case) fails: one file says one thing per product.
 */
export function parseRows(layout: ColumnLayout, rows: SheetRow[]): ParsedRow[] {
  const firstRowOfSku = new Map<string, number>();
  const skuColumn = layout.columns.find((c) => c.field === 'sku');
  const priceColumn = layout.columns.find((c) => c.field === 'price') ?? layout.columns.find((c) => c.field === 'priceMinor');
  const hasAttributeColumns = layout.columns.some((c) => c.attribute !== undefined);
  return rows.map(({ row, cells }) => {
    const draft: ProductDraft = {};
    const out: { price?: string } = {};
    const errors: RowError[] = [];
    if (hasAttributeColumns) draft.attributes = {};
    for (const column of layout.columns) {
      const text = unescapeCell((cells[column.index] ?? '').trim());
      if (column.attribute !== undefined) {
        if (text !== '') draft.attributes = { ...draft.attributes, [column.attribute]: text };
        continue;
      }
      const found = readCell(column, text, draft, out);
      if (found) errors.push({ row, column: column.header, field: column.field, ...found });
    }
    const priceFailed = errors.some((e) => e.field === 'price' || e.field === 'priceMinor');
    if (priceColumn && !priceFailed && out.price === undefined && draft.priceMinor === undefined) {
      const { header, field } = priceColumn;
      errors.push({ row, column: header, field, code: ROW_ERROR.required, message: `${header} is required` });
    }
    const sku = draft.sku ?? '';
    const key = sku.toLowerCase();
    const first = firstRowOfSku.get(key);
    if (sku && first !== undefined) {
      errors.push({
        row,
        column: skuColumn?.header ?? 'sku',
        field: 'sku',
        code: ROW_ERROR.duplicateSku,
        message: `The SKU ${sku} is already in row ${first} of this file`,
        params: { row: first },
      });
    } else if (sku) {
      firstRowOfSku.set(key, row);
    }
    return { row, cells, sku, draft, ...(out.price !== undefined ? { price: out.price } : {}), errors };
  });
}

/** Digits after the decimal point of the currency's major unit: 2 for CNY (fen), 0 for JPY. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "99.5" CNY -> 9950, without floating point; more decimals than the currency has is a problem. */
export function priceToMinor(price: string, currency: string): Parsed<number> {
  const digits = minorDigits(currency);
  const [whole, fraction = ''] = price.split('.');
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    return problem(ROW_ERROR.priceDecimals, `${currency} prices have at most ${digits} digits after the decimal point`, {
      digits,
      currency,
    });
  }
  const minor = Number(`${whole || '0'}${significant.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return problem(ROW_ERROR.tooLarge, `${price} is too large`, { value: price });
  return { value: minor };
}

/** An uploaded file, read and checked: its columns and every row's values and problems. */
export interface ProductSheet {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** The header row as the file writes it. */
  header: string[];
  layout: ColumnLayout;
  rows: ParsedRow[];
}

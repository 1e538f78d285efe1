import { columnLetter, type ColumnLayout, resolveColumns } from './product-sheet.columns.js';
import { parseRows, priceToMinor } from './product-sheet.rows.js';

const layoutOf = (header: string[]): ColumnLayout => {
  const resolved = resolveColumns(header, () => true);
  if ('problem' in resolved) throw new Error(resolved.problem.message);
  return resolved.layout;
};

const parseOne = (header: string[], cells: string[]) => parseRows(layoutOf(header), [{ row: 2, cells }])[0];

describe('product sheet columns', () => {
  it('knows a field by its name, snake_case, or the panel labels in English and Chinese, whatever the case and width', () => {
    const layout = layoutOf(['SKU', 'weight_grams', 'Purchase limit', '长（毫米）', '商品名称', ' PRICEMINOR ', 'attr.Color', '规格.尺码']);
    expect(layout.columns.map((c) => c.field ?? `attr:${c.attribute}`)).toEqual([
      'sku',
      'weightGrams',
      'purchaseLimit',
      'lengthMm',
      'name',
      'priceMinor',
      'attr:Color',
      'attr:尺码',
    ]);
  });

  it('lists unknown headers, skips exported read-only ones, and reports an unnamed column only when it holds data', () => {
    const resolved = resolveColumns(['sku', 'colour', 'id', 'updatedAt', 'error', '', ''], (i) => i === 6);
    expect(resolved).toEqual({ layout: expect.objectContaining({ ignored: ['colour', '(column G)'] }) });
  });

  it('refuses a header without sku, or with two columns for one field', () => {
    expect(resolveColumns(['name', 'price'], () => true)).toMatchObject({
      problem: { code: 'product_imports.missing_columns', details: { columns: ['sku'] } },
    });
    expect(resolveColumns(['sku', 'Weight (g)', 'weightGrams'], () => true)).toMatchObject({
      problem: { code: 'product_imports.duplicate_columns' },
    });
  });

  it('names columns by their spreadsheet letters', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });
});

describe('product sheet cells', () => {
  it('reads numbers, yes/no, barcodes and both ways of writing a specification', () => {
    const row = parseOne(
      ['sku', 'weightGrams', 'active', 'barcodes', 'attributes', 'attr.size', 'purchaseLimit'],
      ['A-1', '180.0', '否', '690001|690002, 690001', '颜色：蓝色；材质=棉', 'M', ''],
    );
    expect(row.errors).toEqual([]);
    expect(row.draft).toEqual({
      sku: 'A-1',
      weightGrams: 180,
      active: false,
      barcodes: ['690001', '690002'],
      attributes: { 颜色: '蓝色', 材质: '棉', size: 'M' },
      purchaseLimit: null,
    });
  });

  it('says which cell is wrong and why', () => {
    const row = parseOne(
      ['sku', 'weightGrams', 'lengthMm', 'active', 'attributes', 'barcodes', 'price'],
      ['A-1', '1.5', 'ten', 'maybe', '{"a":', '6.90123E+12', '-3'],
    );
    expect(row.errors.map((e) => [e.column, e.code])).toEqual([
      ['weightGrams', 'product_imports.not_a_whole_number'],
      ['lengthMm', 'product_imports.not_a_number'],
      ['active', 'product_imports.invalid_boolean'],
      ['attributes', 'product_imports.invalid_json'],
      ['barcodes', 'product_imports.scientific_notation'],
      ['price', 'product_imports.too_small'],
    ]);
  });

  it('undoes the quote an export puts before formula-like text', () => {
    expect(parseOne(['sku', 'name'], ['A-1', "'=SUM(1)"]).draft.name).toBe('=SUM(1)');
  });

  it('fails the second row with a SKU already seen in the file, whatever its case', () => {
    const rows = parseRows(layoutOf(['sku']), [
      { row: 2, cells: ['AB-1'] },
      { row: 3, cells: ['ab-1'] },
    ]);
    expect(rows.map((r) => r.errors.map((e) => [e.row, e.code, e.params]))).toEqual([[], [[3, 'product_imports.duplicate_sku', { row: 2 }]]]);
  });
});

describe('prices in major units', () => {
  it('turns them into minor units by the currency, without floating point', () => {
    expect(priceToMinor('19.99', 'CNY')).toEqual({ value: 1999 });
    expect(priceToMinor('0.29', 'USD')).toEqual({ value: 29 });
    expect(priceToMinor('1200', 'JPY')).toEqual({ value: 1200 });
    expect(priceToMinor('99.500', 'CNY')).toEqual({ value: 9950 });
    expect(priceToMinor('.5', 'EUR')).toEqual({ value: 50 });
  });

  it('refuses more decimals than the currency has', () => {
    expect(priceToMinor('1.5', 'JPY')).toMatchObject({ problem: { code: 'product_imports.price_decimals', params: { digits: 0 } } });
    expect(priceToMinor('19.999', 'CNY')).toMatchObject({ problem: { params: { digits: 2, currency: 'CNY' } } });
  });
});

import { fileProblem, isFinished, problemText, templateCsv, uploadProblem } from './importFile';

describe('product import helpers', () => {
  it('refuses files that are not CSV or XLSX, or too large, before uploading them', () => {
    expect(fileProblem({ name: '商品.XLSX', size: 1000 })).toBeUndefined();
    expect(fileProblem({ name: 'products.csv', size: 10 * 2 ** 20 })).toBeUndefined();
    expect(fileProblem({ name: 'old.xls', size: 10 })).toBe('resources.products.import.choose.wrong_type');
    expect(fileProblem({ name: 'big.csv', size: 10 * 2 ** 20 + 1 })).toBe('resources.products.import.choose.too_big');
  });

  it('writes a header-only template Excel opens as UTF-8', () => {
    expect(templateCsv(['SKU', '商品名称', 'Weight (g)', 'a,b'])).toBe('\uFEFFSKU,商品名称,Weight (g),"a,b"\r\n');
  });

  it('translates a known problem with its parameters and falls back to the server text', () => {
    const translate = (key: string, options?: Record<string, unknown>) =>
      key.endsWith('duplicate_sku') ? `row ${options?.row}` : String(options?._);
    expect(problemText(translate, { code: 'product_imports.duplicate_sku', message: 'x', params: { row: 2 } })).toBe('row 2');
    expect(problemText(translate, { code: 'something.new', message: 'Server words' })).toBe('Server words');
  });

  it('reads a refused upload and knows when a job is over', () => {
    const error = { body: { code: 'product_imports.missing_columns', message: 'No sku', details: { columns: ['sku', 'name'] } } };
    expect(uploadProblem(error)).toEqual({ code: 'product_imports.missing_columns', message: 'No sku', params: { columns: 'sku, name' } });
    expect([isFinished({ status: 'running' }), isFinished({ status: 'done' }), isFinished({ status: 'failed' })]).toEqual([false, true, true]);
  });
});

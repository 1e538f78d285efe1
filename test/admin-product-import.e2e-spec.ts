/// <reference lib="dom" />
/**
 * The product import wizard in a real browser against the whole built system: an administrator
 * working in Chinese downloads the template, fills it with some bad rows, watches the import
 * finish, reads the row errors and downloads the failed rows; in English, fixes and imports
 * those rows again and follows the progress of a larger file. A Viewer gets no Import button.
 * Screenshots land in .tmp/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { type Browser, type Page } from 'playwright-core';
import { type ApiCall, createUser, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
/** The window the screenshots are taken in; it takes downloads. */
const WINDOW = { viewport: { width: 1366, height: 900 }, acceptDownloads: true };

describeInBrowser('product import wizard (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;

  /** Waits for the wizard to finish fading in, so a screenshot shows it and not the page through it. */
  const wizardShown = async (page: Page) => {
    await page.getByTestId('product-import-dialog').waitFor();
    await page.waitForFunction(() => {
      const paper = document.querySelector('[data-testid="product-import-dialog"] .MuiDialog-paper');
      return paper !== null && getComputedStyle(paper.parentElement!).opacity === '1';
    });
  };

  /** Clicks what starts a download and returns the file's name and bytes. */
  const download = async (page: Page, click: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
  };

  const chooseFile = (page: Page, name: string, body: string | Buffer) =>
    page.getByTestId('product-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });

  const countOf = async (page: Page, key: string) =>
    Number((await page.getByTestId(`product-import-${key}`).locator('h5').innerText()).replace(/\D/g, ''));

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem({ env: { OMS_SEED_DEMO: 'false' } }));
    await createUser(api, { email: 'viewer@test.local', name: 'Viewer', password: PASSWORD, role: 'viewer' });
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  let failedRows: string[][];

  it('imports a sheet with the Chinese template headers, shows the row errors and gives the failed rows back', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN', WINDOW);
    await switchLanguage(page, '简体中文');
    await openMenuItem(page, 'inventory', 'menu-item-products');
    await page.getByTestId('products-empty').getByTestId('product-import-button').click();
    await wizardShown(page);
    await shot(page, 'admin-product-import-choose-zh');

    const template = await download(page, () => page.getByTestId('product-import-template').click());
    expect(template.name).toBe('商品导入模板.csv');
    const [header] = parse(template.body, { bom: true }) as string[][];
    expect(header).toEqual(['SKU', '商品名称', '规格', '条码', '重量（克）', '长（毫米）', '宽（毫米）', '高（毫米）', '售价', '币种', '限购数量', '启用']);

    // A sheet of its own making: the server names the column it lacks.
    await chooseFile(page, '进货单.csv', '商品编码,商品名称\nA-1,杯子\n');
    await page.getByTestId('product-import-start').click();
    await page.getByTestId('product-import-problem').getByText('表头缺少以下列：sku。').waitFor();
    await shot(page, 'admin-product-import-refused-zh');

    const rows = [
      ['CUP-SLV', '保温杯 银色', '颜色=银色', '6901000000101', '350', '', '', '', '129.00', 'CNY', '', '是'],
      ['CUP-BLK', '保温杯 黑色', '颜色=黑色', '6901000000118', '350', '', '', '', '129.00', 'CNY', '2', '是'],
      ['CUP-RED', '保温杯 红色', '颜色=红色', '', '-350', '', '', '', '129.00', 'CNY', '', '是'],
      ['CUP-GRN', '保温杯 绿色', '{颜色:绿色', '', '350', '', '', '', '一百', 'CNY', '', '是'],
      ['cup-slv', '重复的行', '', '', '', '', '', '', '99', 'CNY', '', ''],
      ['BOWL-1', '饭碗', '', '6901000000101', '200', '', '', '', '19.9', 'CNY', '', '否'],
    ];
    await chooseFile(page, '保温杯.csv', stringify([header, ...rows], { bom: true }));
    await page.getByTestId('product-import-file-name').getByText('保温杯.csv').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'admin-product-import-chosen-zh');
    await page.getByTestId('product-import-start').click();
    await page.getByTestId('product-import-result').waitFor();
    expect([await countOf(page, 'created'), await countOf(page, 'failed')]).toEqual([2, 4]);
    const errors = page.getByTestId('product-import-error-row');
    expect(await errors.count()).toBe(5);
    expect(await errors.nth(0).innerText()).toMatch(/^4\s+重量（克）\s+数值过小/);
    expect(await errors.nth(1).innerText()).toMatch(/^5\s+规格\s+JSON 格式不正确/);
    expect(await errors.nth(2).innerText()).toMatch(/^5\s+售价\s+不是数字：一百/);
    expect(await errors.nth(3).innerText()).toMatch(/^6\s+SKU\s+该 SKU 已出现在文件第 2 行/);
    expect(await errors.nth(4).innerText()).toMatch(/^7\s+条码\s+该行的条码已被其他商品使用/);
    await shot(page, 'admin-product-import-result-zh');

    const failed = await download(page, () => page.getByTestId('product-import-download-csv').click());
    expect(failed.name).toBe('保温杯-failed-rows.csv');
    failedRows = parse(failed.body, { bom: true }) as string[][];
    expect(failedRows[0]).toEqual([...header, 'error']);
    expect(failedRows.slice(1).map((r) => r[0])).toEqual(['CUP-RED', 'CUP-GRN', 'cup-slv', 'BOWL-1']);
    expect(failedRows[1].at(-1)).toMatch(/^Row 4: 重量（克）:/);

    await page.getByTestId('product-import-close').click();
    await page.locator('.RaDataTable-row').filter({ hasText: 'CUP-SLV' }).waitFor();
    await shot(page, 'admin-products-after-import-zh');
    const listed = await api(`/products?filter=${encodeURIComponent(JSON.stringify({ q: 'CUP-SLV' }))}`);
    expect((listed.body as unknown as Record<string, unknown>[])[0]).toMatchObject({ priceMinor: 12900, attributes: { 颜色: '银色' } });
    await page.context().close();
  });

  it('takes the fixed failed rows back in English, and follows the progress of a larger file', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en-US', WINDOW);
    await switchLanguage(page, 'English');
    await page.goto(`${system.baseUrl}/admin/#/products`);
    await page.getByTestId('product-import-button').click();
    await wizardShown(page);
    await shot(page, 'admin-product-import-choose-en');

    // Fixed in a spreadsheet: the error column may stay, the import skips it.
    const fixed = failedRows.map((row, i) => {
      if (i === 0) return row;
      const copy = [...row];
      if (copy[4] === "'-350") copy[4] = '350';
      if (copy[2] === '{颜色:绿色') copy[2] = '颜色=绿色';
      if (copy[8] === '一百') copy[8] = '129';
      if (copy[3] === '6901000000101') copy[3] = '6901000000125';
      return copy;
    });
    await chooseFile(page, 'fixed.csv', stringify(fixed, { bom: true }));
    await page.getByTestId('product-import-start').click();
    await page.getByTestId('product-import-result').waitFor();
    expect([await countOf(page, 'created'), await countOf(page, 'updated'), await countOf(page, 'failed')]).toEqual([3, 1, 0]);
    await page.getByText('All 4 rows were imported.').waitFor();
    await shot(page, 'admin-product-import-fixed-en');

    await page.getByTestId('product-import-again').click();
    const rows = Array.from({ length: 1500 }, (_, i) => `BULK-${i},Bulk item ${i},9.90,CNY`);
    await chooseFile(page, 'bulk.csv', ['sku,name,price,currency,colour', ...rows.map((r) => `${r},`), 'BULK-X,Broken,abc,CNY,'].join('\n'));
    await page.getByTestId('product-import-start').click();
    await page.getByTestId('product-import-progress-text').getByText(/^[1-9][\d,]* of 1,501 rows/).waitFor({ timeout: 30_000 });
    // The bar eases towards the new value.
    await page.waitForTimeout(500);
    await shot(page, 'admin-product-import-progress-en');
    await page.getByTestId('product-import-result').waitFor({ timeout: 120_000 });
    expect([await countOf(page, 'created'), await countOf(page, 'failed')]).toEqual([1500, 1]);
    await page.getByTestId('product-import-ignored').getByText('colour').waitFor();
    expect(await page.getByTestId('product-import-error-row').innerText()).toMatch(/^1502\s+price\s+Not a number: abc/);
    await shot(page, 'admin-product-import-result-en');

    const xlsx = await download(page, () => page.getByTestId('product-import-download-xlsx').click());
    expect(xlsx.name).toBe('bulk-failed-rows.xlsx');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  }, 180_000);

  it('offers a Viewer no import', async () => {
    const page = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en-US', WINDOW);
    await page.goto(`${system.baseUrl}/admin/#/products`);
    await page.locator('.RaDataTable-row').first().waitFor();
    expect(await page.getByTestId('product-import-button').count()).toBe(0);
    await page.context().close();
  });
});

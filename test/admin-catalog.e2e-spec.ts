/// <reference lib="dom" />
/**
 * The product screens in a real browser against the whole built system: an administrator
 * working in Chinese creates, lists and edits a product and meets the server's SKU check on
 * the form; a Viewer sees the catalogue but no way to change it. Screenshots land in .tmp/.
 */
import { type Browser, type Page } from 'playwright-core';
import { type ApiCall, createUser, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
const SKU = 'TEE-BLU-M';
/** The window the screenshots are taken in. */
const WINDOW = { viewport: { width: 1366, height: 900 } };

describeInBrowser('product screens (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;

  const fillProduct = async (page: Page, sku: string, name: string, price: string) => {
    await page.locator('input[name="sku"]').fill(sku);
    await page.locator('input[name="name"]').fill(name);
    await page.locator('input[name="price"]').fill(price);
  };

  beforeAll(async () => {
    // An empty catalogue: the test starts from "no products yet".
    ({ system, browser, api } = await startBrowserSystem({ env: { OMS_SEED_DEMO: 'false' } }));
    await createUser(api, { email: 'viewer@test.local', name: 'Viewer', password: PASSWORD, role: 'viewer' });
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('lets an administrator create, list and edit a product in Chinese, and shows a taken SKU on its field', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN', WINDOW);
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    await openMenuItem(page, 'inventory', 'menu-item-products');
    await page.getByTestId('products-empty').waitFor();
    await shot(page, 'admin-products-empty-zh');

    await page.getByTestId('products-empty').getByRole('link').click();
    await fillProduct(page, SKU, '纯棉T恤', '99');
    await page.getByTestId('product-attributes-input').locator('.button-add').click();
    await page.locator('input[name="attributes.0.name"]').fill('颜色');
    await page.locator('input[name="attributes.0.value"]').fill('蓝色');
    await page.getByTestId('product-barcodes-input').locator('input').fill('6901234567892');
    await page.getByTestId('product-barcodes-input').locator('input').press('Enter');
    await page.locator('input[name="weightGrams"]').fill('180');
    await page.locator('input[name="purchaseLimit"]').fill('5');
    await shot(page, 'admin-product-create-zh');
    await page.getByRole('button', { name: '保存' }).click();

    await page.getByTestId('product-price').getByText('¥99.00').waitFor();
    expect(await page.getByTestId('product-barcode-chip').innerText()).toBe('6901234567892');
    await shot(page, 'admin-product-show-zh');

    const listed = await api(`/products?filter=${encodeURIComponent(JSON.stringify({ q: SKU }))}`);
    const created = (listed.body as unknown as Array<Record<string, unknown>>)[0];
    expect(created).toMatchObject({
      sku: SKU,
      attributes: { 颜色: '蓝色' },
      barcodes: ['6901234567892'],
      weightGrams: 180,
      priceMinor: 9900,
      currency: 'CNY',
      purchaseLimit: 5,
      active: true,
    });

    await page.getByTestId('menu-item-products').click();
    const row = page.locator('.RaDataTable-row').filter({ hasText: SKU });
    await row.getByTestId('product-attribute-chip').getByText('颜色: 蓝色').waitFor();
    expect(await row.getByTestId('product-price').innerText()).toBe('¥99.00');
    await shot(page, 'admin-products-zh');

    await row.click();
    await page.getByTestId('product-barcode-chip').waitFor();
    await page.getByRole('link', { name: '编辑' }).click();
    await page.locator('input[name="price"]').fill('129.5');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('product-price').getByText('¥129.50').waitFor();
    expect((await api(`/products/${String(created.id)}`)).body.priceMinor).toBe(12950);

    // The same SKU in other letter case is the same product for the server.
    await page.goto(`${system.baseUrl}/admin/#/products/create`);
    await fillProduct(page, SKU.toLowerCase(), '重复的T恤', '10');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.ra-input-sku').getByText('已有其他商品使用该 SKU').waitFor();
    await shot(page, 'admin-product-sku-taken-zh');

    await switchLanguage(page, 'English');
    await page.goto(`${system.baseUrl}/admin/#/products`);
    await page.locator('.RaDataTable-row').filter({ hasText: SKU }).getByTestId('product-price').getByText('CN¥129.50').waitFor();
    await shot(page, 'admin-products-en');
    await page.goto(`${system.baseUrl}/admin/#/products/${String(created.id)}/show`);
    await page.getByTestId('product-barcode-chip').waitFor();
    await shot(page, 'admin-product-show-en');
    await page.goto(`${system.baseUrl}/admin/#/products/${String(created.id)}`);
    await page.locator('input[name="attributes.0.name"]').waitFor();
    await shot(page, 'admin-product-edit-en');
    await page.goto(`${system.baseUrl}/admin/#/products/create`);
    await page.locator('input[name="sku"]').waitFor();
    await shot(page, 'admin-product-create-en');
    await page.context().close();
  });

  it('shows a Viewer the catalogue without any way to change it', async () => {
    const page = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en-US', WINDOW);
    await openMenuItem(page, 'inventory', 'menu-item-products');
    await page.locator('.RaDataTable-row').filter({ hasText: SKU }).waitFor();
    expect(await page.locator('a[href*="/products/create"]').count()).toBe(0);
    await shot(page, 'admin-products-viewer-en');

    await page.locator('.RaDataTable-row').filter({ hasText: SKU }).click();
    await page.getByTestId('product-barcode-chip').waitFor();
    await page.getByRole('link', { name: 'List' }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await shot(page, 'admin-product-show-viewer-en');

    const token = await page.evaluate(() => localStorage.getItem('oms.accessToken'));
    const refused = await api('/products', { method: 'POST', token: token!, body: { sku: 'X-1', name: 'x', priceMinor: 1, currency: 'CNY' } });
    expect(refused.status).toBe(403);
    await page.context().close();
  });
});

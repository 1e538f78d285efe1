/// <reference lib="dom" />
/**
 * The inventory screens in a real browser against the whole built system with its demo shop:
 * an administrator working in Chinese receives stock through the row's dialog and sees on-hand
 * rise, is told when an adjustment would take more than is available, finds the receipt in the
 * ledger and opens a warehouse; a Viewer sees stock but no way to change it. Screenshots land in .tmp/.
 */
import { type Browser, type Locator, type Page } from 'playwright-core';
import { type ApiCall, createUser, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
const REFERENCE = 'PO-E2E-0001';

type Level = { id: string; sku: string; warehouseId: string; onHand: number; reserved: number; available: number };

describeInBrowser('inventory screens (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let hangzhou: { id: string; code: string };
  let level: Level;

  let api: ApiCall;
  const filter = (value: object) => encodeURIComponent(JSON.stringify(value));

  const count = async (cell: Locator) => Number((await cell.innerText()).replace(/[^\d-]/g, ''));

  const levelRow = (page: Page) =>
    page
      .locator('.RaDataTable-row')
      .filter({ has: page.getByTestId('stock-sku-filter').getByText(level.sku, { exact: true }) })
      .filter({ hasText: hangzhou.code });

  /** The stock-levels row of the chosen SKU in Hangzhou, found through the list's search box. */
  const hangzhouRow = async (page: Page) => {
    await page.locator('input[name="q"]').fill(level.sku);
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(level.sku));
    const row = levelRow(page);
    await row.waitFor();
    return row;
  };

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    const warehouses = (await api(`/warehouses?filter=${filter({ q: 'HZ-01' })}`)).body as unknown as Array<{ id: string; code: string }>;
    hangzhou = warehouses.find((w) => w.code === 'HZ-01')!;
    expect(hangzhou).toBeDefined();
    const levels = (await api(`/stock-levels?filter=${filter({ warehouseId: hangzhou.id, low: false })}&range=[0,49]`))
      .body as unknown as Level[];
    level = levels.find((l) => l.available > 0)!;
    expect(level).toBeDefined();
    await createUser(api, { email: 'viewer@test.local', name: 'Viewer', password: PASSWORD, role: 'viewer' });
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('lets an administrator receive and adjust stock in Chinese, then find it in the ledger', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    await openMenuItem(page, 'inventory', 'menu-item-stock-levels');
    await page.getByTestId('stock-on-hand').first().waitFor();
    await shot(page, 'admin-stock-levels-zh');

    // Receive 10 units through the row's dialog: on hand rises by 10.
    let row = await hangzhouRow(page);
    const before = await count(row.getByTestId('stock-on-hand'));
    expect(before).toBe(level.onHand);
    await row.getByTestId('stock-movement-button').click();
    const dialog = page.getByTestId('stock-movement-dialog');
    await dialog.getByText('入库或调整').waitFor();
    await dialog.locator('input[name="quantity"]').fill('10');
    await dialog.locator('input[name="reason"]').fill('采购到货');
    await dialog.locator('input[name="reference"]').fill(REFERENCE);
    await shot(page, 'admin-stock-receive-zh');
    await dialog.getByTestId('stock-movement-submit').click();
    await dialog.waitFor({ state: 'detached' });
    row = levelRow(page);
    await row.getByTestId('stock-on-hand').getByText(String(before + 10), { exact: true }).waitFor();

    // An adjustment taking more than is available is refused, with the reason in the dialog.
    const available = await count(row.getByTestId('stock-available'));
    await row.getByTestId('stock-movement-button').click();
    await dialog.getByRole('radio', { name: '调整' }).check();
    await dialog.locator('input[name="quantity"]').fill(String(-(available + 1)));
    await dialog.locator('input[name="reason"]').fill('盘点差异');
    await dialog.getByTestId('stock-movement-submit').click();
    await dialog.getByTestId('stock-movement-error').getByText('库存不足').waitFor();
    await shot(page, 'admin-stock-insufficient-zh');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await count(row.getByTestId('stock-on-hand'))).toBe(before + 10);

    // The receipt is in the ledger.
    await page.getByTestId('menu-item-stock-movements').click();
    await page.locator('input[name="sku"]').fill(level.sku);
    // The filter reaches the address after a pause: wait for it before leaving the page.
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(level.sku));
    const receipt = page.locator('.RaDataTable-row').filter({ hasText: REFERENCE });
    await receipt.getByTestId('movement-type').getByText('入库').waitFor();
    expect(await receipt.getByTestId('movement-quantity').innerText()).toBe('+10');
    await shot(page, 'admin-stock-movements-zh');

    // A warehouse.
    const warehouseRow = (code: string) =>
      page.locator('.RaDataTable-row').filter({ has: page.getByTestId('warehouse-type') }).filter({ hasText: code });
    await page.getByTestId('menu-item-warehouses').click();
    await warehouseRow('HZ-01').click();
    await page.getByTestId('warehouse-code').getByText('HZ-01').waitFor();
    await page.getByTestId('warehouse-address').getByText('杭州市', { exact: false }).waitFor();
    await shot(page, 'admin-warehouse-show-zh');
    await page.getByTestId('menu-item-warehouses').click();
    await warehouseRow('BJ-01').waitFor();
    await shot(page, 'admin-warehouses-zh');

    // The same screens in English.
    await switchLanguage(page, 'English');
    await page.goto(`${system.baseUrl}/admin/#/stock-levels`);
    row = await hangzhouRow(page);
    await row.getByTestId('stock-movement-button').click();
    await dialog.getByText('Receive or adjust').waitFor();
    await shot(page, 'admin-stock-receive-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await row.getByTestId('stock-transfer-button').click();
    await page.getByTestId('stock-transfer-dialog').getByText('Transfer').first().waitFor();
    await shot(page, 'admin-stock-transfer-en');
    await page.getByTestId('stock-transfer-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('input[name="q"]').fill('');
    await page.waitForURL((url) => !decodeURIComponent(url.hash).includes(level.sku));
    await shot(page, 'admin-stock-levels-en');
    // A threshold above what is available makes the level low.
    row = await hangzhouRow(page);
    await row.getByTestId('stock-threshold-button').click();
    const thresholdDialog = page.getByTestId('stock-threshold-dialog');
    await thresholdDialog.locator('input[name="lowStockThreshold"]').fill('100000');
    await shot(page, 'admin-stock-threshold-en');
    await thresholdDialog.getByTestId('stock-threshold-submit').click();
    await row.getByTestId('stock-low-badge').getByText('Low').waitFor();
    await page.locator('input[name="q"]').fill('');
    await page.waitForURL((url) => !decodeURIComponent(url.hash).includes(level.sku));
    await page.getByLabel('Low stock only').check();
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"low":true'));
    await page.getByTestId('stock-low-badge').first().waitFor();
    await shot(page, 'admin-stock-levels-low-en');
    await page.goto(`${system.baseUrl}/admin/#/stock-movements`);
    await page.locator('.RaDataTable-row').filter({ hasText: REFERENCE }).getByText('Receipt').waitFor();
    await shot(page, 'admin-stock-movements-en');
    await page.goto(`${system.baseUrl}/admin/#/warehouses/${hangzhou.id}/show`);
    await page.getByTestId('warehouse-code').waitFor();
    await shot(page, 'admin-warehouse-show-en');
    await page.goto(`${system.baseUrl}/admin/#/warehouses/${hangzhou.id}`);
    await page.locator('input[name="address.city"]').waitFor();
    await shot(page, 'admin-warehouse-edit-en');
    await page.context().close();

    const movements = (await api(`/stock-movements?filter=${filter({ reference: REFERENCE })}`)).body as unknown as Array<Record<string, unknown>>;
    expect(movements).toEqual([
      expect.objectContaining({ sku: level.sku, warehouseId: hangzhou.id, type: 'receipt', quantity: 10, onHandAfter: before + 10 }),
    ]);
  });

  it('shows a Viewer the stock without any way to change it', async () => {
    const page = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en-US');
    await openMenuItem(page, 'inventory', 'menu-item-stock-levels');
    await page.getByTestId('stock-on-hand').first().waitFor();
    expect(await page.getByTestId('stock-movement-button').count()).toBe(0);
    expect(await page.getByTestId('stock-transfer-button').count()).toBe(0);
    expect(await page.getByTestId('stock-threshold-button').count()).toBe(0);
    await shot(page, 'admin-stock-levels-viewer-en');
    await page.getByTestId('menu-item-warehouses').click();
    await page.locator('.RaDataTable-row').first().waitFor();
    expect(await page.locator('a[href*="/warehouses/create"]').count()).toBe(0);
    await page.context().close();
  });
});

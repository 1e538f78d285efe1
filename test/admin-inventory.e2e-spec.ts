/// <reference lib="dom" />
/**
 * The inventory screens in a real browser against the whole built system with its demo shop:
 * an administrator working in Chinese receives stock through the row's dialog and sees on-hand
 * rise, is told when an adjustment would take more than is available, finds the receipt in the
 * ledger and opens a warehouse; finds stock by product name and by warehouse (a third-party one
 * too), sees one SKU in every warehouse and transfers some to the third-party warehouse; a Viewer
 * sees stock but no way to change it, and the ledger names who made each movement. Screenshots land in .tmp/.
 */
import { type Browser, type Locator, type Page } from 'playwright-core';
import { type ApiCall, createUser, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
const REFERENCE = 'PO-E2E-0001';
/** A demo product's Chinese and English names. */
const MUG_ZH = '陶瓷马克杯';
const MUG_EN = 'Ceramic mug';
const THIRD_PARTY_ADDRESS = { country: 'CN', province: '上海市', city: '上海市', district: '嘉定区', line1: '物流园路 9号' };

type Level = { id: string; sku: string; warehouseId: string; onHand: number; reserved: number; available: number; unbinned: number };
type Warehouse = { id: string; code: string; name: string; type: string };

describeInBrowser('inventory screens (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let hangzhou: { id: string; code: string };
  let level: Level;
  /** Every warehouse holding stock (not the virtual pool), in priority order, as the panel names them. */
  let stockWarehouses: Warehouse[];
  let thirdParty: Warehouse;
  /** A mug also held by the third-party warehouse. */
  let mug: string;

  let api: ApiCall;
  const filter = (value: object) => encodeURIComponent(JSON.stringify(value));

  const count = async (cell: Locator) => Number((await cell.innerText()).replace(/[^\d-]/g, ''));

  const levelRow = (page: Page) =>
    page
      .locator('.RaDataTable-row')
      .filter({ has: page.getByTestId('stock-sku-filter').getByText(level.sku, { exact: true }) })
      .filter({ hasText: hangzhou.code });

  const warehouseText = (w: { code: string; name: string }) => `${w.code} · ${w.name}`;

  /** Waits until the list shows `count` rows and each of them contains `text`. */
  const rowsShowing = (page: Page, count: number, text: string) =>
    page.waitForFunction(
      ([n, t]) => {
        const rows = [...document.querySelectorAll('tbody .RaDataTable-row')];
        return rows.length === n && rows.every((row) => row.textContent?.includes(t));
      },
      [count, text] as const,
    );

  /** Before a screenshot: no tooltip under the mouse, menus and dialogs done opening. */
  const calm = async (page: Page) => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
  };

  /** The page fits the window: nothing sticks out to the right. */
  const fitsWindow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  /** The options of the select that is open, blanks left out. */
  const openOptions = async (page: Page) =>
    (await page.getByRole('listbox').getByRole('option').allInnerTexts()).map((o) => o.trim()).filter(Boolean);

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

    // A third-party warehouse holding some of one mug.
    const created = await api('/warehouses', {
      method: 'POST',
      body: { code: '3PL-SH', name: '上海云仓', type: 'third_party', address: THIRD_PARTY_ADDRESS, priority: 40 },
    });
    expect(created.status).toBe(201);
    thirdParty = created.body as unknown as Warehouse;
    const mugs = (await api(`/stock-levels?filter=${filter({ q: MUG_ZH, warehouseId: hangzhou.id })}`)).body as unknown as Level[];
    mug = mugs.find((l) => l.sku !== level.sku && l.unbinned >= 2)!.sku;
    const receipt = await api('/stock-movements', {
      method: 'POST',
      body: { sku: mug, warehouseId: thirdParty.id, type: 'receipt', quantity: 30, reason: '云仓入库', reference: 'ASN-3PL-0001' },
    });
    expect(receipt.status).toBe(201);
    const all = (await api('/warehouses?range=[0,99]')).body as unknown as Warehouse[];
    stockWarehouses = all.filter((w) => w.type !== 'virtual');
    expect(stockWarehouses.map((w) => w.code)).toEqual(['HZ-01', 'GZ-01', 'BJ-01', '3PL-SH']);
    expect(all.some((w) => w.type === 'virtual')).toBe(true);
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
    // Who made it: the administrator; the demo's opening stock came from the system.
    expect(await page.locator('thead').innerText()).toContain('操作人');
    expect(await receipt.getByTestId('movement-actor').innerText()).toBe('Administrator');
    const opening = page.locator('.RaDataTable-row').filter({ hasText: '期初库存' }).first();
    expect(await opening.getByTestId('movement-actor').innerText()).toBe('系统');
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
    expect(await fitsWindow(page)).toBe(true);
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
    const receiptEn = page.locator('.RaDataTable-row').filter({ hasText: REFERENCE });
    await receiptEn.getByText('Receipt').waitFor();
    expect(await fitsWindow(page)).toBe(true);
    expect(await receiptEn.getByTestId('movement-actor').innerText()).toBe('Administrator');
    expect(await page.locator('thead').innerText()).toContain('By');
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
      expect.objectContaining({
        sku: level.sku,
        warehouseId: hangzhou.id,
        type: 'receipt',
        quantity: 10,
        onHandAfter: before + 10,
        actorName: 'Administrator',
      }),
    ]);
  });

  it('finds stock by product name and by warehouse, shows a SKU in every warehouse, and transfers to a third-party one, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    await openMenuItem(page, 'inventory', 'menu-item-stock-levels');
    await page.getByTestId('stock-on-hand').first().waitFor();
    const rows = page.locator('tbody .RaDataTable-row');
    const search = page.locator('input[name="q"]');

    // By the product's name, in Chinese and in English: every mug, in every warehouse holding it.
    const mugs = (await api(`/stock-levels?filter=${filter({ q: MUG_ZH })}&range=[0,99]`)).body as unknown as Level[];
    expect(mugs.length).toBeGreaterThan(4);
    expect(mugs.length).toBeLessThanOrEqual(25);
    await search.fill(MUG_EN);
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(MUG_EN));
    await rowsShowing(page, mugs.length, MUG_EN);
    await search.fill(MUG_ZH);
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(MUG_ZH));
    await rowsShowing(page, mugs.length, MUG_ZH);
    for (const name of await page.locator('tbody td.column-productName').allInnerTexts()) {
      expect(name).toContain(MUG_ZH);
    }
    expect(new Set(await page.getByTestId('stock-sku-filter').allInnerTexts())).toEqual(new Set(mugs.map((l) => l.sku)));
    await calm(page);
    await shot(page, 'admin-stock-levels-by-name-zh');

    // The warehouse filter offers every warehouse holding stock, the third-party one too, not the virtual pool.
    await page.getByTestId('stock-warehouse-filter').getByRole('combobox').click();
    await page.getByRole('option', { name: warehouseText(thirdParty) }).waitFor();
    expect(await openOptions(page)).toEqual(stockWarehouses.map(warehouseText));
    await calm(page);
    await shot(page, 'admin-stock-warehouse-filter-zh');
    await page.getByRole('option', { name: warehouseText(thirdParty) }).click();
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(thirdParty.id));
    await rowsShowing(page, 1, warehouseText(thirdParty));
    const held = rows.first();
    expect(await held.getByTestId('stock-sku-filter').innerText()).toBe(mug);
    expect(await count(held.getByTestId('stock-on-hand'))).toBe(30);
    await calm(page);
    await shot(page, 'admin-stock-levels-third-party-zh');

    // The SKU lists it in every warehouse, whatever the search and warehouse were.
    const everywhere = (await api(`/stock-levels?filter=${filter({ sku: mug })}`)).body as unknown as Level[];
    expect(new Set(everywhere.map((l) => l.warehouseId))).toEqual(new Set(stockWarehouses.map((w) => w.id)));
    await held.getByTestId('stock-sku-filter').click();
    await page.waitForURL((url) => {
      const hash = decodeURIComponent(url.hash);
      return hash.includes(`"sku":"${mug}"`) && !hash.includes(thirdParty.id) && !hash.includes(MUG_ZH);
    });
    await rowsShowing(page, everywhere.length, mug);
    const shown = await rows.evaluateAll((els) =>
      els.map((row) => [
        row.querySelector('[data-testid="stock-warehouse"]')?.textContent ?? '',
        Number(row.querySelector('[data-testid="stock-on-hand"]')?.textContent?.replace(/[^\d-]/g, '')),
      ]),
    );
    const named = (warehouseId: string) => warehouseText(stockWarehouses.find((w) => w.id === warehouseId)!);
    expect(new Map(shown as [string, number][])).toEqual(new Map(everywhere.map((l) => [named(l.warehouseId), l.onHand])));
    await calm(page);
    await shot(page, 'admin-stock-sku-everywhere-zh');

    // Two units go from Hangzhou to the third-party warehouse; the destinations leave the virtual pool out.
    const fromHangzhou = everywhere.find((l) => l.warehouseId === hangzhou.id)!;
    const hangzhouLevel = rows.filter({ hasText: hangzhou.code });
    await hangzhouLevel.getByTestId('stock-transfer-button').click();
    const dialog = page.getByTestId('stock-transfer-dialog');
    await dialog.getByText(`将 ${mug} 调拨到其他仓库`).waitFor();
    await dialog.getByRole('combobox', { name: '调入仓库' }).click();
    await page.getByRole('option', { name: warehouseText(thirdParty) }).waitFor();
    expect(await openOptions(page)).toEqual(stockWarehouses.map(warehouseText));
    // The stock's own warehouse is no destination.
    await page.getByRole('option', { name: warehouseText(stockWarehouses.find((w) => w.id === hangzhou.id)!) }).click();
    await dialog.locator('input[name="quantity"]').fill('2');
    await dialog.locator('input[name="reason"]').fill('补货到云仓');
    await dialog.getByTestId('stock-transfer-submit').click();
    await dialog.getByText('请选择与当前仓库不同的目标仓库。').waitFor();
    await dialog.getByRole('combobox', { name: '调入仓库' }).click();
    await page.getByRole('option', { name: warehouseText(thirdParty) }).click();
    await calm(page);
    await shot(page, 'admin-stock-transfer-third-party-zh');
    await dialog.getByTestId('stock-transfer-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const thirdPartyLevel = rows.filter({ hasText: thirdParty.code });
    await thirdPartyLevel.getByTestId('stock-on-hand').getByText('32', { exact: true }).waitFor();
    await hangzhouLevel.getByTestId('stock-on-hand').getByText(String(fromHangzhou.onHand - 2), { exact: true }).waitFor();
    const after = (await api(`/stock-levels?filter=${filter({ sku: mug })}`)).body as unknown as Level[];
    expect(after.find((l) => l.warehouseId === thirdParty.id)).toMatchObject({ onHand: 32 });
    expect(after.find((l) => l.warehouseId === hangzhou.id)).toMatchObject({ onHand: fromHangzhou.onHand - 2 });
    await page.context().close();
  });

  it('shows a Viewer the stock without any way to change it, and who moved it', async () => {
    const page = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en-US');
    await openMenuItem(page, 'inventory', 'menu-item-stock-levels');
    await page.getByTestId('stock-on-hand').first().waitFor();
    expect(await page.getByTestId('stock-movement-button').count()).toBe(0);
    expect(await page.getByTestId('stock-transfer-button').count()).toBe(0);
    expect(await page.getByTestId('stock-threshold-button').count()).toBe(0);
    await shot(page, 'admin-stock-levels-viewer-en');
    // The ledger names who made each movement, though a Viewer may not read users.
    await page.getByTestId('menu-item-stock-movements').click();
    const receipt = page.locator('.RaDataTable-row').filter({ hasText: REFERENCE });
    await receipt.getByTestId('movement-actor').getByText('Administrator', { exact: true }).waitFor();
    await page.mouse.move(0, 0);
    // A page of movements with long SKUs still fits the window.
    expect(await fitsWindow(page)).toBe(true);
    await shot(page, 'admin-stock-movements-viewer-en');
    await page.getByTestId('menu-item-warehouses').click();
    await page.locator('.RaDataTable-row').first().waitFor();
    expect(await page.locator('a[href*="/warehouses/create"]').count()).toBe(0);
    await page.context().close();
  });
});

/// <reference lib="dom" />
/**
 * Warehouses, bins and put-away in a real browser against the whole built system with its
 * demo shop: an administrator working in Chinese creates and edits a warehouse (its cost
 * table's fees typed in yuan), adds a bin, puts stock away and moves it between bins, and
 * transfers stock through the transfer dialog, and creates a virtual warehouse pooling two others for
 * one sales channel; warehouse staff of one warehouse see only that warehouse's stock and bins.
 * Screenshots land in .tmp/.
 */
import { type Browser, type Locator, type Page } from 'playwright-core';
import { accessToken, type ApiCall, createUser, describeInBrowser, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
const STAFF = 'staff-gz@test.local';
/** A sales channel whose orders alone may use the virtual warehouse's stock. */
const CHANNEL = '0192a4c1-5e7b-7d2a-9f3c-4b8e6d1a2c3f';

type Warehouse = {
  id: string;
  code: string;
  name: string;
  type: string;
  costTable: { feeMinor: number }[];
  memberIds: string[];
  channelId: string | null;
};
type Level = { id: string; sku: string; warehouseId: string; onHand: number; binned: number; unbinned: number; available: number };
type BinStock = { id: string; binId: string; binCode: string; sku: string; quantity: number; warehouseId: string };

describeInBrowser('warehouse and bin screens (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;
  let hangzhou: Warehouse;
  let guangzhou: Warehouse;

  const filter = (value: object) => encodeURIComponent(JSON.stringify(value));
  const list = async <T>(path: string) => (await api(path)).body as unknown as T[];

  /** Types into a bin autocomplete and picks the bin with exactly this code. */
  const pickBin = async (page: Page, input: Locator, code: string) => {
    await input.click();
    await input.fill(code);
    await page.getByRole('option', { name: code, exact: true }).click();
  };

  const levelOf = async (sku: string, warehouseId: string) =>
    (await list<Level>(`/stock-levels?filter=${filter({ sku, warehouseId })}`))[0];

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    const warehouses = await list<Warehouse>('/warehouses');
    hangzhou = warehouses.find((w) => w.code === 'HZ-01')!;
    guangzhou = warehouses.find((w) => w.code === 'GZ-01')!;
    await createUser(api, { email: STAFF, name: '广州仓 拣货员', password: PASSWORD, role: 'warehouse_staff', warehouseIds: [guangzhou.id] });
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('lets an administrator create and edit a warehouse in Chinese, with cost-table fees typed in yuan', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    await page.goto(`${system.baseUrl}/admin/#/warehouses/create`);
    await page.locator('input[name="code"]').fill('SZ-01');
    await page.locator('input[name="name"]').fill('深圳仓 Shenzhen');
    await page.locator('input[name="address.province"]').fill('广东省');
    await page.locator('input[name="address.city"]').fill('深圳市');
    await page.locator('input[name="address.line1"]').fill('宝安区物流大道 6号');
    await page.getByTestId('warehouse-costs-input').locator('.button-add').click();
    await page.locator('input[name="costTable.0.country"]').fill('CN');
    await page.locator('input[name="costTable.0.province"]').fill('广东省');
    await page.locator('input[name="costTable.0.upToGrams"]').fill('1000');
    const fee = page.locator('input[name="costTable.0.feeMinor"]');
    // Three decimals are more than fen: refused on the form, not rounded.
    await fee.fill('12.505');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('最多两位小数（精确到分）。').waitFor();
    await fee.fill('12.5');
    await shot(page, 'admin-warehouse-create-zh');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('warehouse-code').getByText('SZ-01').waitFor();
    await page.getByTestId('warehouse-cost-fee').getByText('¥12.50').waitFor();
    await shot(page, 'admin-warehouse-created-zh');
    let [shenzhen] = await list<Warehouse>(`/warehouses?filter=${filter({ q: 'SZ-01' })}`);
    expect(shenzhen.costTable).toEqual([expect.objectContaining({ province: '广东省', upToGrams: 1000, feeMinor: 1250 })]);

    // Edit: the stored 1250 fen shows as 12.50; a new fee of 8 is saved as 800.
    await page.goto(`${system.baseUrl}/admin/#/warehouses/${shenzhen.id}`);
    await expect(fee.inputValue()).resolves.toBe('12.50');
    await page.locator('input[name="name"]').fill('深圳仓 Shenzhen Bao’an');
    await fee.fill('8');
    await shot(page, 'admin-warehouse-edit-zh');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('warehouse-cost-fee').getByText('¥8.00').waitFor();
    [shenzhen] = await list<Warehouse>(`/warehouses?filter=${filter({ q: 'SZ-01' })}`);
    expect(shenzhen).toMatchObject({ name: '深圳仓 Shenzhen Bao’an', costTable: [expect.objectContaining({ feeMinor: 800 })] });

    // A new physical warehouse has no bins yet; one is added from its Bins tab.
    await page.getByTestId('warehouse-tab-bins').click();
    await page.getByTestId('bins-none').waitFor();
    await page.getByTestId('bin-create-button').click();
    const dialog = page.getByTestId('bin-dialog');
    await dialog.locator('input[name="zone"]').fill('a');
    await dialog.locator('input[name="aisle"]').fill('01');
    await dialog.locator('input[name="bay"]').fill('01');
    await shot(page, 'admin-bin-create-zh');
    await dialog.getByTestId('bin-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('bin-code').getByText('A-01-01-1').waitFor();
    await page.context().close();
  });

  it('shows the bins of a warehouse in walking order, and puts stock away and moves it between bins', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    await page.goto(`${system.baseUrl}/admin/#/warehouses/${hangzhou.id}/show/bins`);
    const codes = page.getByTestId('bin-code');
    await codes.first().waitFor();
    // The demo snakes through the aisles: aisle 02 is walked from bay 04 back to 01.
    expect((await codes.allInnerTexts()).slice(0, 6)).toEqual(['A-01-01-1', 'A-01-02-1', 'A-01-03-1', 'A-01-04-1', 'A-02-04-1', 'A-02-03-1']);
    const binned = await list<BinStock>(`/bin-stock?filter=${filter({ warehouseId: hangzhou.id })}&range=[0,0]`);
    const row = page.locator('.RaDataTable-row').filter({ has: page.getByTestId('bin-code').getByText(binned[0].binCode, { exact: true }) });
    await row.click();
    await page.getByTestId('bin-contents').getByText(binned[0].sku).waitFor();
    await page.waitForTimeout(500); // the row finishes opening
    await shot(page, 'admin-warehouse-bins-zh');

    // Put away: units waiting outside the bins go into A-01-04-1.
    const level = (await list<Level>(`/stock-levels?filter=${filter({ warehouseId: hangzhou.id, unbinned_gt: 1 })}&range=[0,0]`))[0];
    await page.getByTestId('warehouse-tab-stock').click();
    const waiting = page.getByTestId('warehouse-unbinned').locator('.RaDataTable-row').filter({ hasText: level.sku }).first();
    await waiting.getByTestId('putaway-button').click();
    const putaway = page.getByTestId('putaway-dialog');
    await putaway.getByText(`上架 ${level.sku}`).waitFor();
    await pickBin(page, putaway.getByRole('combobox'), 'A-01-04-1');
    await putaway.locator('input[name="quantity"]').fill('2');
    await shot(page, 'admin-putaway-zh');
    await putaway.getByTestId('putaway-submit').click();
    await putaway.waitFor({ state: 'detached' });
    expect(await levelOf(level.sku, hangzhou.id)).toMatchObject({ onHand: level.onHand, binned: level.binned + 2, unbinned: level.unbinned - 2 });

    // Move: the two units go on to A-01-03-1, found through the bin-stock search.
    await page.getByTestId('bin-stock-search').fill(level.sku);
    const inBin = page
      .getByTestId('warehouse-bin-stock')
      .locator('.RaDataTable-row')
      .filter({ has: page.getByTestId('bin-stock-bin').getByText('A-01-04-1', { exact: true }) })
      .filter({ hasText: level.sku });
    await inBin.getByTestId('bin-move-button').click();
    const move = page.getByTestId('bin-move-dialog');
    await pickBin(page, move.getByRole('combobox'), 'A-01-03-1');
    await shot(page, 'admin-bin-move-zh');
    await move.getByTestId('bin-move-submit').click();
    await move.waitFor({ state: 'detached' });
    const after = await list<BinStock>(`/bin-stock?filter=${filter({ warehouseId: hangzhou.id, sku: level.sku })}`);
    expect(after.find((b) => b.binCode === 'A-01-04-1')).toBeUndefined();
    expect(after.find((b) => b.binCode === 'A-01-03-1')?.quantity).toBeGreaterThanOrEqual(2);
    await page.getByTestId('warehouse-bin-stock').getByTestId('bin-stock-bin').getByText('A-01-03-1').first().waitFor();
    await shot(page, 'admin-warehouse-putaway-zh');

    // The same screens in English.
    await switchLanguage(page, 'English');
    await page.getByText('Waiting to be put away').waitFor();
    await shot(page, 'admin-warehouse-putaway-en');
    await page.getByTestId('warehouse-tab-bins').click();
    await page.getByText('Bins in walking order', { exact: false }).waitFor();
    await shot(page, 'admin-warehouse-bins-en');
    // A bin holding stock cannot be deactivated: the dialog says why.
    await page.getByTestId('bin-edit-button').first().click();
    const binDialog = page.getByTestId('bin-dialog');
    await binDialog.getByText('Edit bin A-01-01-1').waitFor();
    await binDialog.getByLabel('Active').uncheck();
    await binDialog.getByTestId('bin-submit').click();
    await binDialog.getByTestId('bin-error').getByText('This bin still holds stock', { exact: false }).waitFor();
    await shot(page, 'admin-bin-edit-en');
    await binDialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('warehouse-tab-details').click();
    await page.getByTestId('warehouse-cost-fee').first().getByText('CN¥6.00').waitFor();
    await shot(page, 'admin-warehouse-show-en');
    expect(await api('/stock-levels/reconcile')).toMatchObject({ body: { drift: [], binDrift: [] } });
    await page.context().close();
  });

  it('transfers stock to another warehouse through the transfer dialog', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en-US');
    const levels = await list<Level>(`/stock-levels?filter=${filter({ warehouseId: hangzhou.id, unbinned_gt: 3 })}&range=[0,49]`);
    const level = levels.find((l) => l.binned > 0)!;
    const target = await levelOf(level.sku, guangzhou.id);
    await page.goto(`${system.baseUrl}/admin/#/stock-levels?filter=${filter({ sku: level.sku, warehouseId: hangzhou.id })}`);
    const row = page.locator('.RaDataTable-row').filter({ hasText: hangzhou.code });
    await row.getByTestId('stock-transfer-button').click();
    const dialog = page.getByTestId('stock-transfer-dialog');
    await dialog.getByRole('combobox', { name: 'To warehouse' }).click();
    await page.getByRole('option', { name: `${guangzhou.code} · ${guangzhou.name}` }).click();
    await dialog.locator('input[name="quantity"]').fill('3');
    await dialog.locator('input[name="reason"]').fill('Rebalance to the south');
    // The units lie in bins too: the dialog offers the bins holding the SKU, and bins of the destination.
    await dialog.getByTestId('stock-transfer-from-bin').waitFor();
    await dialog.getByTestId('stock-transfer-to-bin').waitFor();
    await shot(page, 'admin-stock-transfer-bins-en');
    await dialog.getByTestId('stock-transfer-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('stock-on-hand').getByText(String(level.onHand - 3), { exact: true }).waitFor();
    expect(await levelOf(level.sku, hangzhou.id)).toMatchObject({ onHand: level.onHand - 3, binned: level.binned });
    expect(await levelOf(level.sku, guangzhou.id)).toMatchObject({ onHand: (target?.onHand ?? 0) + 3 });
    await shot(page, 'admin-stock-transferred-en');

    // Removing more than lies outside the bins needs the bin they come out of.
    await row.getByTestId('stock-movement-button').click();
    const movement = page.getByTestId('stock-movement-dialog');
    await movement.getByRole('radio', { name: 'Adjust' }).check();
    await movement.locator('input[name="quantity"]').fill(String(-(level.unbinned - 3 + 1)));
    await movement.locator('input[name="reason"]').fill('Stock count');
    await movement.getByTestId('stock-movement-submit').click();
    await movement.getByTestId('stock-movement-error').getByText('choose the bin', { exact: false }).waitFor();
    await shot(page, 'admin-stock-bin-required-en');
    const [held] = await list<BinStock>(`/bin-stock?filter=${filter({ warehouseId: hangzhou.id, sku: level.sku })}`);
    await movement.locator('input[name="quantity"]').fill('-1');
    await movement.getByRole('combobox', { name: 'Bin' }).click();
    await page.getByRole('option', { name: `${held.binCode} · ${held.quantity}` }).click();
    await shot(page, 'admin-stock-adjust-bin-en');
    await movement.getByTestId('stock-movement-submit').click();
    await movement.waitFor({ state: 'detached' });
    expect(await levelOf(level.sku, hangzhou.id)).toMatchObject({ onHand: level.onHand - 4, binned: level.binned - 1 });
    await page.context().close();
  });

  it('creates a virtual warehouse pooling two warehouses for one sales channel, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    await page.goto(`${system.baseUrl}/admin/#/warehouses/create`);
    await page.locator('input[name="code"]').fill('VW-SOUTH');
    await page.locator('input[name="name"]').fill('华东华南渠道专供虚拟仓');
    await page.getByRole('combobox', { name: '类型' }).click();
    await page.getByRole('option', { name: '虚拟仓' }).click();

    // The pooled warehouses are picked from the physical ones: the demo's own pool is not offered.
    const members = page.getByRole('combobox', { name: '包含的仓库' });
    await members.click();
    await page.getByRole('option', { name: `${hangzhou.code} · ${hangzhou.name}` }).waitFor();
    const offered = await page.getByRole('listbox').getByRole('option').allInnerTexts();
    expect(offered).toEqual(expect.arrayContaining([`${hangzhou.code} · ${hangzhou.name}`, `${guangzhou.code} · ${guangzhou.name}`]));
    expect(offered.some((o) => o.includes('CN-EAST-SOUTH'))).toBe(false);
    await page.getByRole('option', { name: `${hangzhou.code} · ${hangzhou.name}` }).click();
    await members.fill('GZ');
    await page.getByRole('option', { name: `${guangzhou.code} · ${guangzhou.name}` }).click();
    await page.locator('input[name="channelId"]').fill(CHANNEL);
    await page.locator('input[name="address.province"]').fill('浙江省');
    await page.locator('input[name="address.city"]').fill('杭州市');
    await page.locator('input[name="address.line1"]').fill('仓前街道文一西路 1号');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await shot(page, 'admin-warehouse-virtual-create-zh');
    await page.getByRole('button', { name: '保存' }).click();

    // Its page names the pooled warehouses and the channel; a pool has no bins of its own.
    await page.getByTestId('warehouse-code').getByText('VW-SOUTH').waitFor();
    await page.getByTestId('warehouse-type').getByText('虚拟仓').waitFor();
    await page.getByTestId('warehouse-member-chip').first().waitFor();
    expect(new Set(await page.getByTestId('warehouse-member-chip').allInnerTexts())).toEqual(new Set([hangzhou.name, guangzhou.name]));
    await page.getByText(CHANNEL).waitFor();
    expect(await page.getByTestId('warehouse-tab-bins').count()).toBe(0);
    await shot(page, 'admin-warehouse-virtual-zh');

    const [pool] = await list<Warehouse>(`/warehouses?filter=${filter({ q: 'VW-SOUTH' })}`);
    expect(pool).toMatchObject({ code: 'VW-SOUTH', name: '华东华南渠道专供虚拟仓', type: 'virtual', channelId: CHANNEL });
    expect([...pool.memberIds].sort()).toEqual([hangzhou.id, guangzhou.id].sort());
    await page.context().close();
  });

  it('shows warehouse staff only their own warehouse, its stock and its bins, and lets them put stock away there', async () => {
    const page = await signIn(browser, system.baseUrl, STAFF, PASSWORD, 'en-US');
    await page.goto(`${system.baseUrl}/admin/#/warehouses`);
    const warehouseRows = page.locator('.RaDataTable-row').filter({ has: page.getByTestId('warehouse-type') });
    await warehouseRows.first().waitFor();
    expect(await warehouseRows.allInnerTexts()).toEqual([expect.stringContaining('GZ-01')]);
    await shot(page, 'admin-warehouses-staff-en');

    await page.goto(`${system.baseUrl}/admin/#/stock-levels`);
    await page.getByTestId('stock-on-hand').first().waitFor();
    const shown = await page.getByTestId('stock-warehouse').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([`${guangzhou.code} · ${guangzhou.name}`]));
    await shot(page, 'admin-stock-levels-staff-en');

    await page.goto(`${system.baseUrl}/admin/#/warehouses/${guangzhou.id}/show/bins`);
    await page.getByTestId('bin-code').first().waitFor();
    // Staff may not change bins (that is changing the warehouse), only stock.
    expect(await page.getByTestId('bin-create-button').count()).toBe(0);
    expect(await page.getByTestId('bin-edit-button').count()).toBe(0);
    await shot(page, 'admin-warehouse-bins-staff-en');
    await page.getByTestId('warehouse-tab-stock').click();
    const waiting = page.getByTestId('warehouse-unbinned').locator('.RaDataTable-row').filter({ has: page.getByTestId('putaway-button') }).first();
    await waiting.getByTestId('putaway-button').click();
    const putaway = page.getByTestId('putaway-dialog');
    const sku = (await putaway.locator('h2').innerText()).replace('Put away ', '');
    const before = await levelOf(sku, guangzhou.id);
    await pickBin(page, putaway.getByRole('combobox'), 'B-03-01-1');
    await putaway.locator('input[name="quantity"]').fill('1');
    await putaway.getByTestId('putaway-submit').click();
    await putaway.waitFor({ state: 'detached' });
    expect(await levelOf(sku, guangzhou.id)).toMatchObject({ binned: before.binned + 1 });
    const stock = await list<BinStock>(`/bin-stock?filter=${filter({ warehouseId: guangzhou.id })}&range=[0,999]`);
    expect(new Set(stock.map((s) => s.warehouseId))).toEqual(new Set([guangzhou.id]));
    await shot(page, 'admin-warehouse-putaway-staff-en');

    // Another warehouse's page is out of reach, and so is its stock.
    const other = await api(`/bin-stock?filter=${filter({ warehouseId: hangzhou.id })}`, { token: await accessToken(system.baseUrl, STAFF, PASSWORD) });
    expect(other.body).toEqual([]);
    await page.goto(`${system.baseUrl}/admin/#/warehouses/${hangzhou.id}/show`);
    await page.getByText('Not Found', { exact: false }).or(page.getByText('does not exist', { exact: false })).first().waitFor();
    expect(await page.getByTestId('warehouse-code').count()).toBe(0);
    await shot(page, 'admin-warehouse-other-staff-en');
    await page.context().close();
  });
});

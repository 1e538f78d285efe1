/// <reference lib="dom" />
/**
 * The allocation screens in a real browser against the whole built system: an administrator
 * working in Chinese changes how orders are allocated (ranking and shortage policy) and sees it
 * saved; in English they give one sales channel its own setting, restricted to two warehouses;
 * the backorders list reads in English; a Viewer sees backorders but not the settings.
 * Screenshots land in .tmp/.
 */
import { type Browser } from 'playwright-core';
import { type ApiCall, createUser, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
/** A sales channel given its own allocation setting. */
const CHANNEL = '0192a4c1-6f10-7b3e-8c2d-5a9e7f1b3d40';

type Warehouse = { id: string; code: string; name: string };

describeInBrowser('allocation screens (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    await createUser(api, { email: 'viewer@test.local', name: 'Viewer', password: PASSWORD, role: 'viewer' });
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('lets an administrator change the ranking and the shortage policy in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await openMenuItem(page, 'settings', 'menu-item-allocation-settings');
    const row = page.locator('.RaDataTable-row').filter({ hasText: '全部订单（默认）' });
    await row.getByText('1. 就近发货').waitFor();
    await row.getByText('2. 仓库优先级').waitFor();
    await row.getByText('有货先发，缺货部分待补货').waitFor();
    await shot(page, 'admin-allocation-settings-zh');

    await row.click();
    await page.getByText('没有仓库能发整单时').waitFor();
    await page.getByRole('combobox', { name: '首先按' }).click();
    await page.getByRole('option', { name: '运费最低' }).click();
    await page.getByRole('combobox', { name: '其次按' }).click();
    await page.getByRole('option', { name: '就近发货' }).click();
    await page.getByRole('radio', { name: '拆分为多个包裹发货' }).check();
    await shot(page, 'admin-allocation-settings-edit-zh');
    await page.getByRole('button', { name: '保存' }).click();

    const saved = page.locator('.RaDataTable-row').filter({ hasText: '全部订单（默认）' });
    await saved.getByText('1. 运费最低').waitFor();
    await saved.getByText('2. 就近发货').waitFor();
    await saved.getByText('拆分为多个包裹发货').waitFor();
    const setting = (await api('/allocation-settings/default')).body;
    expect(setting).toMatchObject({ strategies: ['lowest_cost', 'nearest'], shortagePolicy: 'split', version: 2 });
  });

  it('gives one sales channel its own setting, restricted to two warehouses, in English', async () => {
    const warehouses = (await api('/warehouses')).body as unknown as Warehouse[];
    const [hangzhou, beijing] = ['HZ-01', 'BJ-01'].map((code) => warehouses.find((w) => w.code === code)!);
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(page, 'English');
    await openMenuItem(page, 'settings', 'menu-item-allocation-settings');
    await page.getByText('All orders (default)').waitFor();
    await page.getByRole('link', { name: 'Create' }).click();

    await page.locator('input[name="channelId"]').fill(CHANNEL);
    await page.getByRole('combobox', { name: 'First by' }).click();
    await page.getByRole('option', { name: 'Lowest shipping cost' }).click();
    await page.getByRole('radio', { name: 'Wait for the whole order' }).check();
    const only = page.getByRole('combobox', { name: 'Warehouses' });
    for (const w of [hangzhou, beijing]) {
      await only.click();
      await only.fill(w.code);
      await page.getByRole('option', { name: `${w.code} · ${w.name}` }).click();
    }
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await shot(page, 'admin-allocation-setting-create-en');
    await page.getByRole('button', { name: 'Save' }).click();

    // The list shows the channel's own ranking, policy and warehouses next to the default.
    const row = page.locator('.RaDataTable-row').filter({ hasText: `Channel ${CHANNEL}` });
    await row.getByText('1. Lowest shipping cost').waitFor();
    await row.getByText('2. Warehouse priority').waitFor();
    await row.getByText('Wait for the whole order').waitFor();
    await row.getByText(hangzhou.code, { exact: true }).waitFor();
    await row.getByText(beijing.code, { exact: true }).waitFor();
    expect(await row.getByText('GZ-01', { exact: true }).count()).toBe(0);
    await page.locator('.RaDataTable-row').filter({ hasText: 'All orders (default)' }).getByText('All warehouses').waitFor();
    await page.mouse.move(0, 0);
    await shot(page, 'admin-allocation-settings-channel-en');

    const setting = await api(`/allocation-settings/${CHANNEL}`);
    expect(setting.status).toBe(200);
    expect(setting.body).toMatchObject({ id: CHANNEL, channelId: CHANNEL, strategies: ['lowest_cost', 'priority'], shortagePolicy: 'wait' });
    expect(new Set(setting.body.warehouseIds as string[])).toEqual(new Set([hangzhou.id, beijing.id]));
    const all = (await api('/allocation-settings')).body as unknown as Array<{ id: string; warehouseIds: string[] }>;
    expect(all.map((s) => s.id).sort()).toEqual([CHANNEL, 'default'].sort());
    expect(all.find((s) => s.id === 'default')?.warehouseIds).toEqual([]);
    await page.context().close();
  });

  it('shows the backorders in English, and a Viewer sees them but not the settings', async () => {
    const admin = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(admin, 'English');
    await openMenuItem(admin, 'inventory', 'menu-item-backorders');
    await admin.locator('#react-admin-title').getByText('Backorders').waitFor();
    await shot(admin, 'admin-backorders-en');
    await admin.goto(`${system.baseUrl}/admin/#/allocation-settings`);
    await admin.getByText('All orders (default)').waitFor();
    await shot(admin, 'admin-allocation-settings-en');

    const viewer = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en');
    await viewer.getByTestId('menu-group-inventory').click();
    await viewer.getByTestId('menu-item-backorders').waitFor();
    if (await viewer.getByTestId('menu-group-settings').count()) await viewer.getByTestId('menu-group-settings').click();
    expect(await viewer.getByTestId('menu-item-allocation-settings').count()).toBe(0);
    await viewer.goto(`${system.baseUrl}/admin/#/allocation-settings`);
    await viewer.waitForURL((url) => url.hash.includes('access-denied'));
  });
});

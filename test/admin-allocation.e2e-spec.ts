/// <reference lib="dom" />
/**
 * The allocation screens in a real browser against the whole built system: an administrator
 * working in Chinese changes how orders are allocated (ranking and shortage policy) and sees it
 * saved; the backorders list reads in English; a Viewer sees backorders but not the settings.
 * Screenshots land in .tmp/.
 */
import { mkdirSync } from 'node:fs';
import { BUILT_IN_ROLES } from '@oms/access';
import { type Browser, type Page } from 'playwright-core';
import { adminApi, type ApiCall, CHROMIUM, describeInBrowser, hasChromium, launchBrowser, SHOTS } from './support/browser.js';
import { startSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
const viewerRole = BUILT_IN_ROLES.find((r) => r.key === 'viewer')!.id;

type System = Awaited<ReturnType<typeof startSystem>>;

describeInBrowser('allocation screens (browser)', () => {
  let system: System;
  let browser: Browser;
  let api: ApiCall;

  const signIn = async (email: string, password: string, locale: string): Promise<Page> => {
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/admin/`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    return page;
  };

  const switchLanguage = async (page: Page, name: string) => {
    await page.getByTestId('locale-switch').getByRole('button').click();
    await page.getByRole('menuitem', { name }).click();
  };

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: the admin browser tests cannot run in CI without it`);
    mkdirSync(SHOTS, { recursive: true });
    system = await startSystem();
    ({ api } = await adminApi(system));
    const viewer = await api('/users', {
      method: 'POST',
      body: { email: 'viewer@test.local', name: 'Viewer', password: PASSWORD, roleIds: [viewerRole], locale: 'en' },
    });
    expect(viewer.status).toBe(201);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('lets an administrator change the ranking and the shortage policy in Chinese', async () => {
    const page = await signIn(system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.getByTestId('menu-group-settings').click();
    await page.getByTestId('menu-item-allocation-settings').click();
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

  it('shows the backorders in English, and a Viewer sees them but not the settings', async () => {
    const admin = await signIn(system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(admin, 'English');
    await admin.getByTestId('menu-group-inventory').click();
    await admin.getByTestId('menu-item-backorders').click();
    await admin.locator('#react-admin-title').getByText('Backorders').waitFor();
    await shot(admin, 'admin-backorders-en');
    await admin.goto(`${system.baseUrl}/admin/#/allocation-settings`);
    await admin.getByText('All orders (default)').waitFor();
    await shot(admin, 'admin-allocation-settings-en');

    const viewer = await signIn('viewer@test.local', PASSWORD, 'en');
    await viewer.getByTestId('menu-group-inventory').click();
    await viewer.getByTestId('menu-item-backorders').waitFor();
    if (await viewer.getByTestId('menu-group-settings').count()) await viewer.getByTestId('menu-group-settings').click();
    expect(await viewer.getByTestId('menu-item-allocation-settings').count()).toBe(0);
    await viewer.goto(`${system.baseUrl}/admin/#/allocation-settings`);
    await viewer.waitForURL((url) => url.hash.includes('access-denied'));
  });
});

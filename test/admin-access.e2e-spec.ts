/// <reference lib="dom" />
/**
 * What the back office shows people with narrow roles, in a real browser against the whole
 * built system: a Viewer and a member of warehouse staff see only what their roles allow, and
 * the screens hidden from them are refused by the API as well.
 */
import { type Browser, type Page } from 'playwright-core';
import { type ApiCall, builtInRoleId, createUser, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
const WAREHOUSE_A = '019ab111-0000-7000-8000-00000000000a';
/** The window the screenshots are taken in. */
const WINDOW = { viewport: { width: 1366, height: 800 } };

describeInBrowser('back office for narrow roles (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;

  const menuGroups = async (page: Page) =>
    (await page.locator('[data-testid^="menu-group-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))))
      .map((id) => id!.replace('menu-group-', ''))
      .sort();

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    await createUser(api, { email: 'viewer@test.local', name: 'viewer', password: PASSWORD, role: 'viewer', warehouseIds: [] });
    await createUser(api, { email: 'picker@test.local', name: 'picker', password: PASSWORD, role: 'warehouse_staff', warehouseIds: [WAREHOUSE_A] });
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('shows a Viewer the business screens but no settings, and the API refuses them too', async () => {
    const page = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en-US', WINDOW);
    expect(await menuGroups(page)).toEqual(['after_sales', 'customers', 'inventory', 'logistics', 'orders', 'reports']);
    await openMenuItem(page, 'orders', 'menu-item-order-exceptions');
    await page.getByTestId('coming-soon').waitFor();
    await shot(page, 'admin-viewer-en');

    // Typing the address of a hidden screen leads to a refusal, not to the screen.
    await page.goto(`${system.baseUrl}/admin/#/users`);
    await page.getByText("You don't have the right permissions to access this page").or(page.getByText('Access denied')).first().waitFor();
    expect(await page.locator('.RaDataTable-row').count()).toBe(0);
    await shot(page, 'admin-viewer-users-denied-en');

    const token = await page.evaluate(() => localStorage.getItem('oms.accessToken'));
    for (const path of ['/users', '/roles', '/audit-logs', '/dead-letters']) {
      const res = await api(path, { token: token! });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'access.forbidden' });
    }
    await page.context().close();
  });

  it('shows warehouse staff only orders, stock and shipments, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, 'picker@test.local', PASSWORD, 'zh-CN', WINDOW);
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    expect(await menuGroups(page)).toEqual(['inventory', 'logistics', 'orders']);
    await page.getByTestId('menu-group-inventory').click();
    await page.getByTestId('menu-item-stock-levels').waitFor();
    await page.getByTestId('menu-item-warehouses').waitFor();
    await page.getByTestId('menu-group-logistics').click();
    await page.getByTestId('menu-item-shipments').waitFor();
    expect(await page.getByTestId('menu-item-carriers').count()).toBe(0);
    await shot(page, 'admin-warehouse-staff-zh');

    const token = await page.evaluate(() => localStorage.getItem('oms.accessToken'));
    const me = await api('/auth/me', { token: token! });
    // The panel gets the rules with the user's own warehouses filled in.
    expect(JSON.stringify(me.body.permissions)).toContain(WAREHOUSE_A);
    expect(JSON.stringify(me.body.permissions)).not.toContain('${user.warehouseIds}');
    expect((await api('/users', { token: token! })).status).toBe(403);
    await page.context().close();
  });

  it('shows the admin the users, roles and audit log screens', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en-US', {
      viewport: { width: 1366, height: 900 },
    });
    expect(await menuGroups(page)).toContain('settings');

    await page.goto(`${system.baseUrl}/admin/#/users`);
    await page.getByText('picker@test.local').waitFor();
    await shot(page, 'admin-users-en');

    await page.goto(`${system.baseUrl}/admin/#/roles/${builtInRoleId('warehouse_staff')}`);
    await page.getByTestId('permission-matrix').waitFor();
    expect(await page.getByTestId('perm-cell-Shipment-ship').getAttribute('data-limited')).toBeTruthy();
    await shot(page, 'admin-role-warehouse-staff-en');

    await page.goto(`${system.baseUrl}/admin/#/audit-logs`);
    await page.getByTestId('audit-outcome').first().waitFor();
    await page.locator('td.column-action').filter({ hasText: 'user.create' }).first().click();
    await page.getByTestId('audit-diff').waitFor();
    expect(await page.getByTestId('audit-diff-row-email').innerText()).toMatch(/@test\.local/);
    expect(await page.getByTestId('audit-diff').innerText()).not.toContain(PASSWORD);
    await shot(page, 'admin-audit-diff-en');
    await page.context().close();
  });
});

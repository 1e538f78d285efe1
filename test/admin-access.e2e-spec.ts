/// <reference lib="dom" />
/**
 * What the back office shows people with narrow roles, in a real browser against the whole
 * built system: a Viewer and a member of warehouse staff see only what their roles allow, and
 * the screens hidden from them are refused by the API as well.
 */
import { mkdirSync } from 'node:fs';
import { BUILT_IN_ROLES } from '@oms/access';
import { type Browser, type Page } from 'playwright-core';
import { adminApi, type ApiCall, CHROMIUM, describeInBrowser, hasChromium, launchBrowser, SHOTS } from './support/browser.js';
import { startSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';
const WAREHOUSE_A = '019ab111-0000-7000-8000-00000000000a';
const roleId = (key: string) => BUILT_IN_ROLES.find((r) => r.key === key)!.id;

type System = Awaited<ReturnType<typeof startSystem>>;

describeInBrowser('back office for narrow roles (browser)', () => {
  let system: System;
  let browser: Browser;

  let api: ApiCall;

  const signIn = async (email: string, locale: string): Promise<Page> => {
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/admin/`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    return page;
  };

  const menuGroups = async (page: Page) =>
    (await page.locator('[data-testid^="menu-group-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))))
      .map((id) => id!.replace('menu-group-', ''))
      .sort();

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: the admin browser tests cannot run in CI without it`);
    mkdirSync(SHOTS, { recursive: true });
    system = await startSystem();
    ({ api } = await adminApi(system));
    for (const [email, role, warehouseIds] of [
      ['viewer@test.local', 'viewer', []],
      ['picker@test.local', 'warehouse_staff', [WAREHOUSE_A]],
    ] as const) {
      const created = await api('/users', {
        method: 'POST',
        body: { email, name: email.split('@')[0], password: PASSWORD, roleIds: [roleId(role)], warehouseIds, locale: 'en' },
      });
      expect(created.status).toBe(201);
    }
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('shows a Viewer the business screens but no settings, and the API refuses them too', async () => {
    const page = await signIn('viewer@test.local', 'en-US');
    expect(await menuGroups(page)).toEqual(['after_sales', 'customers', 'inventory', 'logistics', 'orders', 'reports']);
    await page.getByTestId('menu-group-orders').click();
    await page.getByTestId('menu-item-orders').click();
    await page.getByTestId('coming-soon').waitFor();
    await page.screenshot({ path: `${SHOTS}admin-viewer-en.png`, fullPage: true });

    // Typing the address of a hidden screen leads to a refusal, not to the screen.
    await page.goto(`${system.baseUrl}/admin/#/users`);
    await page.getByText("You don't have the right permissions to access this page").or(page.getByText('Access denied')).first().waitFor();
    expect(await page.locator('.RaDataTable-row').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}admin-viewer-users-denied-en.png`, fullPage: true });

    const token = await page.evaluate(() => localStorage.getItem('oms.accessToken'));
    for (const path of ['/users', '/roles', '/audit-logs', '/dead-letters']) {
      const res = await api(path, { token: token! });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'access.forbidden' });
    }
    await page.context().close();
  });

  it('shows warehouse staff only orders, stock and shipments, in Chinese', async () => {
    const page = await signIn('picker@test.local', 'zh-CN');
    await page.getByTestId('locale-switch').getByRole('button').click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByText('欢迎使用 OMS').waitFor();
    expect(await menuGroups(page)).toEqual(['inventory', 'logistics', 'orders']);
    await page.getByTestId('menu-group-inventory').click();
    await page.getByTestId('menu-item-stock-levels').waitFor();
    await page.getByTestId('menu-item-warehouses').waitFor();
    await page.getByTestId('menu-group-logistics').click();
    await page.getByTestId('menu-item-shipments').waitFor();
    expect(await page.getByTestId('menu-item-carriers').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}admin-warehouse-staff-zh.png`, fullPage: true });

    const token = await page.evaluate(() => localStorage.getItem('oms.accessToken'));
    const me = await api('/auth/me', { token: token! });
    // The panel gets the rules with the user's own warehouses filled in.
    expect(JSON.stringify(me.body.permissions)).toContain(WAREHOUSE_A);
    expect(JSON.stringify(me.body.permissions)).not.toContain('${user.warehouseIds}');
    expect((await api('/users', { token: token! })).status).toBe(403);
    await page.context().close();
  });

  it('shows the admin the users, roles and audit log screens', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/admin/`);
    await page.locator('input[name="email"]').fill(system.adminEmail);
    await page.locator('input[name="password"]').fill(system.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    expect(await menuGroups(page)).toContain('settings');

    await page.goto(`${system.baseUrl}/admin/#/users`);
    await page.getByText('picker@test.local').waitFor();
    await page.screenshot({ path: `${SHOTS}admin-users-en.png`, fullPage: true });

    await page.goto(`${system.baseUrl}/admin/#/roles/${roleId('warehouse_staff')}`);
    await page.getByTestId('permission-matrix').waitFor();
    expect(await page.getByTestId('perm-cell-Shipment-ship').getAttribute('data-limited')).toBeTruthy();
    await page.screenshot({ path: `${SHOTS}admin-role-warehouse-staff-en.png`, fullPage: true });

    await page.goto(`${system.baseUrl}/admin/#/audit-logs`);
    await page.getByTestId('audit-outcome').first().waitFor();
    await page.locator('td.column-action').filter({ hasText: 'user.create' }).first().click();
    await page.getByTestId('audit-diff').waitFor();
    expect(await page.getByTestId('audit-diff-row-email').innerText()).toMatch(/@test\.local/);
    expect(await page.getByTestId('audit-diff').innerText()).not.toContain(PASSWORD);
    await page.screenshot({ path: `${SHOTS}admin-audit-diff-en.png`, fullPage: true });
    await context.close();
  });
});

/// <reference lib="dom" />
/**
 * The back office in a real browser (the system Chromium driven by playwright-core) against
 * the whole built system: sign-in, both languages, the dead-letter list.
 * Screenshots land in .tmp/ for a human to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSystem } from './support/system.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../.tmp/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium && process.env.CI !== 'true') {
  console.warn(`Skipping the admin browser tests: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk).`);
}

const describeInBrowser = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

type System = Awaited<ReturnType<typeof startSystem>>;

describeInBrowser('admin back office (browser)', () => {
  let system: System;
  let browser: Browser;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: the admin browser tests cannot run in CI without it`);
    mkdirSync(SHOTS, { recursive: true });
    system = await startSystem();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    // An English-speaking browser: the admin must then start in English.
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 800 } });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('refuses a wrong password with a readable message', async () => {
    await page.goto(`${system.baseUrl}/admin/`);
    await page.locator('input[name="email"]').fill(system.adminEmail);
    await page.locator('input[name="password"]').fill(`${system.adminPassword}-wrong`);
    await page.locator('button[type="submit"]').click();
    await page.getByText('Wrong email or password.').waitFor();
    await shot('admin-login-refused');
  });

  it('signs the admin in and shows the back office in English', async () => {
    await page.locator('input[name="password"]').fill(system.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    await page.getByText('Welcome to OMS').waitFor();
    expect(await page.getByTestId('menu-group-orders').innerText()).toContain('Orders');
    expect(await page.getByTestId('menu-group-after_sales').innerText()).toContain('After-sales');
    expect(await page.getByTestId('menu-group-settings').innerText()).toContain('Settings');
    await shot('admin-dashboard-en');
  });

  it('switches to Simplified Chinese and keeps it after a reload', async () => {
    await page.getByTestId('locale-switch').getByRole('button').click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByText('欢迎使用 OMS').waitFor();
    expect(await page.getByTestId('menu-group-orders').innerText()).toContain('订单管理');
    expect(await page.getByTestId('menu-group-settings').innerText()).toContain('系统设置');
    await shot('admin-dashboard-zh');

    await page.reload();
    await page.getByText('欢迎使用 OMS').waitFor();
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
  });

  it('says a planned module is not available yet', async () => {
    await page.getByTestId('menu-group-orders').click();
    await page.getByTestId('menu-item-orders').click();
    await page.getByTestId('coming-soon').waitFor();
    expect(await page.getByTestId('coming-soon').innerText()).toContain('尚未上线');
  });

  it('opens the dead-letter list', async () => {
    await page.getByTestId('menu-group-settings').click();
    await page.getByTestId('menu-item-dead-letters').click();
    const emptyOrRows = page.getByTestId('dead-letters-empty').or(page.locator('.RaDataTable-row').first());
    await emptyOrRows.waitFor({ timeout: 60_000 });
    expect(await page.locator('header').innerText()).toContain('死信事件');
    await shot('admin-dead-letters-zh');
  });
});

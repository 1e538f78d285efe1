/// <reference lib="dom" />
/**
 * The back office in a real browser (the system Chromium driven by playwright-core) against
 * the whole built system: sign-in, both languages, a dead letter listed, opened and replayed.
 * Screenshots land in .tmp/ for a human to look at.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Browser, type Page } from 'playwright-core';
import { eventually } from './support/app.js';
import { describeInBrowser, launchBrowser, newPage, openMenuItem, prepareBrowserTests, shot, switchLanguage } from './support/browser.js';
import { startSystem } from './support/system.js';

type System = Awaited<ReturnType<typeof startSystem>>;

describeInBrowser('admin back office (browser)', () => {
  let system: System;
  let browser: Browser;
  let page: Page;
  let sql: pg.Client;

  beforeAll(async () => {
    prepareBrowserTests();
    system = await startSystem();
    // The system's own embedded PostgreSQL, to plant a delivery that gave up.
    const { port } = JSON.parse(readFileSync(join(system.dataDir, 'postgres.owner.json'), 'utf8')) as { port: number };
    sql = new pg.Client(`postgres://oms:oms@127.0.0.1:${port}/oms`);
    await sql.connect();
    browser = await launchBrowser();
    // An English-speaking browser: the admin must then start in English.
    page = await newPage(browser, 'en-US', { viewport: { width: 1366, height: 800 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sql?.end();
    await system?.stop();
  });

  it('refuses a wrong password with a readable message', async () => {
    await page.goto(`${system.baseUrl}/admin/`);
    await page.locator('input[name="email"]').fill(system.adminEmail);
    await page.locator('input[name="password"]').fill(`${system.adminPassword}-wrong`);
    await page.locator('button[type="submit"]').click();
    await page.getByText('Wrong email or password.').waitFor();
    await shot(page, 'admin-login-refused');
  });

  it('signs the admin in and shows the back office in English', async () => {
    await page.locator('input[name="password"]').fill(system.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    await page.getByText('Welcome to OMS').waitFor();
    expect(await page.getByTestId('menu-group-orders').innerText()).toContain('Orders');
    expect(await page.getByTestId('menu-group-after_sales').innerText()).toContain('After-sales');
    expect(await page.getByTestId('menu-group-settings').innerText()).toContain('Settings');
    await shot(page, 'admin-dashboard-en');
  });

  it('switches to Simplified Chinese and keeps it after a reload', async () => {
    await switchLanguage(page, '简体中文');
    await page.getByText('欢迎使用 OMS').waitFor();
    expect(await page.getByTestId('menu-group-orders').innerText()).toContain('订单管理');
    expect(await page.getByTestId('menu-group-settings').innerText()).toContain('系统设置');
    await shot(page, 'admin-dashboard-zh');

    await page.reload();
    await page.getByText('欢迎使用 OMS').waitFor();
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
  });

  it('says a planned module is not available yet', async () => {
    await openMenuItem(page, 'orders', 'menu-item-order-exceptions');
    await page.getByTestId('coming-soon').waitFor();
    expect(await page.getByTestId('coming-soon').innerText()).toContain('尚未上线');
  });

  it('lists, opens and replays a dead letter', async () => {
    try {
      await replayPlantedDeadLetter();
    } catch (e) {
      // What the page showed when it went wrong, for whoever reads the failure.
      await shot(page, 'admin-dead-letters-failure').catch(() => undefined);
      throw e;
    }
  }, 120_000);

  async function replayPlantedDeadLetter() {
    const [{ id: userId }] = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [system.adminEmail]))
      .rows;
    const eventId = randomUUID();
    const payload = { userId, sessionId: randomUUID() };
    await sql.query(
      `INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, payload, published_at, published_by)
       VALUES ($1, 'access.user-signed-in', 1, 'user', $2, $3, now(), 'browser-test')`,
      [eventId, userId, payload],
    );
    const {
      rows: [{ id: deadLetterId }],
    } = await sql.query<{ id: string }>(
      `INSERT INTO dead_letter (event_id, event_type, handler, error, attempts, payload, first_failed_at)
       VALUES ($1, 'access.user-signed-in', 'RecordSignInHandler', 'Error: connection terminated unexpectedly', 6, $2,
               now() - interval '2 hours')
       RETURNING id`,
      [eventId, payload],
    );
    const signInsBefore = await signInCount(userId);

    await openMenuItem(page, 'settings', 'menu-item-dead-letters');
    await page.waitForURL(/#\/dead-letters/);
    const status = page.getByTestId('dead-letter-status').first();
    await status.waitFor({ timeout: 60_000 });
    expect(await page.locator('header').innerText()).toContain('死信事件');
    expect(await status.getAttribute('data-status')).toBe('failed');
    expect(await page.locator('td.column-eventType').first().innerText()).toContain('access.user-signed-in');
    await shot(page, 'admin-dead-letters-zh');

    await page.locator('.RaDataTable-row td.column-eventType').first().click();
    await page.getByTestId('dead-letter-payload').waitFor();
    expect(await page.getByTestId('dead-letter-payload').innerText()).toContain(userId);
    await page.getByTestId('replay-button').click();
    // The worker delivers it again: the handler's effect lands and the letter is resolved.
    await eventually(async () => (await deadLetterStatus(deadLetterId)) === 'resolved', 30_000, 'the replay to resolve');
    expect(await signInCount(userId)).toBe(signInsBefore + 1);
    await page.reload();
    await page.locator('[data-testid="dead-letter-status"][data-status="resolved"]').waitFor();
    expect(await page.getByTestId('replay-button').isDisabled()).toBe(true);
    await shot(page, 'admin-dead-letter-replayed-zh');
  }

  async function signInCount(userId: string): Promise<number> {
    return (await sql.query<{ n: number }>(`SELECT sign_in_count AS n FROM users WHERE id = $1`, [userId])).rows[0].n;
  }

  async function deadLetterStatus(id: string): Promise<string> {
    return (await sql.query<{ status: string }>(`SELECT status FROM dead_letter WHERE id = $1`, [id])).rows[0].status;
  }
});

/// <reference lib="dom" />
/**
 * The stock check above the stock list, in a real browser against the whole built system and its
 * demo shop: an administrator in Chinese runs a check and sees every level agree; after a level
 * drifts in the database, the next check turns red and names the level; in English the message
 * reads the same; a Viewer never sees the panel. Screenshots land in .tmp/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Browser } from 'playwright-core';
import { type ApiCall, createUser, describeInBrowser, shot, SHOTS, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';

describeInBrowser('stock check (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;
  let sql: pg.Client;

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    const { port } = JSON.parse(readFileSync(join(system.dataDir, 'postgres.owner.json'), 'utf8')) as { port: number };
    sql = new pg.Client(`postgres://oms:oms@127.0.0.1:${port}/oms`);
    await sql.connect();
    await createUser(api, { email: 'viewer@test.local', name: 'Viewer', password: PASSWORD, role: 'viewer' });
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    await stopBrowserSystem(system, browser);
  });

  it('runs a check on request, and shows drift with the level that drifted, in Chinese and English', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.goto(`${system.baseUrl}/admin/#/stock-levels`);
    const panel = page.getByTestId('stock-check');
    await panel.waitFor();
    expect(await panel.getAttribute('data-state')).toBe('none');
    expect(await page.getByTestId('stock-check-message').innerText()).toContain('尚未进行库存核对');

    await page.getByTestId('stock-check-run').click();
    await page.locator('[data-testid="stock-check"][data-state="clean"]').waitFor();
    expect(await page.getByTestId('stock-check-message').innerText()).toMatch(/全部 \d+ 条库存与流水账、未结预占及库位一致/);
    await shot(page, 'admin-stock-check-clean-zh');

    // A level that no longer matches its ledger: the next check names it.
    const [drifted] = (await sql.query(`UPDATE stock_level SET on_hand = on_hand + 5 WHERE id = (SELECT id FROM stock_level WHERE on_hand > 0 ORDER BY sku LIMIT 1) RETURNING sku, on_hand`)).rows as { sku: string; on_hand: number }[];
    await page.getByTestId('stock-check-run').click();
    await page.locator('[data-testid="stock-check"][data-state="drift"]').waitFor();
    expect(await page.getByTestId('stock-check-message').innerText()).toContain('发现 1 条库存、0 个库位与账不符');
    // A check run by hand that finds drift unfolds what drifted.
    expect(await page.getByTestId('stock-check-details').innerText()).toBe('收起');
    const row = page.getByTestId('stock-check-drift').locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const cells = await row.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe(drifted.sku);
    expect(cells[2]).toBe(`${drifted.on_hand} / ${drifted.on_hand - 5}`);
    await page.waitForTimeout(400); // the details finish unfolding
    await panel.screenshot({ path: `${SHOTS}admin-stock-check-details-zh.png` });
    await shot(page, 'admin-stock-check-drift-zh');
    await page.getByTestId('stock-check-details').click();
    await page.getByTestId('stock-check-drift').waitFor({ state: 'detached' });
    expect(await page.getByTestId('stock-check-details').innerText()).toBe('查看差异');

    // The alert was raised for notifications to pick up.
    const { rows } = await sql.query(`SELECT payload FROM outbox_event WHERE type = 'inventory.stock-drift-detected'`);
    expect(rows.map((r: { payload: { drift: { sku: string }[] } }) => r.payload.drift.map((d) => d.sku))).toEqual([[drifted.sku]]);

    await switchLanguage(page, 'English');
    await page.getByTestId('stock-check-message').getByText('out of step').waitFor();
    expect(await page.getByTestId('stock-check-message').innerText()).toContain('found 1 level(s) and 0 bin(s) out of step');
    await shot(page, 'admin-stock-check-drift-en');
    await sql.query(`UPDATE stock_level SET on_hand = on_hand - 5 WHERE sku = $1 AND on_hand = $2`, [drifted.sku, drifted.on_hand]);
  });

  it('shows a Viewer the stock without the check', async () => {
    const page = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en-US');
    await page.goto(`${system.baseUrl}/admin/#/stock-levels`);
    await page.locator('.RaDataTable-row').first().waitFor();
    expect(await page.getByTestId('stock-check').count()).toBe(0);
  });
});

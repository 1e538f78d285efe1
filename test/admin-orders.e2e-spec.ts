/// <reference lib="dom" />
/**
 * The order screens in a real browser against the whole built system with its demo data: an
 * administrator working in Chinese enters an order by hand, finds it awaiting review with the
 * total the server computed, holds it with a reason, releases it and approves it, and follows
 * each step on the order's timeline and in the status tabs' counts; the same screens read in
 * English; a Viewer sees the order without any action buttons. Screenshots land in .tmp/.
 */
import { type Browser, type Page } from 'playwright-core';
import { type ApiCall, createUser, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const PASSWORD = 'Correct-horse-42';

/** A paid order for another customer, entered over the API so the list has more than one status. */
const seedOrder = (name: string, phone: string, payment: { method: string; status: 'paid' | 'pending' }, tags: string[] = []) => ({
  customer: { name, phone },
  shippingAddress: { country: 'CN', province: '广东省', city: '广州市', district: '天河区', line1: `天河路 ${phone.slice(-3)} 号` },
  lines: [{ sku: 'CAP-BLACK', quantity: 1, unitPriceMinor: 6900 }],
  currency: 'CNY',
  shippingFeeMinor: 800,
  payment,
  tags,
});

describeInBrowser('order screens (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;
  let orderId: string;

  const tabCount = async (page: Page, status: string): Promise<number> => {
    const selector = `[data-testid="order-tab-count-${status}"]`;
    await page.waitForFunction((sel) => /^\d+$/.test(document.querySelector(sel)?.textContent ?? ''), selector);
    return Number(await page.locator(selector).innerText());
  };

  /** Before a screenshot: the pointer off any tooltip, the page at its top, animations done. */
  const calm = async (page: Page) => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
  };

  /** The page fits the window: nothing sticks out to the right. */
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  const headerStatus = (page: Page) => page.getByTestId('order-header').getByTestId('order-status');

  const waitForStatus = async (page: Page, statuses: string[]) => {
    await page.waitForFunction(
      (wanted) => wanted.includes(document.querySelector('[data-testid="order-header"] [data-testid="order-status"]')?.getAttribute('data-status') ?? ''),
      statuses,
      { timeout: 120_000 },
    );
  };

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    await createUser(api, { email: 'viewer@test.local', name: 'Viewer', password: PASSWORD, role: 'viewer' });
    for (const body of [
      seedOrder('李四', '13900139001', { method: 'alipay', status: 'paid' }, ['VIP']),
      seedOrder('王五', '13900139002', { method: 'alipay', status: 'pending' }),
      seedOrder('赵六', '13900139003', { method: 'bank_transfer', status: 'pending' }, ['大客户']),
    ]) {
      expect((await api('/orders', { method: 'POST', body })).status).toBe(201);
    }
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('lets an administrator enter, hold, release and approve an order in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await openMenuItem(page, 'orders', 'menu-item-orders');
    await page.getByTestId('order-status-tabs').waitFor();
    await page.locator('tbody .RaDataTable-row').first().waitFor();
    const reviewBefore = await tabCount(page, 'pending_review');
    const allBefore = await tabCount(page, 'all');
    expect(allBefore).toBeGreaterThanOrEqual(3);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'admin-orders-list-zh');

    // Manual entry: two items, one with a discount, and shipping.
    await page.locator('a[href="#/orders/create"]').first().click();
    await page.locator('input[name="customer.name"]').fill('张三');
    await page.locator('input[name="customer.phone"]').fill('13800138000');
    await page.locator('input[name="shippingAddress.province"]').fill('浙江省');
    await page.locator('input[name="shippingAddress.city"]').fill('杭州市');
    await page.locator('input[name="shippingAddress.district"]').fill('西湖区');
    await page.locator('input[name="shippingAddress.line1"]').fill('文三路 90 号');
    await page.locator('input[name="shippingAddress.postcode"]').fill('310012');
    await page.locator('input[name="lines.0.sku"]').fill('TEE-WHITE-M');
    await page.locator('input[name="lines.0.quantity"]').fill('2');
    await page.locator('input[name="lines.0.unitPrice"]').fill('99');
    await page.getByTestId('order-add-line').click();
    await page.locator('input[name="lines.1.sku"]').fill('MUG-RED');
    await page.locator('input[name="lines.1.quantity"]').fill('1');
    await page.locator('input[name="lines.1.unitPrice"]').fill('49');
    await page.locator('input[name="lines.1.discount"]').fill('5');
    await page.locator('input[name="shippingFee"]').fill('10');
    await page.locator('textarea[name="remark"]').fill('请周末送货');
    const tags = page.getByRole('combobox', { name: '标签' });
    await tags.fill('手工单');
    await tags.press('Enter');
    // 2 × 99 + 49 − 5 + 10 shipping
    await page.getByTestId('order-form-estimate').getByText('¥252.00').waitFor();
    await calm(page);
    await shot(page, 'admin-order-create-zh');
    await page.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/#\/orders\/[0-9a-f-]+\/show/);
    orderId = page.url().match(/orders\/([0-9a-f-]+)\/show/)![1];
    const number = await page.getByTestId('order-number').innerText();
    await waitForStatus(page, ['pending_review']);
    expect(await headerStatus(page).innerText()).toBe('待审核');
    expect(await page.getByTestId('order-show-total').getAttribute('data-minor')).toBe('25200');
    expect(await page.getByTestId('order-show-total').innerText()).toBe('¥252.00');
    expect(await page.getByTestId('order-line').count()).toBe(2);
    await page.getByTestId('order-timeline-entry').first().waitFor();
    expect(await page.getByTestId('order-audit-outcome').getAttribute('data-result')).toBe('passed');
    await shot(page, 'admin-order-show-zh');

    // Hold with a reason: the order stops and carries a HELD exception.
    await page.getByTestId('order-action-hold').click();
    await page.locator('textarea[name="reason"]').fill('客户来电要求暂缓发货');
    await page.getByTestId('order-hold-submit').click();
    await waitForStatus(page, ['on_hold']);
    expect(await headerStatus(page).innerText()).toBe('已挂起');
    const held = page.locator('[data-testid="order-flag-open"][data-code="HELD"]');
    await held.waitFor();
    expect(await held.innerText()).toContain('人工挂起');
    expect(await held.innerText()).toContain('客户来电要求暂缓发货');
    await shot(page, 'admin-order-held-zh');

    // Release: back to review, the exception resolved.
    await page.getByTestId('order-action-release').click();
    await waitForStatus(page, ['pending_review']);
    const released = page.locator('[data-testid="order-flag-resolved"][data-code="HELD"]');
    await released.waitFor();
    expect(await released.innerText()).toContain('已解除');

    // Approve: the status moves on (allocation follows on its own).
    await page.getByTestId('order-action-approve').click();
    await waitForStatus(page, ['approved', 'allocated', 'partially_allocated', 'backordered']);
    for (const type of ['order-created', 'order-held', 'order-released', 'order-approved']) {
      await page.locator(`[data-testid="order-timeline-entry"][data-type="orders.${type}"]`).first().waitFor();
    }
    const timeline = await page.getByTestId('order-timeline').innerText();
    expect(timeline).toContain('原因：客户来电要求暂缓发货');
    expect(timeline).toContain('审核通过');
    const approvedEntry = page.locator('[data-testid="order-timeline-entry"][data-type="orders.order-approved"]');
    expect(await approvedEntry.getByTestId('order-status').last().getAttribute('data-status')).toBe('approved');

    // The worker allocates the approved order; its page then explains where the stock comes from.
    await page.getByTestId('order-allocations').waitFor({ timeout: 120_000 });
    await waitForStatus(page, ['allocated']);
    expect(await page.getByTestId('order-allocation-shipment').first().innerText()).toContain('HZ-01');
    await shot(page, 'admin-order-approved-zh');

    // The tabs count the order where it now is.
    await page.getByTestId('menu-item-orders').click();
    await page.getByTestId('order-status-tabs').waitFor();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="order-tab-count-all"]')?.textContent === String(before + 1),
      allBefore,
    );
    expect(await tabCount(page, 'pending_review')).toBe(reviewBefore);
    expect(await tabCount(page, 'allocated')).toBeGreaterThanOrEqual(1);
    await page.getByTestId('order-tab-allocated').click();
    // Newest first: the order just approved heads the allocated ones, and only allocated ones are listed.
    await page.waitForFunction(
      (number) =>
        document.querySelector('tbody .RaDataTable-row')?.textContent?.includes(number) &&
        [...document.querySelectorAll('tbody .RaDataTable-row [data-testid="order-status"]')].every((chip) => chip.getAttribute('data-status') === 'allocated'),
      number,
    );
    expect(await page.getByTestId('order-tab-allocated').getAttribute('aria-selected')).toBe('true');
    await calm(page);
    await shot(page, 'admin-orders-tab-zh');
    await page.context().close();
  }, 180_000);

  it('reads in English: the list, the entry form and the order page', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(page, 'English');
    await page.goto(`${system.baseUrl}/admin/#/orders`);
    await page.getByTestId('order-tab-all').getByText('All').waitFor();
    await page.locator('tbody .RaDataTable-row').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'admin-orders-list-en');

    // Select all rows: the bulk actions appear.
    await page.locator('.RaDataTable-headerCell input[type="checkbox"]').check();
    await page.getByTestId('orders-bulk-hold').waitFor();
    await calm(page);
    await shot(page, 'admin-orders-bulk-en');
    await page.locator('.RaDataTable-headerCell input[type="checkbox"]').uncheck();

    // Filters: an amount typed in yuan filters in fen; "has exceptions" keeps only flagged orders.
    const rowsAll = (selector: string, test: string) =>
      page.waitForFunction(
        ([sel, body]) => {
          const rows = [...document.querySelectorAll('tbody .RaDataTable-row')];
          return rows.length > 0 && rows.every((row) => new Function('row', 'sel', body)(row, sel));
        },
        [selector, test],
      );
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menu').getByText('Total from').click();
    await page.locator('input[name="totalMinor_gte"]').fill('300');
    await rowsAll('[data-testid="order-total"]', 'return Number(row.querySelector(sel).getAttribute("data-minor")) >= 30000');
    await page.getByRole('combobox', { name: 'Has exceptions' }).click();
    await page.getByRole('option', { name: 'Yes' }).click();
    await rowsAll('[data-testid="order-open-flag"]', 'return row.querySelector(sel) !== null');
    expect(page.url()).toContain(encodeURIComponent('"totalMinor_gte":30000'));
    await calm(page);
    await shot(page, 'admin-orders-filtered-en');

    await page.goto(`${system.baseUrl}/admin/#/orders/create`);
    await page.locator('input[name="customer.name"]').waitFor();
    await page.getByText('Amounts and payment').waitFor();
    await calm(page);
    await shot(page, 'admin-order-create-en');

    await page.goto(`${system.baseUrl}/admin/#/orders/${orderId}/show`);
    await page.getByTestId('order-timeline-entry').first().waitFor();
    await page.getByText('Released for review').first().waitFor();
    expect(await headerStatus(page).innerText()).toBe('Allocated');
    await shot(page, 'admin-order-show-en');
    await page.context().close();
  }, 120_000);

  it('hands an order to the warehouse; a cancellation then becomes a request the warehouse refuses or confirms, in English', async () => {
    const created = await api('/orders', { method: 'POST', body: seedOrder('钱七', '13900139007', { method: 'alipay', status: 'paid' }) });
    const id = String(created.body.id);
    expect((await api(`/orders/${id}/approve`, { method: 'POST', body: {} })).status).toBe(200);
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(page, 'English');
    await page.goto(`${system.baseUrl}/admin/#/orders/${id}/show`);
    await waitForStatus(page, ['allocated']);
    await page.getByTestId('order-action-start_fulfillment').click();
    await waitForStatus(page, ['in_fulfillment']);
    await page.getByTestId('order-action-cancel').click();
    await page.getByTestId('order-cancel-dialog').locator('[name="reason"]').first().fill('Customer changed their mind');
    await page.getByTestId('order-cancel-submit').click();
    await page.getByTestId('order-action-refuse_cancel').waitFor();
    expect(await headerStatus(page).getAttribute('data-status')).toBe('in_fulfillment');
    await calm(page);
    await shot(page, 'admin-order-cancel-requested-en');
    await page.getByTestId('order-action-refuse_cancel').click();
    await page.getByTestId('order-refuse_cancel-dialog').locator('[name="reason"]').first().fill('Already with the carrier');
    await page.getByTestId('order-refuse_cancel-submit').click();
    await page.getByTestId('order-action-refuse_cancel').waitFor({ state: 'detached' });
    expect(await headerStatus(page).getAttribute('data-status')).toBe('in_fulfillment');
    await page.getByTestId('order-action-cancel').click();
    await page.getByTestId('order-cancel-dialog').locator('[name="reason"]').first().fill('Asked again');
    await page.getByTestId('order-cancel-submit').click();
    await page.getByTestId('order-action-confirm_cancel').click();
    await waitForStatus(page, ['cancelled']);
  }, 180_000);

  it('confirms the shipment with carrier and tracking number, then delivery and completion, in Chinese', async () => {
    const created = await api('/orders', { method: 'POST', body: seedOrder('孙八', '13900139008', { method: 'alipay', status: 'paid' }) });
    const id = String(created.body.id);
    expect((await api(`/orders/${id}/approve`, { method: 'POST', body: {} })).status).toBe(200);
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.goto(`${system.baseUrl}/admin/#/orders/${id}/show`);
    await waitForStatus(page, ['allocated']);
    await page.getByTestId('order-action-start_fulfillment').click();
    await waitForStatus(page, ['in_fulfillment']);
    await page.getByTestId('order-action-record_shipment').click();
    const dialog = page.getByTestId('order-ship-dialog');
    await dialog.getByText('订单已占用的库存将出库').waitFor();
    await dialog.locator('input[name="carrier"]').fill('顺丰速运');
    await page.getByTestId('order-ship-submit').click();
    // The tracking number is required.
    expect(await dialog.isVisible()).toBe(true);
    await dialog.locator('input[name="trackingNumber"]').fill('SF1400123456789');
    await calm(page);
    await shot(page, 'admin-order-ship-zh');
    await page.getByTestId('order-ship-submit').click();
    await waitForStatus(page, ['shipped']);
    const shipment = page.getByTestId('order-shipment');
    await shipment.waitFor();
    expect(await shipment.innerText()).toContain('顺丰速运');
    expect(await shipment.innerText()).toContain('SF1400123456789');
    const order = (await api(`/orders/${id}`)).body as { status: string; shippedAt: string | null };
    expect(order.status).toBe('shipped');
    expect(order.shippedAt).not.toBeNull();
    await page.getByTestId('order-action-record_delivery').click();
    await waitForStatus(page, ['delivered']);
    await page.getByTestId('order-action-complete').click();
    await waitForStatus(page, ['completed']);
    expect(await page.locator('[data-testid^="order-action-"]').count()).toBe(0);
    const steps = await page.getByTestId('order-timeline').innerText();
    expect(steps).toContain('已发货');
    expect(steps).toContain('已送达');
    expect(steps).not.toContain('orders.order-');
    await calm(page);
    await shot(page, 'admin-order-completed-zh');
    await page.context().close();
  }, 180_000);

  it('shows a Viewer the order without any action', async () => {
    const page = await signIn(browser, system.baseUrl, 'viewer@test.local', PASSWORD, 'en');
    await page.goto(`${system.baseUrl}/admin/#/orders/${orderId}/show`);
    await page.getByTestId('order-number').waitFor();
    await page.getByTestId('order-timeline-entry').first().waitFor();
    expect(await page.locator('[data-testid^="order-action-"]').count()).toBe(0);
    expect(await page.getByTestId('order-add-remark').count()).toBe(0);
    expect(await page.getByTestId('order-edit-address').count()).toBe(0);
    await shot(page, 'admin-order-show-viewer-en');

    // An order awaiting review offers a Viewer nothing either.
    const [waiting] = ((await api('/orders?filter=' + encodeURIComponent(JSON.stringify({ status: 'pending_review' })))).body as unknown as Array<{ id: string }>);
    await page.goto(`${system.baseUrl}/admin/#/orders/${waiting.id}/show`);
    await page.getByTestId('order-number').waitFor();
    expect(await page.locator('[data-testid^="order-action-"]').count()).toBe(0);

    await page.goto(`${system.baseUrl}/admin/#/orders`);
    await page.locator('tbody .RaDataTable-row').first().waitFor();
    expect(await page.locator('a[href="#/orders/create"]').count()).toBe(0);
    expect(await page.locator('.RaDataTable-headerCell input[type="checkbox"]').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});

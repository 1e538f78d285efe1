/// <reference lib="dom" />
/**
 * Day-to-day order work in a real browser against the whole built system with its demo data:
 * an order entered with delivery requirements and a priority; two orders held at once from the
 * list, with each order's result; the list's filters; an order's items edited; a large order
 * rejected from its exception's help; a short order allocated line by line from two warehouses.
 * Each changed screen is photographed in Chinese and English (.tmp/).
 */
import { type Browser, type Page } from 'playwright-core';
import { type ApiCall, describeInBrowser, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const GUANGZHOU = { country: 'CN', province: '广东省', city: '广州市', district: '天河区', line1: '天河路 385 号' };
const BULK_TAG = '批量-挂起';

/** A paid order (so it waits for review) for `name`, with `lines`. */
const orderOf = (
  name: string,
  phone: string,
  lines: Array<{ sku: string; quantity: number; unitPriceMinor: number }>,
  extra: Record<string, unknown> = {},
) => ({
  customer: { name, phone },
  shippingAddress: GUANGZHOU,
  lines,
  currency: 'CNY',
  shippingFeeMinor: 1000,
  payment: { method: 'alipay', status: 'paid' },
  ...extra,
});

describeInBrowser('order operations (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;
  const ids: Record<string, string> = {};

  const create = async (body: unknown): Promise<string> => {
    const res = await api('/orders', { method: 'POST', body });
    expect(res.status).toBe(201);
    return String(res.body.id);
  };
  const order = async (id: string) => (await api(`/orders/${id}`)).body as { status: string; number: string; totalMinor: number };

  /** The first page of the list as the API answers `filter`, newest first: what the screen should show. */
  const listed = async (filter: Record<string, unknown>): Promise<string[]> => {
    const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["createdAt","DESC"]')}&range=${encodeURIComponent('[0,24]')}`;
    const res = await api(`/orders?${query}`);
    expect(res.status).toBe(200);
    return (res.body as unknown as Array<{ number: string }>).map((row) => row.number).sort();
  };

  /** Waits until the list shows exactly `numbers` (in any order). */
  const rowsAre = (page: Page, numbers: string[]) =>
    page.waitForFunction((wanted) => {
      const shown = [...document.querySelectorAll('tbody .RaDataTable-row')].map((row) => row.textContent?.match(/SO-\d{8}-\d{6}/)?.[0] ?? '');
      return shown.length === wanted.length && [...shown].sort().join() === [...wanted].sort().join();
    }, numbers);

  /** Before a screenshot: the pointer off any tooltip, animations done. */
  const calm = async (page: Page) => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
  };

  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  const waitForStatus = (page: Page, statuses: string[]) =>
    page.waitForFunction(
      (wanted) => wanted.includes(document.querySelector('[data-testid="order-header"] [data-testid="order-status"]')?.getAttribute('data-status') ?? ''),
      statuses,
      { timeout: 120_000 },
    );

  const openOrder = async (page: Page, id: string) => {
    await page.goto(`${system.baseUrl}/admin/#/orders/${id}/show`);
    await page.getByTestId('order-number').waitFor();
    await page.getByTestId('order-line').first().waitFor();
  };

  const openList = async (page: Page) => {
    await page.goto(`${system.baseUrl}/admin/#/orders`);
    await page.locator('tbody .RaDataTable-row').first().waitFor();
  };

  const addFilter = async (page: Page, addLabel: string, label: string) => {
    await page.getByRole('button', { name: addLabel }).click();
    await page.getByRole('menu').getByText(label, { exact: true }).click();
  };

  const removeFilter = (page: Page, source: string) => page.locator(`[data-source="${source}"] .hide-filter`).click();

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    // Two orders to hold at once, and a cancelled one beside them that cannot be held.
    ids.bulkA = await create(orderOf('郑一', '13500135001', [{ sku: 'CAP-BLACK', quantity: 1, unitPriceMinor: 6900 }], { tags: [BULK_TAG] }));
    ids.bulkB = await create(orderOf('郑二', '13500135002', [{ sku: 'CAP-BLACK', quantity: 2, unitPriceMinor: 6900 }], { tags: [BULK_TAG] }));
    ids.bulkC = await create(orderOf('郑三', '13500135003', [{ sku: 'CAP-BLACK', quantity: 3, unitPriceMinor: 6900 }], { tags: [BULK_TAG] }));
    expect((await api(`/orders/${ids.bulkC}/cancel`, { method: 'POST', body: { reason: '客户取消' } })).status).toBe(200);
    // A transfer not confirmed yet: held until it is, and its items may change freely (nothing is paid).
    ids.lines = await create(
      orderOf('孙四', '13500135004', [{ sku: 'TEE-WHITE-M', quantity: 1, unitPriceMinor: 9900 }], { payment: { method: 'bank_transfer', status: 'pending' } }),
    );
    // Over the review threshold (¥5,000): held for review as a large amount.
    ids.large = await create(orderOf('李五', '13500135005', [{ sku: 'TEA-PREMIUM', quantity: 30, unitPriceMinor: 18800 }]));
    // A kettle with 3 units in Guangzhou (which serves the address) and 10 in Hangzhou (which does not).
    expect((await api('/products', { method: 'POST', body: { sku: 'OPS-KETTLE', name: '电热水壶 / Kettle', priceMinor: 19900, currency: 'CNY' } })).status).toBe(201);
    const warehouses = (await api('/warehouses')).body as unknown as Array<{ id: string; code: string }>;
    const warehouse = (code: string) => warehouses.find((w) => w.code === code)!.id;
    for (const [code, quantity] of [['GZ-01', 3], ['HZ-01', 10]] as const) {
      const receipt = { sku: 'OPS-KETTLE', warehouseId: warehouse(code), type: 'receipt', quantity, reason: '采购入库' };
      expect((await api('/stock-movements', { method: 'POST', body: receipt })).status).toBe(201);
    }
    ids.short = await create(
      orderOf('周六', '13500135006', [
        { sku: 'OPS-KETTLE', quantity: 8, unitPriceMinor: 19900 },
        { sku: 'CAP-BLACK', quantity: 1, unitPriceMinor: 6900 },
      ]),
    );
    expect((await api(`/orders/${ids.short}/approve`, { method: 'POST', body: {} })).status).toBe(200);
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('enters an order with delivery requirements and a priority, and shows them on the order page, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.goto(`${system.baseUrl}/admin/#/orders/create`);
    await page.locator('input[name="customer.name"]').fill('吴七');
    await page.locator('input[name="customer.phone"]').fill('13500135007');
    await page.locator('input[name="shippingAddress.province"]').fill('浙江省');
    await page.locator('input[name="shippingAddress.city"]').fill('杭州市');
    await page.locator('input[name="shippingAddress.line1"]').fill('文三路 90 号');
    await page.locator('input[name="lines.0.sku"]').fill('MUG-RED');
    await page.locator('input[name="lines.0.quantity"]').fill('2');
    await page.locator('input[name="lines.0.unitPrice"]').fill('49');
    await page.locator('input[name="delivery.preferredCarrier"]').fill('顺丰速运');
    await page.locator('input[name="delivery.promisedDate"]').fill('2030-01-15');
    await page.getByRole('combobox', { name: '优先级' }).click();
    await page.getByRole('option', { name: '加急' }).click();
    await page.locator('textarea[name="delivery.instructions"]').fill('工作日白天送货，送前电话联系');
    expect(await fitsWidth(page)).toBe(true);
    await calm(page);
    await shot(page, 'admin-order-create-delivery-zh');
    await page.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/#\/orders\/[0-9a-f-]+\/show/);
    const id = page.url().match(/orders\/([0-9a-f-]+)\/show/)![1];
    const delivery = page.getByTestId('order-delivery');
    await delivery.waitFor();
    expect(await page.getByTestId('order-delivery-carrier').innerText()).toContain('顺丰速运');
    expect(await page.getByTestId('order-delivery-promised').innerText()).toContain('2030');
    expect(await page.getByTestId('order-delivery-priority').innerText()).toContain('加急');
    expect(await page.getByTestId('order-delivery-instructions').innerText()).toContain('工作日白天送货');
    expect(await page.getByTestId('order-header').getByTestId('order-priority').innerText()).toBe('加急');
    const saved = (await api(`/orders/${id}`)).body as { delivery: Record<string, string>; priority: number };
    expect(saved.delivery).toEqual({ preferredCarrier: '顺丰速运', promisedDate: '2030-01-15', instructions: '工作日白天送货，送前电话联系' });
    expect(saved.priority).toBe(100);
    await calm(page);
    await shot(page, 'admin-order-show-delivery-zh');

    await switchLanguage(page, 'English');
    await page.getByTestId('order-delivery').getByText('Preferred carrier').waitFor();
    expect(await page.getByTestId('order-delivery-priority').innerText()).toContain('Urgent');
    await calm(page);
    await shot(page, 'admin-order-show-delivery-en');
    await page.goto(`${system.baseUrl}/admin/#/orders/create`);
    await page.getByText('Delivery instructions').waitFor();
    await calm(page);
    await shot(page, 'admin-order-create-delivery-en');
    await page.context().close();
  }, 150_000);

  it('holds two orders at once from the list found by their tag, and says how each one went, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await openList(page);
    const tagged = await listed({ tag: BULK_TAG });
    expect(tagged).toHaveLength(3);
    await addFilter(page, '添加筛选', '标签');
    await page.locator('input[name="tag"]').fill(BULK_TAG);
    await rowsAre(page, tagged);

    await page.locator('.RaDataTable-headerCell input[type="checkbox"]').check();
    await page.getByTestId('orders-bulk-hold').click();
    await page.getByTestId('orders-bulk-hold-dialog').locator('textarea[name="reason"]').fill('等待客户确认收货地址');
    await page.getByTestId('orders-bulk-hold-submit').click();

    const results = page.getByTestId('orders-bulk-result');
    await page.getByTestId('orders-bulk-result-dialog').waitFor();
    expect(await results.count()).toBe(3);
    const result = (id: string) => page.locator(`[data-testid="orders-bulk-result"][data-id="${id}"]`);
    for (const id of [ids.bulkA, ids.bulkB]) {
      expect(await result(id).getAttribute('data-ok')).toBe('true');
      expect(await result(id).innerText()).toContain('已挂起');
      expect((await order(id)).status).toBe('on_hold');
    }
    // The cancelled order stays as it was, and the dialog says why.
    expect(await result(ids.bulkC).getAttribute('data-ok')).toBe('false');
    expect(await result(ids.bulkC).innerText()).toContain('已取消');
    expect(await result(ids.bulkC).innerText()).toContain((await order(ids.bulkC)).number);
    expect((await order(ids.bulkC)).status).toBe('cancelled');
    expect(await page.getByTestId('orders-bulk-result-dialog').innerText()).toContain('挂起：3 个订单中 2 个已完成');
    await calm(page);
    await shot(page, 'admin-orders-bulk-result-zh');

    await page.getByTestId('orders-bulk-result-close').click();
    await page.getByTestId('orders-bulk-result-dialog').waitFor({ state: 'detached' });
    expect(await page.locator('.RaDataTable-headerCell input[type="checkbox"]').isChecked()).toBe(false);
    // The list shows the held orders as held.
    await page.waitForFunction(
      () => document.querySelectorAll('tbody .RaDataTable-row [data-testid="order-status"][data-status="on_hold"]').length === 2,
    );

    await switchLanguage(page, 'English');
    await page.locator('.RaDataTable-headerCell input[type="checkbox"]').check();
    await page.getByTestId('orders-bulk-cancel').click();
    await page.getByTestId('orders-bulk-cancel-dialog').locator('textarea[name="reason"]').fill('Customer asked by phone');
    await page.getByTestId('orders-bulk-cancel-submit').click();
    await page.getByTestId('orders-bulk-result-dialog').waitFor();
    expect(await page.getByTestId('orders-bulk-result-dialog').innerText()).toContain('Cancel order: 2 of 3 done');
    expect(await result(ids.bulkC).innerText()).toContain('Cancelled');
    await calm(page);
    await shot(page, 'admin-orders-bulk-result-en');
    await page.getByTestId('orders-bulk-result-close').click();
    await page.context().close();
  }, 150_000);

  it('finds orders by number, customer phone, name and email, warehouse, SKU and shipping date through the filters, in English', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(page, 'English');
    await openList(page);
    const large = await order(ids.large);

    await addFilter(page, 'Add filter', 'Order number');
    await page.locator('input[name="number"]').fill(` ${large.number.toLowerCase()} `);
    await rowsAre(page, [large.number]);
    await removeFilter(page, 'number');

    await addFilter(page, 'Add filter', 'Customer phone');
    await page.locator('input[name="customerPhone"]').fill('13500135004');
    await rowsAre(page, [(await order(ids.lines)).number]);
    await removeFilter(page, 'customerPhone');

    await addFilter(page, 'Add filter', 'Customer name');
    await page.locator('input[name="customerName"]').fill('郑');
    await rowsAre(page, await listed({ customerName: '郑' }));
    expect(await page.locator('tbody .RaDataTable-row').count()).toBe(3);
    await removeFilter(page, 'customerName');

    // Allocated demo orders ship from Guangzhou; the list shows the same first page as the API.
    await addFilter(page, 'Add filter', 'Warehouse');
    await page.getByRole('combobox', { name: 'Warehouse' }).click();
    await page.getByRole('option', { name: /^GZ-01/ }).click();
    const warehouses = (await api('/warehouses')).body as unknown as Array<{ id: string; code: string }>;
    const fromGuangzhou = await listed({ warehouseId: warehouses.find((w) => w.code === 'GZ-01')!.id });
    expect(fromGuangzhou.length).toBeGreaterThan(0);
    await rowsAre(page, fromGuangzhou);
    expect(page.url()).toContain('warehouseId');

    // Two filters together: Guangzhou orders with a black cap.
    await addFilter(page, 'Add filter', 'SKU');
    await page.locator('input[name="sku"]').fill('CAP-BLACK');
    const capsFromGuangzhou = await listed({ warehouseId: warehouses.find((w) => w.code === 'GZ-01')!.id, sku: 'CAP-BLACK' });
    expect(capsFromGuangzhou).toContain((await order(ids.short)).number);
    await rowsAre(page, capsFromGuangzhou);
    expect(await fitsWidth(page)).toBe(true);
    await calm(page);
    await shot(page, 'admin-orders-filters-en');
    await removeFilter(page, 'warehouseId');
    await removeFilter(page, 'sku');

    // The demo's shipped orders (shipped, delivered, completed) carry a shipping date; none ships in the future.
    await addFilter(page, 'Add filter', 'Shipped from');
    await page.locator('input[name="shippedAt_gte"]').fill('2020-01-01');
    const shipped = await listed({ status: ['partially_shipped', 'shipped', 'delivered', 'completed'] });
    expect(shipped.length).toBeGreaterThan(0);
    await rowsAre(page, shipped);
    await page.locator('input[name="shippedAt_gte"]').fill('2099-01-01');
    await page.getByText('No orders found using the current filters.').waitFor();
    await removeFilter(page, 'shippedAt_gte');

    await addFilter(page, 'Add filter', 'Customer email');
    await page.locator('input[name="customerEmail"]').waitFor();
    await switchLanguage(page, '简体中文');
    await page.getByRole('button', { name: '添加筛选' }).click();
    await page.getByRole('menu').getByText('发货仓库', { exact: true }).waitFor();
    await calm(page);
    await shot(page, 'admin-orders-filters-zh');
    await page.keyboard.press('Escape');
    await removeFilter(page, 'customerEmail');
    await page.context().close();
  }, 150_000);

  it('edits the items of an order not paid yet; the server prices it again, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await openOrder(page, ids.lines);
    await page.getByTestId('order-edit-lines').click();
    const dialog = page.getByTestId('order-lines-dialog');
    await dialog.locator('input[name="lines.0.quantity"]').fill('3');
    await dialog.getByTestId('order-add-line').click();
    await dialog.locator('input[name="lines.1.sku"]').fill('CAP-BLACK');
    await dialog.locator('input[name="lines.1.quantity"]').fill('1');
    await dialog.locator('input[name="lines.1.unitPrice"]').fill('69');
    await dialog.locator('input[name="lines.1.discount"]').fill('9');
    // 3 × 99 + 69 − 9 + 10 shipping
    await page.getByTestId('order-lines-estimate').getByText('¥367.00').waitFor();
    await calm(page);
    await shot(page, 'admin-order-edit-lines-zh');
    await page.getByTestId('order-lines-submit').click();
    await dialog.waitFor({ state: 'detached' });

    await page.locator('[data-testid="order-line"][data-sku="CAP-BLACK"]').waitFor();
    expect(await page.locator('[data-testid="order-line"][data-sku="TEE-WHITE-M"]').innerText()).toContain('3');
    await page.waitForFunction(() => document.querySelector('[data-testid="order-show-total"]')?.getAttribute('data-minor') === '36700');
    expect((await order(ids.lines)).totalMinor).toBe(36700);
    await page.locator('[data-testid="order-timeline-entry"][data-type="orders.order-lines-changed"]').waitFor();

    await switchLanguage(page, 'English');
    await page.getByTestId('order-edit-lines').click();
    await page.getByTestId('order-lines-dialog').getByText('New total: CN¥367.00').waitFor();
    await calm(page);
    await shot(page, 'admin-order-edit-lines-en');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.context().close();
  }, 120_000);

  it('explains how to resolve a large amount and rejects the order with a reason from there, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await openOrder(page, ids.large);
    await waitForStatus(page, ['on_hold']);
    const flag = page.locator('[data-testid="order-flag-open"][data-code="AMOUNT_NEEDS_REVIEW"]');
    await flag.waitFor();
    expect(await flag.getByTestId('order-flag-text').innerText()).toBe('订单金额 ¥5,650.00 超过审核阈值 ¥5,000.00。');
    expect(await flag.getByTestId('order-flag-help').innerText()).toContain('订单金额超过审核阈值');
    await flag.getByTestId('order-flag-action-approve').waitFor();
    await calm(page);
    await shot(page, 'admin-order-flag-help-zh');

    await flag.getByTestId('order-flag-action-reject').click();
    await page.getByTestId('order-reject-dialog').locator('textarea[name="reason"]').fill('金额异常，客户无法核实身份');
    await page.getByTestId('order-reject-submit').click();
    await waitForStatus(page, ['rejected']);
    const resolved = page.locator('[data-testid="order-flag-resolved"][data-code="AMOUNT_NEEDS_REVIEW"]');
    await resolved.waitFor();
    expect(await resolved.innerText()).toContain('随驳回关闭');
    expect(await page.locator('[data-testid="order-flag-resolved"] [data-testid="order-flag-help"]').count()).toBe(0);
    const rejected = page.locator('[data-testid="order-timeline-entry"][data-type="orders.order-rejected"]');
    await rejected.waitFor();
    expect(await rejected.innerText()).toContain('原因：金额异常，客户无法核实身份');
    expect((await order(ids.large)).status).toBe('rejected');
    expect(await page.locator('[data-testid^="order-action-"]').count()).toBe(0);

    // The help reads in English too, on the order whose transfer is not confirmed yet.
    await switchLanguage(page, 'English');
    await openOrder(page, ids.lines);
    const unpaid = page.locator('[data-testid="order-flag-open"][data-code="PAYMENT_UNCONFIRMED"]');
    await unpaid.getByText('How to resolve').waitFor();
    expect(await unpaid.getByTestId('order-flag-text').innerText()).toBe('Bank transfer: CN¥0.00 received of CN¥367.00.');
    await unpaid.getByTestId('order-flag-action-confirm_payment').waitFor();
    await calm(page);
    await shot(page, 'admin-order-flag-help-en');
    await page.context().close();
  }, 120_000);

  it('allocates a short order line by line from two warehouses, in English', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(page, 'English');
    await openOrder(page, ids.short);
    // Guangzhou serves the address but has 3 of the 8 kettles: the rest waits.
    await waitForStatus(page, ['partially_allocated']);
    await page.getByTestId('order-action-allocate').click();
    await page.getByTestId('order-allocate-mode-per_line').click();
    const kettle = page.locator('[data-testid="order-allocate-line"][data-sku="OPS-KETTLE"]');
    const cell = (line: typeof kettle, code: string) => line.locator(`[data-warehouse="${code}"] input`);
    // The rows start from what the order holds: 3 kettles and the cap in Guangzhou.
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="order-allocate-line"][data-sku="OPS-KETTLE"] [data-warehouse="GZ-01"] input') as HTMLInputElement | null)?.value === '3',
    );
    expect(await cell(page.locator('[data-testid="order-allocate-line"][data-sku="CAP-BLACK"]'), 'GZ-01').inputValue()).toBe('1');
    await kettle.getByText('10 available').waitFor();

    // Too many: refused in the dialog, nothing sent.
    await cell(kettle, 'HZ-01').fill('6');
    await page.getByTestId('order-allocate-submit').click();
    await page.getByTestId('order-allocate-error').getByText('OPS-KETTLE: 9 picked, but only 8 ordered.').waitFor();
    await cell(kettle, 'HZ-01').fill('5');
    expect(await kettle.getByTestId('order-allocate-picked').innerText()).toBe('8 / 8');
    await calm(page);
    await shot(page, 'admin-order-allocate-lines-en');
    await page.getByTestId('order-allocate-submit').click();
    await page.getByTestId('order-allocate-dialog').waitFor({ state: 'detached' });

    await waitForStatus(page, ['allocated']);
    expect((await order(ids.short)).status).toBe('allocated');
    const manual = page.locator('[data-testid="order-allocation"]').last();
    await manual.getByText('Allocated by hand').waitFor();
    const shipments = await manual.getByTestId('order-allocation-shipment').allInnerTexts();
    expect(shipments.join('\n')).toMatch(/GZ-01\s*3 × OPS-KETTLE/);
    expect(shipments.join('\n')).toMatch(/HZ-01\s*5 × OPS-KETTLE/);
    const allocations = (await api(`/allocations?filter=${encodeURIComponent(JSON.stringify({ orderId: ids.short }))}`)).body as unknown as Array<{
      trigger: string;
      status: string;
    }>;
    expect(allocations.some((a) => a.trigger === 'manual' && a.status === 'allocated')).toBe(true);

    // The same dialog in Chinese, on an order still waiting for the warehouse's stock.
    const waiting = await create(orderOf('周八', '13500135008', [{ sku: 'OPS-KETTLE', quantity: 4, unitPriceMinor: 19900 }]));
    expect((await api(`/orders/${waiting}/approve`, { method: 'POST', body: {} })).status).toBe(200);
    await switchLanguage(page, '简体中文');
    await openOrder(page, waiting);
    await waitForStatus(page, ['backordered', 'partially_allocated']);
    await page.getByTestId('order-action-allocate').click();
    await page.getByTestId('order-allocate-mode-per_line').click();
    await page.locator('[data-testid="order-allocate-line"][data-sku="OPS-KETTLE"]').getByText('可用 5').waitFor();
    await calm(page);
    await shot(page, 'admin-order-allocate-lines-zh');
    await page.getByRole('button', { name: '返回' }).click();
    await page.context().close();
  }, 180_000);
});

/// <reference lib="dom" />
/**
 * Exception orders, split, merge, allocation by hand and customers in a real browser against the
 * whole built system with its demo data. An administrator working in Chinese enters an order
 * without a street, finds it on hold as an incomplete address, fills the street in, sees the
 * exception fixed, approves it without a reason and watches it being allocated; opens the
 * customer from the order; splits an order and follows the link to the new one; merges two
 * orders of one customer. The new screens read in English too. Screenshots land in .tmp/.
 */
import { type Browser, type Page } from 'playwright-core';
import { type ApiCall, describeInBrowser, openMenuItem, shot, signIn, startBrowserSystem, stopBrowserSystem, switchLanguage } from './support/browser.js';
import type { RunningSystem } from './support/system.js';

const ADDRESS = { country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: '科技园路 1 号' };

/** An order entered over the API for `phone`, paid, so it waits for review. */
const orderFor = (name: string, phone: string, lines: Array<{ sku: string; quantity: number; unitPriceMinor: number }>) => ({
  customer: { name, phone },
  shippingAddress: ADDRESS,
  lines,
  currency: 'CNY',
  shippingFeeMinor: 1000,
  payment: { method: 'alipay', status: 'paid' },
});

describeInBrowser('exception orders, split, merge and customers (browser)', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: ApiCall;
  let splitOrderId: string;
  let mergeTargetId: string;
  let shortOrderId: string;

  /** Before a screenshot: the pointer off any tooltip, animations done. */
  const calm = async (page: Page) => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
  };

  const waitForStatus = (page: Page, statuses: string[]) =>
    page.waitForFunction(
      (wanted) => wanted.includes(document.querySelector('[data-testid="order-header"] [data-testid="order-status"]')?.getAttribute('data-status') ?? ''),
      statuses,
      { timeout: 120_000 },
    );

  const openOrder = async (page: Page, id: string) => {
    await page.goto(`${system.baseUrl}/admin/#/orders/${id}/show`);
    await page.getByTestId('order-number').waitFor();
  };

  const create = async (body: unknown): Promise<string> => {
    const res = await api('/orders', { method: 'POST', body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    ({ system, browser, api } = await startBrowserSystem());
    splitOrderId = await create(
      orderFor('陈七', '13700137001', [
        { sku: 'TEE-WHITE-M', quantity: 3, unitPriceMinor: 9900 },
        { sku: 'MUG-RED', quantity: 1, unitPriceMinor: 4900 },
      ]),
    );
    mergeTargetId = await create(orderFor('周八', '13700137002', [{ sku: 'CAP-BLACK', quantity: 1, unitPriceMinor: 6900 }]));
    await create(orderFor('周八', '13700137002', [{ sku: 'MUG-RED', quantity: 2, unitPriceMinor: 4900 }]));
    // More than any warehouse holds: approved, it waits for stock, and staff may allocate it by hand.
    shortOrderId = await create(orderFor('吴九', '13700137003', [{ sku: 'MUG-RED', quantity: 90_000, unitPriceMinor: 4900 }]));
  }, 180_000);

  afterAll(() => stopBrowserSystem(system, browser));

  it('takes an order without a street through hold, the address fix and approval to allocation, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await page.goto(`${system.baseUrl}/admin/#/orders/create`);
    await page.locator('input[name="customer.name"]').fill('钱十');
    await page.locator('input[name="customer.phone"]').fill('13600136000');
    await page.locator('input[name="shippingAddress.province"]').fill('浙江省');
    await page.locator('input[name="shippingAddress.city"]').fill('杭州市');
    await page.locator('input[name="shippingAddress.district"]').fill('西湖区');
    await page.locator('input[name="lines.0.sku"]').fill('TEE-WHITE-M');
    await page.locator('input[name="lines.0.quantity"]').fill('1');
    await page.locator('input[name="lines.0.unitPrice"]').fill('99');
    await page.getByRole('button', { name: '保存' }).click();

    // The audit finds the street missing: the order opens on hold with the exception.
    await page.waitForURL(/#\/orders\/[0-9a-f-]+\/show/);
    await waitForStatus(page, ['on_hold']);
    const open = page.locator('[data-testid="order-flag-open"][data-code="ADDRESS_INCOMPLETE"]');
    await open.waitFor();
    expect(await open.innerText()).toContain('地址不完整');
    expect(await page.getByTestId('order-action-approve').innerText()).toContain('强制');
    await calm(page);
    await shot(page, 'admin-order-address-incomplete-zh');

    // Filling the street in runs the audit again: the exception is fixed.
    await page.getByTestId('order-edit-address').click();
    await page.getByTestId('order-address-dialog').locator('input[name="line1"]').fill('文三路 90 号');
    await page.getByTestId('order-address-submit').click();
    const fixed = page.locator('[data-testid="order-flag-resolved"][data-code="ADDRESS_INCOMPLETE"]');
    await fixed.waitFor();
    expect(await fixed.innerText()).toContain('已修正');
    expect(await page.locator('[data-testid="order-flag-open"]').count()).toBe(0);
    expect(await page.getByTestId('order-address-text').innerText()).toContain('文三路 90 号');

    // No open exception: approving asks for no reason, and the worker allocates the order.
    await page.getByTestId('order-action-approve').click();
    expect(await page.getByTestId('order-approve-dialog').count()).toBe(0);
    await waitForStatus(page, ['allocated']);
    await page.getByTestId('order-allocations').waitFor({ timeout: 120_000 });
    await calm(page);
    await shot(page, 'admin-order-address-fixed-allocated-zh');

    // The customer's name opens the customer, whose orders include this one.
    const number = await page.getByTestId('order-number').innerText();
    await page.getByTestId('order-customer-link').click();
    await page.waitForURL(/#\/customers\/[0-9a-f-]+\/show/);
    expect(await page.getByTestId('customer-name').innerText()).toBe('钱十');
    await page.getByTestId('customer-order').filter({ hasText: number }).waitFor();
    expect(await page.getByTestId('customer-order-count').innerText()).toContain('1');
    await calm(page);
    await shot(page, 'admin-customer-show-zh');

    // The customers list, searched by phone.
    await openMenuItem(page, 'customers', 'menu-item-customers');
    await page.locator('tbody .RaDataTable-row').first().waitFor();
    await calm(page);
    await shot(page, 'admin-customers-list-zh');
    await page.locator('input[name="q"]').fill('13600136000');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody .RaDataTable-row')];
      return rows.length === 1 && rows[0].textContent?.includes('钱十');
    });
    await page.locator('tbody .RaDataTable-row').first().click();
    await page.getByTestId('customer-name').waitFor();
    await page.context().close();
  }, 180_000);

  it('splits an order into a new one and links the two, in Chinese', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'zh-CN');
    await switchLanguage(page, '简体中文');
    await openOrder(page, splitOrderId);
    await page.getByTestId('order-action-split').click();
    const dialog = page.getByTestId('order-split-dialog');
    // Nothing chosen: the dialog says so and sends nothing.
    await page.getByTestId('order-split-submit').click();
    await page.getByTestId('order-split-error').getByText('请至少选择一件商品').waitFor();
    await dialog.locator('input[name="move.0"]').fill('2');
    await calm(page);
    await shot(page, 'admin-order-split-zh');
    await page.getByTestId('order-split-submit').click();
    await dialog.waitFor({ state: 'detached' });

    // The order keeps one T-shirt and the mug; the new order has the two T-shirts.
    const child = page.getByTestId('order-related-child');
    await child.waitFor();
    await page.locator('[data-testid="order-line"][data-sku="TEE-WHITE-M"]').getByText('1', { exact: true }).waitFor();
    await page.locator('[data-testid="order-timeline-entry"][data-type="orders.order-split"]').waitFor();
    const childNumber = await child.innerText();
    await calm(page);
    await shot(page, 'admin-order-split-done-zh');
    await child.click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="order-number"]')?.textContent === n, childNumber);
    // The number shows before the lines do: wait for the line, then count.
    await page.locator('[data-testid="order-line"][data-sku="TEE-WHITE-M"]').waitFor();
    expect(await page.getByTestId('order-line').count()).toBe(1);
    expect(await page.locator('[data-testid="order-line"][data-sku="TEE-WHITE-M"]').innerText()).toContain('2');
    await page.getByTestId('order-related-parent').waitFor();
    await page.context().close();
  }, 120_000);

  it('merges two orders of one customer and allocates a short order by hand, in English', async () => {
    const page = await signIn(browser, system.baseUrl, system.adminEmail, system.adminPassword, 'en');
    await switchLanguage(page, 'English');
    await openOrder(page, mergeTargetId);
    await page.getByTestId('order-action-merge').click();
    const candidate = page.getByTestId('order-merge-candidate');
    expect(await candidate.count()).toBe(1);
    await candidate.locator('input[type="checkbox"]').check();
    await calm(page);
    await shot(page, 'admin-order-merge-en');
    await page.getByTestId('order-merge-submit').click();
    await page.getByTestId('order-merge-dialog').waitFor({ state: 'detached' });
    const merged = page.getByTestId('order-related-merged');
    await merged.waitFor();
    await page.locator('[data-testid="order-line"][data-sku="MUG-RED"]').waitFor();
    // The merged order is cancelled and points here.
    await merged.click();
    await waitForStatus(page, ['cancelled']);
    await page.getByTestId('order-related-merged-into').waitFor();
    await calm(page);
    await shot(page, 'admin-order-merged-into-en');

    // The short order waits for stock once approved; no warehouse can ship it all by hand either.
    expect((await api(`/orders/${shortOrderId}/approve`, { method: 'POST', body: { reason: 'Large order agreed by phone' } })).status).toBe(200);
    await openOrder(page, shortOrderId);
    await waitForStatus(page, ['backordered', 'partially_allocated']);
    await page.getByTestId('order-action-allocate').click();
    const warehouses = page.getByTestId('order-allocate-dialog').locator('input[type="radio"]');
    await warehouses.first().waitFor();
    await warehouses.first().check();
    await page.getByTestId('order-allocate-submit').click();
    const refusal = page.getByTestId('order-allocate-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/Not enough stock of MUG-RED in this warehouse: \d+ available, 90000 needed/);
    await calm(page);
    await shot(page, 'admin-order-allocate-en');
    await page.getByRole('button', { name: 'Back' }).click();

    // The new screens in English: a customer and the list.
    await page.goto(`${system.baseUrl}/admin/#/customers`);
    await page.locator('tbody .RaDataTable-row').first().waitFor();
    await page.getByText('Total spent').waitFor();
    await calm(page);
    await shot(page, 'admin-customers-list-en');
    await page.locator('tbody .RaDataTable-row').filter({ hasText: '周八' }).click();
    await page.getByTestId('customer-order').first().waitFor();
    await calm(page);
    await shot(page, 'admin-customer-show-en');
    await page.context().close();
  }, 150_000);
});

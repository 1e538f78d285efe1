import { bearer, query as sql } from '../../../test/support/access.js';
import { eventually, type TestApp } from '../../../test/support/app.js';

/** Helpers the orders integration tests share: orders entered over HTTP, read back, acted on. */

/** Inside the test warehouse's delivery area (浙江省), complete, with a valid postcode. */
export const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号', postcode: '310000' };

let phones = 0;
/** A valid mainland mobile no other order of this run uses: no order is taken for another's duplicate. */
export const newPhone = () => `137${String(process.pid % 1000).padStart(3, '0')}${String(++phones).padStart(5, '0')}`;

export interface OrderFlagView {
  code: string;
  message: string;
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export interface OrderView {
  id: string;
  number: string;
  status: string;
  openFlags: string[];
  flags: OrderFlagView[];
  audit: { passed: boolean; results: { rule: string; passed: boolean; skipped?: boolean; flags: { code: string }[] }[] } | null;
  tags: string[];
  sellerRemark: string | null;
  totalMinor: number;
  warehouseId: string | null;
  customerPhone: string;
  actions: string[];
  [key: string]: unknown;
}

export interface TimelineView {
  id: string;
  type: string;
  actorKind: string;
  actorId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  details: Record<string, unknown>;
}

/** A paid order of one line, from a new customer, that every default rule passes (given stock). */
export function orderBody(sku: string, over: Record<string, unknown> = {}) {
  return {
    customer: { name: '测试客户', phone: newPhone(), email: 'buyer@example.com' },
    shippingAddress: ADDRESS,
    lines: [{ sku, quantity: 1, unitPriceMinor: 1000 }],
    currency: 'CNY',
    payment: { method: 'alipay', status: 'paid' },
    ...over,
  };
}

export function orderApi(t: TestApp, token: () => string) {
  const get = async (id: string, as = token()) => (await t.http.get(`/api/orders/${id}`).auth(as, bearer).expect(200)).body as OrderView;
  return {
    get,
    create: async (body: object, as = token()) => {
      const res = await t.http.post('/api/orders').auth(as, bearer).send(body);
      if (res.status !== 201) throw new Error(`POST /api/orders answered ${res.status}: ${JSON.stringify(res.body)}`);
      return get(res.body.id as string);
    },
    act: (id: string, action: string, payload: object = {}, as = token()) => t.http.post(`/api/orders/${id}/${action}`).auth(as, bearer).send(payload),
    timeline: async (id: string, as = token()) =>
      (await t.http.get(`/api/orders/${id}/timeline`).auth(as, bearer).expect(200)).body as TimelineView[],
  };
}

/** Audit settings as the settings screen sends them back: read, changed, put back whole. */
export function settingsApi(t: TestApp, token: () => string) {
  type Audit = { autoApprove: boolean; rules: Record<string, { enabled: boolean; params: Record<string, unknown> }> };
  const read = async () => (await t.http.get('/api/order-settings').auth(token(), bearer).expect(200)).body as { audit: Audit };
  return {
    read,
    changeAudit: async (change: (audit: Audit) => void) => {
      const { audit } = await read();
      change(audit);
      await t.http.put('/api/order-settings').auth(token(), bearer).send({ audit }).expect(200);
    },
    setBlockList: (blockList: { kind: string; value: string }[]) =>
      t.http.put('/api/order-settings').auth(token(), bearer).send({ blockList }).expect(200),
    /** Every rule on with its default parameters, no auto-approval, an empty block list. */
    reset: async () => {
      const { audit } = await read();
      for (const rule of Object.values(audit.rules)) rule.enabled = true;
      audit.rules.amount_review.params.thresholdMinor = 500000;
      audit.rules.purchase_limit.params.periodDays = 30;
      audit.rules.duplicate_order.params.windowHours = 24;
      audit.rules.block_list.params.matchOn = ['customer_name', 'phone', 'email', 'address'];
      audit.autoApprove = false;
      await t.http.put('/api/order-settings').auth(token(), bearer).send({ audit, blockList: [] }).expect(200);
    },
  };
}

/** The rules an order's last audit found failing. */
export const failedRules = (order: OrderView) => (order.audit?.results ?? []).filter((r) => !r.passed).map((r) => r.rule);

/**
 * Stock for saga tests, in one warehouse (the app, token and warehouse are read when called, so
 * the helpers can be made before `beforeAll` sets them): products with stock, receipts, what a SKU holds and
 * whether every level still reconciles; and an order's status, waited for while the worker runs.
 */
export function stockApi(app: () => TestApp, token: () => string, warehouse: () => string) {
  const receive = (sku: string, quantity: number) =>
    app().http.post('/api/stock-movements').auth(token(), bearer).send({ sku, warehouseId: warehouse(), type: 'receipt', quantity, reason: 'r' }).expect(201);
  const statusOf = async (id: string) => (await sql<{ status: string }>(app(), `SELECT status FROM sales_order WHERE id = $1`, [id]))[0].status;
  return {
    receive,
    product: async (sku: string, stock: number) => {
      await app().http.post('/api/products').auth(token(), bearer).send({ sku, name: sku, priceMinor: 1000, currency: 'CNY' }).expect(201);
      if (stock) await receive(sku, stock);
    },
    /** On hand and reserved of the SKU (in its one warehouse). */
    level: async (sku: string) => (await sql<{ on_hand: number; reserved: number }>(app(), `SELECT on_hand, reserved FROM stock_level WHERE sku = $1`, [sku]))[0],
    reserved: async (sku: string) =>
      (await sql<{ n: number }>(app(), `SELECT coalesce(sum(reserved), 0)::int AS n FROM stock_level WHERE sku = $1`, [sku]))[0].n,
    noDrift: async () => expect((await app().http.get('/api/stock-levels/reconcile').auth(token(), bearer).expect(200)).body.drift).toEqual([]),
    statusOf,
    waitFor: (id: string, status: string) => eventually(async () => (await statusOf(id)) === status, 30_000, `order ${id} to be ${status}`),
  };
}

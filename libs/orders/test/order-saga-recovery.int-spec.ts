import { adminToken, bearer, query } from '../../../test/support/access.js';
import { bootTestApp, bootTestWorker, eventually, type TestApp } from '../../../test/support/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号' };

/**
 * The saga's steps live in the outbox and the job queue, not in memory: an order approved while
 * no worker runs (crashed, or not started yet) is allocated once a worker comes, and each step
 * runs once, however many workers pick it up.
 */
describe('the order saga across worker crashes', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ db });
    admin = await adminToken(t);
    const warehouse = (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)).body.id;
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'REC-1', name: 'REC-1', priceMinor: 1000, currency: 'CNY' }).expect(201);
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'REC-1', warehouseId: warehouse, type: 'receipt', quantity: 50, reason: 'r' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('allocates orders approved while no worker ran, once each, when two workers come back', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const o = await t.http
        .post('/api/orders')
        .auth(admin, bearer)
        .send({
          customer: { name: '客户', phone: `1391234${String(1000 + i)}` },
          shippingAddress: ADDRESS,
          lines: [{ sku: 'REC-1', quantity: 2, unitPriceMinor: 1000 }],
          currency: 'CNY',
          payment: { method: 'alipay', status: 'paid' },
        })
        .expect(201);
      await t.http.post(`/api/orders/${o.body.id}/approve`).auth(admin, bearer).send({}).expect(200);
      ids.push(o.body.id);
    }
    const statuses = async () =>
      (await query<{ status: string; n: number }>(t, `SELECT status, count(*)::int AS n FROM sales_order WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids]));
    expect(await statuses()).toEqual([{ status: 'approved', n: 20 }]);

    const steps = () =>
      query<{ handler: string; n: number }>(
        t,
        `SELECT handler, count(*)::int AS n FROM processed_event WHERE handler IN ('AllocateApprovedOrder', 'RecordOrderAllocation') GROUP BY handler ORDER BY handler`,
      );
    const everyStep = [
      { handler: 'AllocateApprovedOrder', n: 20 },
      { handler: 'RecordOrderAllocation', n: 20 },
    ];
    const workers = [await bootTestWorker(db), await bootTestWorker(db)];
    try {
      await eventually(async () => JSON.stringify(await statuses()) === JSON.stringify([{ status: 'allocated', n: 20 }]), 60_000, 'all 20 allocated');
      // The order records its allocation in the approval's step; the allocation events that follow
      // are delivered too, each once, and change nothing more.
      await eventually(async () => JSON.stringify(await steps()) === JSON.stringify(everyStep), 60_000, 'every saga step delivered');
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    const [{ reserved }] = await query<{ reserved: number }>(t, `SELECT sum(reserved)::int AS reserved FROM stock_level WHERE sku = 'REC-1'`);
    expect(reserved).toBe(40);
    expect(await steps()).toEqual(everyStep);
    const [{ recorded }] = await query<{ recorded: number }>(
      t,
      `SELECT count(*)::int AS recorded FROM sales_order_event WHERE order_id = ANY($1::uuid[]) AND type = 'orders.order-allocation-recorded'`,
      [ids],
    );
    expect(recorded).toBe(20);
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM allocation WHERE order_id = ANY($1::uuid[])`, [ids]);
    expect(n).toBe(20);
  }, 120_000);
});

import { JobQueue } from '@oms/core';
import { RECONCILE_CRON, RECONCILE_QUEUE, ReconcileJob } from '@oms/inventory';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, bearer, query } from '../../../test/support/access.js';

describe('the nightly stock reconcile', () => {
  let t: TestApp;
  let job: ReconcileJob;
  beforeAll(async () => {
    t = await bootTestApp({ roles: ['api', 'worker'] });
    job = t.app.get(ReconcileJob);
    const admin = await adminToken(t);
    const wh = await t.http
      .post('/api/warehouses')
      .auth(admin, bearer)
      .send({ code: 'W', name: 'W', type: 'physical', address: { country: 'CN', province: 'p', city: 'c', line1: 'l' } })
      .expect(201);
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'D-1', name: 'D-1', priceMinor: 1, currency: 'CNY' }).expect(201);
    await t.http
      .post('/api/stock-movements')
      .auth(admin, bearer)
      .send({ sku: 'D-1', warehouseId: wh.body.id, type: 'receipt', quantity: 4, reason: 'r' })
      .expect(201);
  });
  afterAll(() => t.close());

  const alerts = () => query<{ payload: { drift: { sku: string }[] } }>(t, `SELECT payload FROM outbox_event WHERE type = 'inventory.stock-drift-detected'`);

  it('is scheduled every night in the worker', async () => {
    const schedules = await t.app.get(JobQueue).boss.getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: RECONCILE_QUEUE, cron: RECONCILE_CRON })]));
  });

  it('raises nothing while stock and ledger agree', async () => {
    expect((await job.run()).drift).toEqual([]);
    expect(await alerts()).toHaveLength(0);
  });

  it('raises an alert naming each drifted level', async () => {
    await query(t, `UPDATE stock_level SET on_hand = 9 WHERE sku = 'D-1'`);
    const report = await job.run();
    expect(report.drift).toEqual([expect.objectContaining({ sku: 'D-1', onHand: 9, ledgerOnHand: 4 })]);
    expect((await alerts()).map((a) => a.payload.drift.map((d) => d.sku))).toEqual([['D-1']]);
  });

  it('raises an alert naming a bin that disagrees with the bin ledger', async () => {
    await query(t, `UPDATE stock_level SET on_hand = 4 WHERE sku = 'D-1'`);
    const admin = await adminToken(t);
    const [{ id: warehouseId }] = await query<{ id: string }>(t, `SELECT id FROM warehouse WHERE code = 'W'`);
    const bin = await t.http.post('/api/bins').auth(admin, bearer).send({ warehouseId, zone: 'A', aisle: '1', bay: '1', level: '1', sequence: 1 }).expect(201);
    await t.http.post('/api/bin-stock/putaway').auth(admin, bearer).send({ sku: 'D-1', binId: bin.body.id, quantity: 2 }).expect(201);
    expect(await job.run()).toMatchObject({ drift: [], binDrift: [] });
    await query(t, `UPDATE bin_stock SET quantity = 3 WHERE sku = 'D-1'`);
    const report = await job.run();
    expect(report.binDrift).toEqual([expect.objectContaining({ sku: 'D-1', binCode: 'A-1-1-1', quantity: 3, ledgerQuantity: 2 })]);
    const [, alert] = await query<{ payload: { drift: { sku: string; binned: number; inBins: number }[]; binDrift: { binCode: string }[] } }>(
      t,
      `SELECT payload FROM outbox_event WHERE type = 'inventory.stock-drift-detected' ORDER BY occurred_at`,
    );
    expect(alert.payload.drift).toEqual([expect.objectContaining({ sku: 'D-1', binned: 2, inBins: 3 })]);
    expect(alert.payload.binDrift.map((d) => d.binCode)).toEqual(['A-1-1-1']);
  });
});

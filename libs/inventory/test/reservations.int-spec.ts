import { randomUUID } from 'node:crypto';
import { ReservationsService } from '@oms/inventory';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, bearer, query } from '../../../test/support/access.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', line1: '1 号' };

describe('reservations', () => {
  let t: TestApp;
  let reservations: ReservationsService;
  let hz: string;
  let admin: string;

  const level = async (sku: string) =>
    (await query<{ on_hand: number; reserved: number }>(t, `SELECT on_hand, reserved FROM stock_level WHERE sku = $1 AND warehouse_id = $2`, [sku, hz]))[0];
  const reconcile = async () => (await t.http.get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp();
    reservations = t.app.get(ReservationsService);
    admin = await adminToken(t);
    hz = (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)).body.id;
    for (const [sku, quantity] of [['HOT-1', 50], ['A-1', 1000], ['B-1', 1000], ['C-1', 10]] as const) {
      await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 100, currency: 'CNY' }).expect(201);
      await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: hz, type: 'receipt', quantity, reason: 'r' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('lets exactly 50 of 200 parallel one-unit reservations through on a SKU with 50 available', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => reservations.reserve(randomUUID(), [{ lineId: '1', sku: 'HOT-1', warehouseId: hz, quantity: 1 }])),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(new Set(refused.map((r) => (r.reason as { code?: string }).code))).toEqual(new Set(['stock.insufficient']));
    expect(await level('HOT-1')).toEqual({ on_hand: 50, reserved: 50 });
    expect((await reconcile()).drift).toEqual([]);
  });

  it('reserves once when the same request comes twice, even at the same moment', async () => {
    const order = randomUUID();
    const lines = [{ lineId: 'L1', sku: 'C-1', warehouseId: hz, quantity: 3 }];
    await Promise.all([reservations.reserve(order, lines), reservations.reserve(order, lines), reservations.reserve(order, lines)]);
    await reservations.reserve(order, lines);
    expect(await level('C-1')).toEqual({ on_hand: 10, reserved: 3 });
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM stock_reservation WHERE order_id = $1`, [order]);
    expect(n).toBe(1);
  });

  it('refuses the same line twice in one warehouse instead of reserving only the first', async () => {
    const line = { lineId: 'L1', sku: 'A-1', warehouseId: hz, quantity: 1 };
    await expect(reservations.reserve(randomUUID(), [line, { ...line, quantity: 2 }])).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('reserves all lines of an order or none', async () => {
    const order = randomUUID();
    await expect(
      reservations.reserve(order, [
        { lineId: '1', sku: 'A-1', warehouseId: hz, quantity: 5 },
        { lineId: '2', sku: 'C-1', warehouseId: hz, quantity: 100 },
      ]),
    ).rejects.toMatchObject({ code: 'stock.insufficient' });
    expect(await level('A-1')).toEqual({ on_hand: 1000, reserved: 0 });
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM stock_reservation WHERE order_id = $1`, [order]);
    expect(n).toBe(0);
  });

  it('never deadlocks when orders reserve overlapping SKUs in opposite orders', async () => {
    const forward = [
      { lineId: '1', sku: 'A-1', warehouseId: hz, quantity: 1 },
      { lineId: '2', sku: 'B-1', warehouseId: hz, quantity: 1 },
    ];
    const backward = [...forward].reverse();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => reservations.reserve(randomUUID(), i % 2 ? forward : backward)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await level('A-1')).toEqual({ on_hand: 1000, reserved: 100 });
    expect(await level('B-1')).toEqual({ on_hand: 1000, reserved: 100 });
  });

  it('releases and consumes, with the ledger and reservations matching the level', async () => {
    const order = randomUUID();
    await reservations.reserve(order, [
      { lineId: '1', sku: 'C-1', warehouseId: hz, quantity: 2 },
      { lineId: '2', sku: 'A-1', warehouseId: hz, quantity: 4 },
    ]);
    expect(await reservations.release(order, '1')).toBe(1);
    expect(await reservations.release(order, '1')).toBe(0);
    expect(await reservations.consume(order)).toBe(1);
    expect(await level('A-1')).toEqual({ on_hand: 996, reserved: 100 });
    const types = await query<{ type: string }>(t, `SELECT type FROM stock_movement WHERE reference = $1 ORDER BY at`, [`order:${order}`]);
    expect(types.map((r) => r.type).sort()).toEqual(['release', 'reservation', 'reservation', 'shipment']);
    expect((await reconcile()).drift).toEqual([]);
  });
});

import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', line1: '1 号' };

describe('stock transfers between warehouses', () => {
  let t: TestApp;
  let admin: string;
  let a: string;
  let b: string;
  const transfer = (body: object, token = admin) => t.http.post('/api/stock-transfers').auth(token, bearer).send(body);
  const onHand = async (warehouseId: string) =>
    (await query<{ on_hand: number }>(t, `SELECT on_hand FROM stock_level WHERE sku = 'T-1' AND warehouse_id = $1`, [warehouseId]))[0]?.on_hand ?? 0;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    const wh = async (code: string) =>
      (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code, name: code, type: 'physical', address: ADDRESS }).expect(201)).body.id;
    a = await wh('A');
    b = await wh('B');
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'T-1', name: 'T-1', priceMinor: 1, currency: 'CNY' }).expect(201);
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'T-1', warehouseId: a, type: 'receipt', quantity: 30, reason: 'r' }).expect(201);
  });
  afterAll(() => t.close());

  it('moves stock out of one warehouse and into the other in one step', async () => {
    const res = await transfer({ sku: 'T-1', fromWarehouseId: a, toWarehouseId: b, quantity: 12, reason: '补货' }).expect(201);
    expect(res.body.movements.map((m: { type: string; quantity: number }) => [m.type, m.quantity])).toEqual([
      ['transfer_out', -12],
      ['transfer_in', 12],
    ]);
    expect([await onHand(a), await onHand(b)]).toEqual([18, 12]);
  });

  it('never takes the source below zero under parallel transfers both ways, and never deadlocks', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        transfer({ sku: 'T-1', fromWarehouseId: i % 2 ? a : b, toWarehouseId: i % 2 ? b : a, quantity: 1, reason: 'r' }),
      ),
    );
    expect(answers.every((r) => r.status === 201 || r.body.code === 'stock.insufficient')).toBe(true);
    expect((await onHand(a)) + (await onHand(b))).toBe(30);
    const reconcile = await t.http.get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200);
    expect(reconcile.body.drift).toEqual([]);
  });

  it('refuses too much, the same warehouse twice, and another scope', async () => {
    const short = await transfer({ sku: 'T-1', fromWarehouseId: a, toWarehouseId: b, quantity: 1000, reason: 'r' }).expect(409);
    expect(short.body.code).toBe('stock.insufficient');
    const same = await transfer({ sku: 'T-1', fromWarehouseId: a, toWarehouseId: a, quantity: 1, reason: 'r' }).expect(422);
    expect(same.body.details.fields[0].field).toBe('toWarehouseId');
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [a] });
    await transfer({ sku: 'T-1', fromWarehouseId: a, toWarehouseId: b, quantity: 1, reason: 'r' }, staff.token).expect(403);
    expect((await onHand(a)) + (await onHand(b))).toBe(30);
  });
});

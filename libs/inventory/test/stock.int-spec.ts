import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, auditEntries, bearer, createUser, query } from '../../../test/support/access.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', line1: '1 号' };

describe('stock levels and the movements ledger', () => {
  let t: TestApp;
  let admin: string;
  let hz: string;
  let gz: string;
  let pool: string;
  const move = (body: object, token = admin) => t.http.post('/api/stock-movements').auth(token, bearer).send(body);

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    const wh = (code: string, extra: object = {}) =>
      t.http.post('/api/warehouses').auth(admin, bearer).send({ code, name: code, type: 'physical', address: ADDRESS, ...extra });
    hz = (await wh('HZ').expect(201)).body.id;
    gz = (await wh('GZ').expect(201)).body.id;
    pool = (await wh('POOL', { type: 'virtual', memberIds: [hz, gz] }).expect(201)).body.id;
    for (const sku of ['CUP-1', 'PEN-1']) {
      await t.http.post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 100, currency: 'CNY' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('receives stock: the level and the ledger change together', async () => {
    const res = await move({ sku: 'cup-1', warehouseId: hz, type: 'receipt', quantity: 20, reason: '采购入库', reference: 'PO-1' }).expect(201);
    expect(res.body).toMatchObject({ sku: 'CUP-1', type: 'receipt', quantity: 20, onHandAfter: 20, reservedAfter: 0, reference: 'PO-1' });
    const levels = await t.http.get('/api/stock-levels').query({ filter: JSON.stringify({ sku: 'CUP-1' }) }).auth(admin, bearer).expect(200);
    expect(levels.body).toEqual([expect.objectContaining({ warehouseId: hz, onHand: 20, reserved: 0, available: 20 })]);
  });

  it('refuses to adjust below zero, and keeps the ledger equal to the level under 50 parallel adjustments', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => move({ sku: 'CUP-1', warehouseId: hz, type: 'adjustment', quantity: -1, reason: '盘亏' })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(30);
    expect(refused[0].body).toMatchObject({ code: 'stock.insufficient', details: { available: 0 } });
    const [level] = await query<{ on_hand: number }>(t, `SELECT on_hand FROM stock_level WHERE sku = 'CUP-1'`);
    expect(level.on_hand).toBe(0);
    const reconcile = await t.http.get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200);
    expect(reconcile.body).toMatchObject({ levels: 1, drift: [] });
  });

  it('reports drift row by row when a level and its ledger disagree', async () => {
    await move({ sku: 'PEN-1', warehouseId: gz, type: 'receipt', quantity: 5, reason: 'r' }).expect(201);
    await query(t, `UPDATE stock_level SET on_hand = 7 WHERE sku = 'PEN-1'`);
    const res = await t.http.get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200);
    expect(res.body.drift).toEqual([expect.objectContaining({ sku: 'PEN-1', warehouseId: gz, onHand: 7, ledgerOnHand: 5 })]);
    await query(t, `UPDATE stock_level SET on_hand = 5 WHERE sku = 'PEN-1'`);
  });

  it('lets the database refuse what the code must never do', async () => {
    await expect(query(t, `UPDATE stock_level SET on_hand = -1 WHERE sku = 'PEN-1'`)).rejects.toThrow(/check/i);
    await expect(query(t, `UPDATE stock_level SET reserved = 6 WHERE sku = 'PEN-1'`)).rejects.toThrow(/check/i);
    await expect(query(t, `DELETE FROM stock_movement`)).rejects.toThrow(/append-only/);
  });

  it('answers bad movements with 4xx naming the problem', async () => {
    expect((await move({ sku: 'NOPE', warehouseId: hz, type: 'receipt', quantity: 1, reason: 'r' }).expect(422)).body.code).toBe('stock.unknown_sku');
    expect((await move({ sku: 'PEN-1', warehouseId: pool, type: 'receipt', quantity: 1, reason: 'r' }).expect(422)).body.code).toBe('stock.unknown_warehouse');
    await move({ sku: 'PEN-1', warehouseId: '019ab000-0000-7000-8000-00000000ffff', type: 'receipt', quantity: 1, reason: 'r' }).expect(422);
    const neg = await move({ sku: 'PEN-1', warehouseId: hz, type: 'receipt', quantity: -3, reason: 'r' }).expect(422);
    expect(neg.body.details.fields[0].field).toBe('quantity');
    const shape = await move({ sku: 'PEN-1', warehouseId: 'x', type: 'shipment', quantity: 0 }).expect(400);
    expect(shape.body.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['warehouseId', 'type', 'quantity', 'reason']),
    );
  });

  it('keeps warehouse staff to their own warehouses for stock and the ledger', async () => {
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [gz] });
    const levels = await t.http.get('/api/stock-levels').auth(staff.token, bearer).expect(200);
    expect(levels.body.map((l: { warehouseId: string }) => l.warehouseId)).toEqual([gz]);
    const ledger = await t.http.get('/api/stock-movements').auth(staff.token, bearer).expect(200);
    expect(new Set(ledger.body.map((l: { warehouseId: string }) => l.warehouseId))).toEqual(new Set([gz]));
    await move({ sku: 'PEN-1', warehouseId: gz, type: 'receipt', quantity: 2, reason: 'r' }, staff.token).expect(201);
    const other = await move({ sku: 'PEN-1', warehouseId: hz, type: 'receipt', quantity: 2, reason: 'r' }, staff.token).expect(403);
    expect(other.body.code).toBe('access.forbidden');
    await t.http.get('/api/stock-levels/reconcile').auth(staff.token, bearer).expect(403);
    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    await move({ sku: 'PEN-1', warehouseId: gz, type: 'receipt', quantity: 2, reason: 'r' }, viewer.token).expect(403);
  });

  it('names who moved stock on every movement and audits each receipt, adjustment and transfer with its result', async () => {
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [hz, gz] });
    const receipt = await move({ sku: 'PEN-1', warehouseId: hz, type: 'receipt', quantity: 6, reason: '到货', reference: 'PO-AUDIT' }, staff.token).expect(201);
    const adjustment = await move({ sku: 'PEN-1', warehouseId: hz, type: 'adjustment', quantity: -2, reason: '破损' }, staff.token).expect(201);
    const transfer = await t.http
      .post('/api/stock-transfers')
      .auth(staff.token, bearer)
      .send({ sku: 'PEN-1', fromWarehouseId: hz, toWarehouseId: gz, quantity: 1, reason: '调拨' })
      .expect(201);

    const actors = await query<{ type: string; actor_id: string }>(
      t,
      `SELECT type, actor_id FROM stock_movement WHERE id = ANY($1::uuid[]) OR reference = $2 ORDER BY type`,
      [[receipt.body.id, adjustment.body.id], transfer.body.reference],
    );
    expect(actors).toEqual(['adjustment', 'receipt', 'transfer_in', 'transfer_out'].map((type) => ({ type, actor_id: staff.id })));
    // The API shows the actor too.
    const ledger = await t.http.get(`/api/stock-movements/${receipt.body.id}`).auth(admin, bearer).expect(200);
    expect(ledger.body.actorId).toBe(staff.id);

    const entries = (await auditEntries(t, { actorId: staff.id })).filter((e) => e.action.startsWith('stock.'));
    expect(entries.map((e) => e.action)).toEqual(['stock.receipt', 'stock.adjustment', 'stock.transfer']);
    expect(entries[0]).toMatchObject({ outcome: 'success', entityType: 'StockLevel', after: expect.objectContaining({ type: 'receipt', quantity: 6, reference: 'PO-AUDIT', onHandAfter: 6 }) });
    expect(entries[1].after).toMatchObject({ type: 'adjustment', quantity: -2, reason: '破损', onHandAfter: 4 });
    expect(entries[2]).toMatchObject({ entityType: 'StockMovement', entityId: transfer.body.reference });
    expect((entries[2].after as { movements: { type: string }[] }).movements.map((m) => m.type)).toEqual(['transfer_out', 'transfer_in']);

    // A refused movement changes nothing and audits no success.
    await move({ sku: 'PEN-1', warehouseId: hz, type: 'adjustment', quantity: -100, reason: '盘亏' }, staff.token).expect(409);
    expect((await auditEntries(t, { actorId: staff.id, outcome: 'success' })).filter((e) => e.action.startsWith('stock.'))).toHaveLength(3);
  });

  it('names who moved stock in the ledger, also to a reader who may not read users', async () => {
    const picker = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [hz], name: '拣货员 小王' });
    await move({ sku: 'PEN-1', warehouseId: hz, type: 'receipt', quantity: 4, reason: 'r', reference: 'ASN-NAMED' }, picker.token).expect(201);
    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    await t.http.get('/api/users').auth(viewer.token, bearer).expect(403);
    const ledger = await t.http
      .get('/api/stock-movements')
      .query({ filter: JSON.stringify({ reference: 'ASN-NAMED' }) })
      .auth(viewer.token, bearer)
      .expect(200);
    expect(ledger.body).toEqual([expect.objectContaining({ actorId: picker.id, actorName: '拣货员 小王' })]);
  });
});

describe('low-stock thresholds', () => {
  let t: TestApp;
  let admin: string;
  let wh: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    wh = (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'W', name: 'W', type: 'physical', address: ADDRESS }).expect(201)).body.id;
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'LOW-1', name: 'LOW-1', priceMinor: 1, currency: 'CNY' }).expect(201);
    await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'LOW-1', warehouseId: wh, type: 'receipt', quantity: 12, reason: 'r' }).expect(201);
  });
  afterAll(() => t.close());
  const lowEvents = () => query<{ payload: { available: number } }>(t, `SELECT payload FROM outbox_event WHERE type = 'inventory.stock-low' ORDER BY occurred_at`);

  it('raises one event when available stock crosses the threshold, and flags the level low', async () => {
    const [level] = (await t.http.get('/api/stock-levels').auth(admin, bearer).expect(200)).body;
    const set = await t.http.put(`/api/stock-levels/${level.id}`).auth(admin, bearer).send({ ...level, lowStockThreshold: 10 }).expect(200);
    expect(set.body).toMatchObject({ lowStockThreshold: 10, low: false, onHand: 12 });
    const adjust = (quantity: number) =>
      t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku: 'LOW-1', warehouseId: wh, type: 'adjustment', quantity, reason: 'r' }).expect(201);
    await adjust(-1);
    expect(await lowEvents()).toHaveLength(0);
    await adjust(-2);
    await adjust(-1);
    expect((await lowEvents()).map((e) => e.payload.available)).toEqual([9]);
    const low = await t.http.get('/api/stock-levels').query({ filter: JSON.stringify({ low: true }) }).auth(admin, bearer).expect(200);
    expect(low.body.map((l: { id: string }) => l.id)).toEqual([level.id]);
    await adjust(5);
    await adjust(-5);
    expect(await lowEvents()).toHaveLength(2);
  });

  it('refuses a threshold from someone who may not update stock, and bad values', async () => {
    const [level] = (await t.http.get('/api/stock-levels').auth(admin, bearer).expect(200)).body;
    await t.http.put(`/api/stock-levels/${level.id}`).auth(admin, bearer).send({ lowStockThreshold: -1 }).expect(400);
    await t.http.put(`/api/stock-levels/${level.id}`).auth(admin, bearer).send({ onHand: 999, lowStockThreshold: 3 }).expect(200);
    const [row] = await query<{ on_hand: number }>(t, `SELECT on_hand FROM stock_level WHERE id = $1`, [level.id]);
    expect(row.on_hand).toBe(8);
    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    await t.http.put(`/api/stock-levels/${level.id}`).auth(viewer.token, bearer).send({ lowStockThreshold: 1 }).expect(403);
  });

});

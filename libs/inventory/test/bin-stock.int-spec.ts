import { randomUUID } from 'node:crypto';
import { ReservationsService } from '@oms/inventory';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, auditEntries, bearer, createUser, query } from '../../../test/support/access.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', line1: '1 号' };

type Level = { on_hand: number; reserved: number; binned: number };

describe('stock per bin', () => {
  let t: TestApp;
  let admin: string;
  let hz: string;
  let gz: string;
  const bins: Record<string, string> = {};

  const post = (path: string, body: object, token = admin) => t.http.post(path).auth(token, bearer).send(body);
  const putaway = (body: object, token = admin) => post('/api/bin-stock/putaway', body, token);
  const move = (body: object, token = admin) => post('/api/bin-stock/moves', body, token);
  const takeOut = (body: object, token = admin) => post('/api/bin-stock/take-outs', body, token);
  const receive = (sku: string, warehouseId: string, quantity: number, extra: object = {}) =>
    post('/api/stock-movements', { sku, warehouseId, type: 'receipt', quantity, reason: '采购入库', ...extra });
  const level = async (sku: string, warehouseId = hz) =>
    (await query<Level>(t, `SELECT on_hand, reserved, binned FROM stock_level WHERE sku = $1 AND warehouse_id = $2`, [sku, warehouseId]))[0];
  const held = async (sku: string) =>
    Object.fromEntries(
      (await query<{ code: string; quantity: number }>(t, `SELECT b.code, bs.quantity FROM bin_stock bs JOIN bin b ON b.id = bs.bin_id WHERE bs.sku = $1`, [sku])).map(
        (r) => [r.code, r.quantity],
      ),
    );
  const reconcile = async () => (await t.http.get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    const wh = async (code: string) =>
      (await post('/api/warehouses', { code, name: code, type: 'physical', address: ADDRESS }).expect(201)).body.id as string;
    hz = await wh('HZ');
    gz = await wh('GZ');
    // Walking order differs from code order: A-01-02-1 comes before A-01-01-1.
    for (const [warehouseId, zone, bay, sequence] of [
      [hz, 'A', '01', 20],
      [hz, 'A', '02', 10],
      [hz, 'A', '03', 30],
      [gz, 'G', '01', 10],
    ] as const) {
      const res = await post('/api/bins', { warehouseId, zone, aisle: '01', bay, level: '1', sequence }).expect(201);
      bins[res.body.code] = res.body.id;
    }
    for (const sku of ['CUP-1', 'PEN-1', 'HOT-1', 'SHIP-1', 'MIX-1']) {
      await post('/api/products', { sku, name: sku, priceMinor: 100, currency: 'CNY' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('puts received stock away, moves it between bins and takes it out, on hand unchanged', async () => {
    await receive('CUP-1', hz, 20).expect(201);
    const put = await putaway({ sku: 'cup-1', binId: bins['A-01-01-1'], quantity: 8, reason: '上架' }).expect(201);
    expect(put.body.level).toMatchObject({ sku: 'CUP-1', onHand: 20, binned: 8, unbinned: 12 });
    expect(put.body.to).toMatchObject({ binCode: 'A-01-01-1', sku: 'CUP-1', quantity: 8, warehouseId: hz });

    const moved = await move({ sku: 'CUP-1', fromBinId: bins['A-01-01-1'], toBinId: bins['A-01-02-1'], quantity: 5 }).expect(201);
    expect(moved.body.from).toMatchObject({ quantity: 3 });
    expect(moved.body.to).toMatchObject({ binCode: 'A-01-02-1', quantity: 5 });
    // Emptying a bin removes its row.
    const emptied = await move({ sku: 'CUP-1', fromBinId: bins['A-01-01-1'], toBinId: bins['A-01-02-1'], quantity: 3 }).expect(201);
    expect(emptied.body.from).toBeNull();
    const out = await takeOut({ sku: 'CUP-1', binId: bins['A-01-02-1'], quantity: 2, reason: '拣货' }).expect(201);
    expect(out.body.level).toMatchObject({ onHand: 20, binned: 6, unbinned: 14 });
    expect(await level('CUP-1')).toEqual({ on_hand: 20, reserved: 0, binned: 6 });
    expect(await held('CUP-1')).toEqual({ 'A-01-02-1': 6 });

    const ledger = await query<{ type: string; quantity: number }>(t, `SELECT type, quantity FROM bin_movement WHERE sku = 'CUP-1' ORDER BY at`);
    expect(ledger.map((l) => `${l.type} ${l.quantity}`)).toEqual(['putaway 8', 'move 5', 'move 3', 'take_out 2']);
    const audit = await auditEntries(t, { action: 'bin_stock.putaway' });
    expect(audit[0].details).toMatchObject({ sku: 'CUP-1', quantity: 8, to: 'A-01-01-1', reason: '上架' });
    expect(await reconcile()).toMatchObject({ drift: [], binDrift: [] });
  });

  it('lists stock per bin in walking order, filtered by warehouse, bin or SKU', async () => {
    await putaway({ sku: 'CUP-1', binId: bins['A-01-03-1'], quantity: 4 }).expect(201);
    await receive('PEN-1', hz, 5, { binId: bins['A-01-01-1'] }).expect(201);
    const list = async (filter: object) =>
      (await t.http.get('/api/bin-stock').query({ filter: JSON.stringify(filter) }).auth(admin, bearer).expect(200)).body.map(
        (r: { binCode: string; sku: string; quantity: number }) => `${r.binCode} ${r.sku} ${r.quantity}`,
      );
    expect(await list({ warehouseId: hz })).toEqual(['A-01-02-1 CUP-1 6', 'A-01-01-1 PEN-1 5', 'A-01-03-1 CUP-1 4']);
    expect(await list({ sku: 'CUP-1' })).toEqual(['A-01-02-1 CUP-1 6', 'A-01-03-1 CUP-1 4']);
    expect(await list({ binId: bins['A-01-01-1'] })).toEqual(['A-01-01-1 PEN-1 5']);
    expect(await list({ warehouseId: gz })).toEqual([]);
    const res = await t.http.get('/api/bin-stock').query({ sort: JSON.stringify(['quantity', 'DESC']) }).auth(admin, bearer).expect(200);
    expect(res.headers['content-range']).toBe('bin-stock 0-2/3');
    const one = await t.http.get(`/api/bin-stock/${res.body[0].id}`).auth(admin, bearer).expect(200);
    expect(one.body).toMatchObject({ sku: 'CUP-1', quantity: 6 });
    await t.http.get('/api/bin-stock').query({ filter: JSON.stringify({ binId: 'x' }) }).auth(admin, bearer).expect(400);
    await t.http.get('/api/bin-stock').query({ sort: JSON.stringify(['onHand', 'ASC']) }).auth(admin, bearer).expect(400);
    const levels = await t.http.get('/api/stock-levels').query({ filter: JSON.stringify({ unbinned_gt: 0 }) }).auth(admin, bearer).expect(200);
    expect(levels.body.map((l: { sku: string; unbinned: number }) => `${l.sku} ${l.unbinned}`)).toEqual(['CUP-1 10']);
  });

  it('answers bad bin operations with 4xx naming the problem', async () => {
    const code = async (res: Promise<{ body: { code: string } }>) => (await res).body.code;
    const nowhere = '019ab000-0000-7000-8000-00000000ffff';
    expect(await code(putaway({ sku: 'CUP-1', binId: nowhere, quantity: 1 }).expect(422))).toBe('bins.unknown');
    expect(await code(putaway({ sku: 'NOPE', binId: bins['A-01-01-1'], quantity: 1 }).expect(422))).toBe('stock.unknown_sku');
    const short = await putaway({ sku: 'CUP-1', binId: bins['A-01-01-1'], quantity: 11 }).expect(409);
    expect(short.body).toMatchObject({ code: 'bins.unbinned_short', details: { available: 10, requested: 11 } });
    // A SKU this warehouse never had has nothing to put away.
    expect(await code(putaway({ sku: 'HOT-1', binId: bins['A-01-01-1'], quantity: 1 }).expect(409))).toBe('bins.unbinned_short');
    const fewer = await move({ sku: 'CUP-1', fromBinId: bins['A-01-02-1'], toBinId: bins['A-01-01-1'], quantity: 7 }).expect(409);
    expect(fewer.body).toMatchObject({ code: 'bins.insufficient', details: { bin: 'A-01-02-1', available: 6, requested: 7 } });
    expect(await code(takeOut({ sku: 'PEN-1', binId: bins['A-01-02-1'], quantity: 1 }).expect(409))).toBe('bins.insufficient');
    const across = await move({ sku: 'CUP-1', fromBinId: bins['A-01-02-1'], toBinId: bins['G-01-01-1'], quantity: 1 }).expect(422);
    expect(across.body).toMatchObject({ code: 'bins.other_warehouse', details: { fields: [{ field: 'toBinId' }] } });
    const same = await move({ sku: 'CUP-1', fromBinId: bins['A-01-02-1'], toBinId: bins['A-01-02-1'], quantity: 1 }).expect(422);
    expect(same.body.details.fields[0].field).toBe('toBinId');
    const shape = await putaway({ sku: '', binId: 'x', quantity: 0 }).expect(400);
    expect(shape.body.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['sku', 'binId', 'quantity']));
    await move({ sku: 'CUP-1', fromBinId: bins['A-01-02-1'], quantity: 1 }).expect(400);

    // An inactive bin takes nothing in; a bin that holds stock cannot be deactivated.
    const full = (await t.http.get(`/api/bins/${bins['A-01-02-1']}`).auth(admin, bearer)).body;
    const refused = await t.http.put(`/api/bins/${full.id}`).auth(admin, bearer).send({ ...full, active: false }).expect(409);
    expect(refused.body).toMatchObject({ code: 'bins.not_empty', details: { units: 6 } });
    const empty = (await t.http.get(`/api/bins/${bins['G-01-01-1']}`).auth(admin, bearer)).body;
    await t.http.put(`/api/bins/${empty.id}`).auth(admin, bearer).send({ ...empty, active: false }).expect(200);
    await receive('CUP-1', gz, 3).expect(201);
    expect(await code(putaway({ sku: 'CUP-1', binId: empty.id, quantity: 1 }).expect(422))).toBe('bins.inactive');
    expect(await code(receive('CUP-1', gz, 1, { binId: empty.id }).expect(422))).toBe('bins.inactive');
    await t.http.put(`/api/bins/${empty.id}`).auth(admin, bearer).send({ ...empty, active: true }).expect(200);
    expect(await level('CUP-1')).toEqual({ on_hand: 20, reserved: 0, binned: 10 });
  });

  it('takes removed units out of the named bin, and asks for a bin when the unbinned units are not enough', async () => {
    // CUP-1 in Hangzhou: 20 on hand, 10 in bins (A-01-02-1: 6, A-01-03-1: 4), 10 unbinned.
    const adjust = (quantity: number, extra: object = {}) =>
      post('/api/stock-movements', { sku: 'CUP-1', warehouseId: hz, type: 'adjustment', quantity, reason: '盘点', ...extra });
    const refused = await adjust(-12).expect(409);
    expect(refused.body).toMatchObject({ code: 'stock.bin_required', details: { available: 10, requested: 12, fields: [{ field: 'binId' }] } });
    // More than is available is still "insufficient", bins or not.
    expect((await adjust(-21).expect(409)).body.code).toBe('stock.insufficient');
    await adjust(-2, { binId: bins['A-01-03-1'] }).expect(201);
    expect(await level('CUP-1')).toEqual({ on_hand: 18, reserved: 0, binned: 8 });
    expect((await adjust(-3, { binId: bins['A-01-03-1'] }).expect(409)).body).toMatchObject({ code: 'bins.insufficient', details: { available: 2 } });
    expect((await adjust(-1, { binId: bins['G-01-01-1'] }).expect(422)).body.code).toBe('bins.other_warehouse');
    // Found units go straight into a bin.
    await adjust(1, { binId: bins['A-01-03-1'] }).expect(201);
    expect(await held('CUP-1')).toMatchObject({ 'A-01-02-1': 6, 'A-01-03-1': 3 });
    await adjust(-10).expect(201);
    expect(await level('CUP-1')).toEqual({ on_hand: 9, reserved: 0, binned: 9 });
    expect(await reconcile()).toMatchObject({ drift: [], binDrift: [] });
  });

  it('transfers out of a named bin and straight into one at the destination', async () => {
    const transfer = (extra: object) =>
      post('/api/stock-transfers', { sku: 'CUP-1', fromWarehouseId: hz, toWarehouseId: gz, quantity: 2, reason: '调拨', ...extra });
    expect((await transfer({}).expect(409)).body.code).toBe('stock.bin_required');
    expect((await transfer({ fromBinId: bins['G-01-01-1'] }).expect(422)).body.details.fields[0].field).toBe('fromBinId');
    await transfer({ fromBinId: bins['A-01-02-1'], toBinId: bins['G-01-01-1'] }).expect(201);
    expect(await level('CUP-1')).toEqual({ on_hand: 7, reserved: 0, binned: 7 });
    expect(await level('CUP-1', gz)).toEqual({ on_hand: 5, reserved: 0, binned: 2 });
    expect(await held('CUP-1')).toEqual({ 'A-01-02-1': 4, 'A-01-03-1': 3, 'G-01-01-1': 2 });
    expect(await reconcile()).toMatchObject({ drift: [], binDrift: [] });
  });

  it('ships from outside the bins first, then from the bins in walking order, so bins never hold more than is on hand', async () => {
    const reservations = t.app.get(ReservationsService);
    await receive('SHIP-1', hz, 10).expect(201);
    await putaway({ sku: 'SHIP-1', binId: bins['A-01-01-1'], quantity: 3 }).expect(201); // walked second
    await putaway({ sku: 'SHIP-1', binId: bins['A-01-02-1'], quantity: 3 }).expect(201); // walked first
    await putaway({ sku: 'SHIP-1', binId: bins['A-01-03-1'], quantity: 2 }).expect(201);
    const order = randomUUID();
    await reservations.reserve(order, [{ lineId: '1', sku: 'SHIP-1', warehouseId: hz, quantity: 6 }]);
    expect(await reservations.release(order)).toBe(1);
    expect(await level('SHIP-1')).toEqual({ on_hand: 10, reserved: 0, binned: 8 });
    const shipped = randomUUID();
    await reservations.reserve(shipped, [{ lineId: '1', sku: 'SHIP-1', warehouseId: hz, quantity: 6 }]);
    await reservations.consume(shipped);
    // 2 unbinned, then 3 from A-01-02-1 and 1 from A-01-01-1.
    expect(await level('SHIP-1')).toEqual({ on_hand: 4, reserved: 0, binned: 4 });
    expect(await held('SHIP-1')).toEqual({ 'A-01-01-1': 2, 'A-01-03-1': 2 });
    const ledger = await query<{ reference: string; quantity: number }>(t, `SELECT reference, quantity FROM bin_movement WHERE sku = 'SHIP-1' AND type = 'shipment' ORDER BY at`);
    expect(ledger).toEqual([{ reference: `order:${shipped}`, quantity: 3 }, { reference: `order:${shipped}`, quantity: 1 }]);
    // Shipping everything empties the bins.
    const rest = randomUUID();
    await reservations.reserve(rest, [{ lineId: '1', sku: 'SHIP-1', warehouseId: hz, quantity: 4 }]);
    await reservations.consume(rest);
    expect(await level('SHIP-1')).toEqual({ on_hand: 0, reserved: 0, binned: 0 });
    expect(await held('SHIP-1')).toEqual({});
    expect(await reconcile()).toMatchObject({ drift: [], binDrift: [] });
  });

  it('never puts more in bins than is on hand, nor below zero, under 120 parallel putaways, moves and take-outs', async () => {
    await receive('HOT-1', hz, 30).expect(201);
    const codes = ['A-01-01-1', 'A-01-02-1', 'A-01-03-1'];
    const pick = (i: number, k: number) => bins[codes[(i * 7 + k) % codes.length]];
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) => {
        const quantity = 1 + (i % 3);
        if (i % 3 === 0) return putaway({ sku: 'HOT-1', binId: pick(i, 0), quantity });
        if (i % 3 === 1) return move({ sku: 'HOT-1', fromBinId: pick(i, 0), toBinId: pick(i, 1), quantity });
        return i % 6 === 2
          ? takeOut({ sku: 'HOT-1', binId: pick(i, 2), quantity })
          : post('/api/stock-movements', { sku: 'HOT-1', warehouseId: hz, type: 'adjustment', quantity: -1, reason: 'r', binId: pick(i, 2) });
      }),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201, 409]));
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(['bins.unbinned_short', 'bins.insufficient']).toContain(refused.body.code);
    }
    const after = await level('HOT-1');
    expect(after.binned).toBeLessThanOrEqual(after.on_hand);
    const [{ sum, min }] = await query<{ sum: number; min: number }>(
      t,
      `SELECT coalesce(sum(quantity), 0)::int AS sum, coalesce(min(quantity), 0)::int AS min FROM bin_stock WHERE sku = 'HOT-1'`,
    );
    expect(sum).toBe(after.binned);
    expect(min).toBeGreaterThanOrEqual(0);
    const adjusted = answers.filter((a, i) => i % 6 === 5 && a.status === 201).length;
    expect(after.on_hand).toBe(30 - adjusted);
    expect(await reconcile()).toMatchObject({ drift: [], binDrift: [] });
  });

  it('reports a level whose bins disagree with it, and a bin that disagrees with the bin ledger', async () => {
    await receive('MIX-1', hz, 5).expect(201);
    await putaway({ sku: 'MIX-1', binId: bins['A-01-01-1'], quantity: 4 }).expect(201);
    await query(t, `UPDATE bin_stock SET quantity = 3 WHERE sku = 'MIX-1'`);
    const report = await reconcile();
    expect(report.drift).toEqual([expect.objectContaining({ sku: 'MIX-1', warehouseId: hz, binned: 4, inBins: 3 })]);
    expect(report.binDrift).toEqual([
      expect.objectContaining({ sku: 'MIX-1', binId: bins['A-01-01-1'], binCode: 'A-01-01-1', quantity: 3, ledgerQuantity: 4 }),
    ]);
    await query(t, `UPDATE bin_stock SET quantity = 4 WHERE sku = 'MIX-1'`);
    expect(await reconcile()).toMatchObject({ drift: [], binDrift: [] });
  });

  it('lets the database refuse bins holding more than on hand, stock in another warehouse bin, and ledger edits', async () => {
    await expect(query(t, `UPDATE stock_level SET binned = on_hand + 1 WHERE sku = 'MIX-1'`)).rejects.toThrow(/check/i);
    await expect(query(t, `UPDATE bin_stock SET quantity = -1 WHERE sku = 'MIX-1'`)).rejects.toThrow(/check/i);
    await expect(query(t, `UPDATE bin_stock SET bin_id = $1 WHERE sku = 'MIX-1'`, [bins['G-01-01-1']])).rejects.toThrow(/foreign key/i);
    await expect(query(t, `DELETE FROM bin_movement`)).rejects.toThrow(/append-only/);
  });

  it('keeps warehouse staff to the bins of their own warehouses, and Viewers to reading', async () => {
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [gz] });
    const list = await t.http.get('/api/bin-stock').auth(staff.token, bearer).expect(200);
    expect(list.body.map((r: { warehouseId: string }) => r.warehouseId)).toEqual([gz]);
    const theirs = (await t.http.get('/api/bin-stock').query({ filter: JSON.stringify({ warehouseId: hz }) }).auth(admin, bearer)).body[0];
    await t.http.get(`/api/bin-stock/${theirs.id}`).auth(staff.token, bearer).expect(404);
    const other = await putaway({ sku: 'CUP-1', binId: bins['A-01-01-1'], quantity: 1 }, staff.token).expect(403);
    expect(other.body.code).toBe('access.forbidden');
    await move({ sku: 'CUP-1', fromBinId: bins['A-01-02-1'], toBinId: bins['A-01-01-1'], quantity: 1 }, staff.token).expect(403);
    await takeOut({ sku: 'CUP-1', binId: bins['G-01-01-1'], quantity: 1 }, staff.token).expect(201);
    await putaway({ sku: 'CUP-1', binId: bins['G-01-01-1'], quantity: 1 }, staff.token).expect(201);

    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    expect((await t.http.get('/api/bin-stock').auth(viewer.token, bearer).expect(200)).body.length).toBeGreaterThan(0);
    await putaway({ sku: 'CUP-1', binId: bins['G-01-01-1'], quantity: 1 }, viewer.token).expect(403);
    await takeOut({ sku: 'CUP-1', binId: bins['G-01-01-1'], quantity: 1 }, viewer.token).expect(403);
    const service = await createUser(t, { roleKeys: ['customer_service'] });
    await t.http.get('/api/bin-stock').auth(service.token, bearer).expect(403);
  });
});

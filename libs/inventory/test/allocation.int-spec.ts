import { buildAbility, RequestContext } from '@oms/core';
import { AllocateOrderCommand, type AllocationRecord, type AllocationRequest, AllocationService, ReleaseOrderStockCommand } from '@oms/inventory';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';

const HANGZHOU = { country: 'CN', province: '浙江省', city: '杭州市', line1: '西湖区 1 号' };
const GUANGZHOU = { country: 'CN', province: '广东省', city: '广州市', line1: '天河区 2 号' };
const BEIJING = { country: 'CN', province: '北京市', city: '北京市', line1: '朝阳区 3 号' };
const TO_HANGZHOU = { country: 'CN', province: '浙江省', city: '杭州市' };

describe('allocation', () => {
  let t: TestApp;
  let admin: string;
  let allocation: AllocationService;
  let hz: string;
  let gz: string;
  let bj: string;
  let pool: string;

  const api = () => t.http;
  const product = (sku: string, weightGrams = 500) =>
    api().post('/api/products').auth(admin, bearer).send({ sku, name: sku, priceMinor: 100, currency: 'CNY', weightGrams }).expect(201);
  const receive = (sku: string, warehouseId: string, quantity: number) =>
    api().post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId, type: 'receipt', quantity, reason: 'test' }).expect(201);
  const reserved = async (sku: string) =>
    Object.fromEntries(
      (await query<{ code: string; reserved: number }>(
        t,
        `SELECT w.code, s.reserved FROM stock_level s JOIN warehouse w ON w.id = s.warehouse_id WHERE s.sku = $1 ORDER BY w.code`,
        [sku],
      )).map((r) => [r.code, r.reserved]),
    );
  const request = (lines: AllocationRequest['lines'], over: Partial<AllocationRequest> = {}): AllocationRequest => ({
    orderId: randomUUID(),
    shipTo: TO_HANGZHOU,
    lines,
    ...over,
  });
  const warehouseOf = (r: AllocationRecord) => r.shipments.map((s) => s.warehouseId);
  const reconcile = async () => (await api().get('/api/stock-levels/reconcile').auth(admin, bearer).expect(200)).body;
  const setDefault = (body: object) => api().put('/api/allocation-settings/default').auth(admin, bearer).send(body);

  beforeAll(async () => {
    t = await bootTestApp({ roles: ['api', 'worker'] });
    admin = await adminToken(t);
    allocation = t.app.get(AllocationService);
    const make = async (code: string, address: object, geo: object, priority: number, fee: number) =>
      (
        await api()
          .post('/api/warehouses')
          .auth(admin, bearer)
          .send({ code, name: code, type: 'physical', address, geo, priority, costTable: [{ country: 'CN', upToGrams: 30000, feeMinor: fee }] })
          .expect(201)
      ).body.id as string;
    hz = await make('HZ', HANGZHOU, { lat: 30.27, lng: 120.15 }, 30, 1200);
    gz = await make('GZ', GUANGZHOU, { lat: 23.13, lng: 113.26 }, 10, 600);
    bj = await make('BJ', BEIJING, { lat: 39.9, lng: 116.4 }, 20, 900);
    pool = (
      await api()
        .post('/api/warehouses')
        .auth(admin, bearer)
        .send({ code: 'POOL', name: 'POOL', type: 'virtual', address: HANGZHOU, memberIds: [gz, bj] })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  describe('settings', () => {
    it('starts with a default and lets an administrator change it, audited', async () => {
      const list = await api().get('/api/allocation-settings').auth(admin, bearer).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ id: 'default', channelId: null, shortagePolicy: 'ship_available' })]);
      const saved = await setDefault({ ...list.body[0], strategies: ['lowest_cost', 'priority'], shortagePolicy: 'split' }).expect(200);
      expect(saved.body).toMatchObject({ id: 'default', strategies: ['lowest_cost', 'priority'], shortagePolicy: 'split', version: 2 });
      const [audit] = await query(t, `SELECT action FROM audit_log WHERE entity_type = 'AllocationSetting' ORDER BY at DESC LIMIT 1`);
      expect(audit).toEqual({ action: 'allocation-setting.update' });
      await setDefault({ strategies: ['nearest', 'priority'], shortagePolicy: 'ship_available', warehouseIds: [] }).expect(200);
    });

    it('refuses bad settings with the field named', async () => {
      const bad = [
        [{ strategies: ['fastest'], shortagePolicy: 'split' }, 'strategies'],
        [{ strategies: [], shortagePolicy: 'split' }, 'strategies'],
        [{ strategies: ['nearest', 'nearest'], shortagePolicy: 'split' }, 'strategies'],
        [{ strategies: ['nearest'], shortagePolicy: 'sometimes' }, 'shortagePolicy'],
        [{ strategies: ['nearest'], shortagePolicy: 'split', warehouseIds: ['nope'] }, 'warehouseIds'],
        [{ strategies: ['nearest'], shortagePolicy: 'split', colour: 'red' }, 'colour'],
      ] as const;
      for (const [body, field] of bad) {
        const res = await setDefault(body).expect(400);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      const unknown = await setDefault({ strategies: ['nearest'], shortagePolicy: 'split', warehouseIds: [randomUUID()] }).expect(422);
      expect(unknown.body).toMatchObject({ code: 'allocation.invalid', details: { fields: [{ field: 'warehouseIds' }] } });
      await api().put('/api/allocation-settings/not-a-channel').auth(admin, bearer).send({ strategies: ['nearest'], shortagePolicy: 'split' }).expect(422);
      await api().get(`/api/allocation-settings/${randomUUID()}`).auth(admin, bearer).expect(404);
      await api().delete('/api/allocation-settings/default').auth(admin, bearer).expect(422);
    });

    it('gives a channel its own setting once, and takes it away again', async () => {
      const channelId = randomUUID();
      const body = { channelId, strategies: ['priority'], shortagePolicy: 'wait', warehouseIds: [pool] };
      const created = await api().post('/api/allocation-settings').auth(admin, bearer).send(body).expect(201);
      expect(created.body).toMatchObject({ id: channelId, channelId, warehouseIds: [pool] });
      const again = await api().post('/api/allocation-settings').auth(admin, bearer).send(body).expect(409);
      expect(again.body.code).toBe('allocation.setting_exists');
      await api().delete(`/api/allocation-settings/${channelId}`).auth(admin, bearer).expect(200);
      await api().get(`/api/allocation-settings/${channelId}`).auth(admin, bearer).expect(404);
    });

    it('is read and changed only with the settings permissions', async () => {
      const operator = await createUser(t, { roleKeys: ['order_operator'] });
      const viewer = await createUser(t, { roleKeys: ['viewer'] });
      await api().get('/api/allocation-settings').auth(viewer.token, bearer).expect(403);
      await api().put('/api/allocation-settings/default').auth(operator.token, bearer).send({ strategies: ['priority'], shortagePolicy: 'wait' }).expect(403);
      await api().get('/api/allocation-settings').expect(401);
      await api().get('/api/allocations').auth(operator.token, bearer).expect(200);
      await api().get('/api/backorders').auth(viewer.token, bearer).expect(200);
    });
  });

  describe('allocating an order', () => {
    beforeAll(async () => {
      for (const sku of ['TEE', 'MUG', 'CAP']) await product(sku);
      await receive('TEE', hz, 5);
      await receive('TEE', gz, 5);
      await receive('MUG', gz, 3);
      await receive('MUG', bj, 3);
    });

    it('ships from the nearest warehouse that has everything, and stores why', async () => {
      const r = await allocation.allocate(request([{ lineId: 'l1', sku: 'tee', quantity: 2 }]));
      expect(r).toMatchObject({ sequence: 1, trigger: 'order', status: 'allocated', backordered: [] });
      expect(warehouseOf(r)).toEqual([hz]);
      const explanation = r.explanation as { decision: string; considered: { code: string; rank: number | null; scores: object }[] };
      expect(explanation.decision).toBe('single_warehouse');
      expect(explanation.considered.map((c) => [c.code, c.rank])).toEqual([['HZ', 1], ['GZ', 2], ['BJ', null]]);
      const listed = await api().get('/api/allocations').query({ filter: JSON.stringify({ orderId: r.orderId }) }).auth(admin, bearer).expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: r.id, status: 'allocated', explanation })]);
      expect((await reconcile()).drift).toEqual([]);
    });

    it('allocates an order once, however many times and however concurrently it is asked', async () => {
      const req = request([{ lineId: 'l1', sku: 'CAP', quantity: 1 }]);
      await receive('CAP', bj, 10);
      const results = await Promise.all(Array.from({ length: 6 }, () => allocation.allocate(req)));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await reserved('CAP')).toEqual({ BJ: 1 });
      const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'inventory.order-allocated' AND aggregate_id = $1`, [req.orderId]);
      expect(n).toBe(1);
    });

    it('prefers one warehouse for the whole order over a nearer one that has only part', async () => {
      const r = await allocation.allocate(
        request([
          { lineId: 'a', sku: 'TEE', quantity: 1 },
          { lineId: 'b', sku: 'MUG', quantity: 1 },
        ]),
      );
      expect(warehouseOf(r)).toEqual([gz]);
    });

    it('ship_available: one shipment now, the rest backordered', async () => {
      const r = await allocation.allocate(
        request(
          [
            { lineId: 'a', sku: 'TEE', quantity: 2 },
            { lineId: 'b', sku: 'MUG', quantity: 5 },
          ],
          { policy: 'ship_available' },
        ),
      );
      expect(r.status).toBe('partially_allocated');
      expect(r.shipments).toHaveLength(1);
      expect(r.backordered.length).toBeGreaterThan(0);
      const back = await api().get('/api/backorders').query({ filter: JSON.stringify({ orderId: r.orderId }) }).auth(admin, bearer).expect(200);
      expect(back.body.map((b: { sku: string; outstanding: number }) => [b.sku, b.outstanding])).toEqual(
        r.backordered.map((b) => [b.sku, b.quantity]),
      );
    });

    it('split: everything available now, from the fewest warehouses', async () => {
      await product('SPLIT-A');
      await product('SPLIT-B');
      await receive('SPLIT-A', hz, 2);
      await receive('SPLIT-B', bj, 2);
      const r = await allocation.allocate(
        request(
          [
            { lineId: 'a', sku: 'SPLIT-A', quantity: 2 },
            { lineId: 'b', sku: 'SPLIT-B', quantity: 2 },
          ],
          { policy: 'split' },
        ),
      );
      expect(r.status).toBe('allocated');
      expect(new Set(warehouseOf(r))).toEqual(new Set([hz, bj]));
    });

    it('wait: holds nothing until the whole order can ship', async () => {
      await product('WAIT-A');
      await receive('WAIT-A', hz, 1);
      const r = await allocation.allocate(request([{ lineId: 'a', sku: 'WAIT-A', quantity: 2 }], { policy: 'wait' }));
      expect(r).toMatchObject({ status: 'backordered', shipments: [], backordered: [{ lineId: 'a', sku: 'WAIT-A', quantity: 2 }] });
      expect(await reserved('WAIT-A')).toEqual({ HZ: 0 });
      expect((r.explanation as { decision: string }).decision).toBe('waiting_for_stock');
    });

    it("uses the channel's own setting: its warehouses (a virtual pool resolves to its members) and its policy", async () => {
      const channelId = randomUUID();
      await api()
        .post('/api/allocation-settings')
        .auth(admin, bearer)
        .send({ channelId, strategies: ['nearest'], shortagePolicy: 'split', warehouseIds: [pool] })
        .expect(201);
      const r = await allocation.allocate(request([{ lineId: 'a', sku: 'TEE', quantity: 1 }], { channelId }));
      expect(warehouseOf(r)).toEqual([gz]);
      expect(r.policy).toBe('split');
    });

    it('keeps the stock of a warehouse pooled for one channel for that channel alone', async () => {
      const tmall = randomUUID();
      const other = randomUUID();
      await product('HELD');
      const reserve = (
        await api()
          .post('/api/warehouses')
          .auth(admin, bearer)
          .send({ code: 'HZ-TMALL', name: 'Held for Tmall', type: 'physical', address: HANGZHOU, geo: { lat: 30.27, lng: 120.15 } })
          .expect(201)
      ).body.id;
      await api()
        .post('/api/warehouses')
        .auth(admin, bearer)
        .send({ code: 'TMALL', name: 'Tmall pool', type: 'virtual', address: HANGZHOU, memberIds: [reserve], channelId: tmall })
        .expect(201);
      await receive('HELD', reserve, 2);
      const outsider = await allocation.allocate(request([{ lineId: 'a', sku: 'HELD', quantity: 1 }], { channelId: other }));
      expect(outsider.status).toBe('backordered');
      expect((outsider.explanation as { considered: { code: string }[] }).considered.map((c) => c.code)).not.toContain('HZ-TMALL');
      await expect(allocation.override(outsider.orderId, [{ lineId: 'a', warehouseId: reserve, quantity: 1 }])).rejects.toMatchObject({
        code: 'allocation.warehouse_not_allowed',
      });
      const own = await allocation.allocate(request([{ lineId: 'a', sku: 'HELD', quantity: 1 }], { channelId: tmall }));
      expect(warehouseOf(own)).toEqual([reserve]);
      const physical = await api()
        .post('/api/warehouses')
        .auth(admin, bearer)
        .send({ code: 'NOPE', name: 'n', type: 'physical', address: HANGZHOU, channelId: tmall })
        .expect(422);
      expect(physical.body.details.fields).toEqual([expect.objectContaining({ field: 'channelId' })]);
    });

    it('refuses bad requests naming the field', async () => {
      const cases: [Partial<AllocationRequest>, string][] = [
        [{ orderId: 'x' }, 'orderId'],
        [{ lines: [] }, 'lines'],
        [{ lines: [{ lineId: 'a', sku: 'TEE', quantity: 0 }] }, 'lines[0].quantity'],
        [{ lines: [{ lineId: 'a', sku: 'TEE', quantity: 1 }, { lineId: 'a', sku: 'MUG', quantity: 1 }] }, 'lines[1].lineId'],
        [{ shipTo: { country: 'china' } }, 'shipTo.country'],
        [{ policy: 'never' as never }, 'policy'],
      ];
      for (const [over, field] of cases) {
        await expect(allocation.allocate(request([{ lineId: 'a', sku: 'TEE', quantity: 1 }], over))).rejects.toMatchObject({
          kind: 'invalid',
          details: { fields: [expect.objectContaining({ field })] },
        });
      }
      await expect(allocation.allocate(request([{ lineId: 'a', sku: 'NOPE', quantity: 1 }]))).rejects.toMatchObject({ code: 'stock.unknown_sku' });
    });

    it('is reachable as a command, and cancellation gives everything back', async () => {
      const bus = t.app.get(CommandBus);
      await product('REL');
      await receive('REL', hz, 1);
      const req = request([{ lineId: 'a', sku: 'REL', quantity: 3 }], { policy: 'ship_available' });
      const r: AllocationRecord = await bus.execute(new AllocateOrderCommand(req));
      expect(r.status).toBe('partially_allocated');
      expect(await bus.execute(new ReleaseOrderStockCommand(req.orderId))).toEqual({ orderId: req.orderId, releasedReservations: 1, cancelledBackorders: 1 });
      expect(await bus.execute(new ReleaseOrderStockCommand(req.orderId))).toEqual({ orderId: req.orderId, releasedReservations: 0, cancelledBackorders: 0 });
      expect(await reserved('REL')).toEqual({ HZ: 0 });
      expect((await reconcile()).drift).toEqual([]);
    });
  });

  describe('backorders', () => {
    it('fill when stock arrives, oldest paid first', async () => {
      await product('BACK');
      const older = request([{ lineId: 'a', sku: 'BACK', quantity: 2 }], { paidAt: '2026-11-01T10:00:00Z' });
      const newer = request([{ lineId: 'a', sku: 'BACK', quantity: 2 }], { paidAt: '2026-11-02T10:00:00Z' });
      // The newer order is allocated first: payment time, not arrival, decides.
      await allocation.allocate(newer);
      await allocation.allocate(older);
      await receive('BACK', bj, 3);
      const olderDone = await eventually(async () => {
        const h = await allocation.history(older.orderId);
        return h.length === 2 && h[1];
      }, 20_000, 'the older order to be filled');
      expect(olderDone).toMatchObject({ sequence: 2, trigger: 'backorder', status: 'allocated' });
      const newerPart = await eventually(async () => (await allocation.history(newer.orderId))[1], 20_000, 'the newer order to get the rest');
      expect(newerPart).toMatchObject({ status: 'partially_allocated', backordered: [{ lineId: 'a', sku: 'BACK', quantity: 1 }] });
      expect(await reserved('BACK')).toEqual({ BJ: 3 });
      await receive('BACK', hz, 5);
      await eventually(async () => (await allocation.history(newer.orderId)).length === 3, 20_000, 'the rest of the newer order');
      expect(await reserved('BACK')).toEqual({ BJ: 3, HZ: 1 });
      expect((await reconcile()).drift).toEqual([]);
    });

    it('a waiting order is filled only when the whole of it can be', async () => {
      await product('WHOLE');
      const r = await allocation.allocate(request([{ lineId: 'a', sku: 'WHOLE', quantity: 4 }], { policy: 'wait' }));
      await receive('WHOLE', hz, 3);
      await new Promise((done) => setTimeout(done, 1500));
      expect(await allocation.history(r.orderId)).toHaveLength(1);
      await receive('WHOLE', hz, 1);
      const filled = await eventually(async () => (await allocation.history(r.orderId))[1], 20_000, 'the whole order');
      expect(filled).toMatchObject({ status: 'allocated', shipments: [{ warehouseId: hz, lines: [{ lineId: 'a', quantity: 4 }] }] });
    });

    it('stock released by a cancelled order goes to the orders waiting for it', async () => {
      await product('FREE');
      await receive('FREE', gz, 1);
      const first = request([{ lineId: 'a', sku: 'FREE', quantity: 1 }]);
      const second = request([{ lineId: 'a', sku: 'FREE', quantity: 1 }]);
      await allocation.allocate(first);
      expect((await allocation.allocate(second)).status).toBe('backordered');
      await allocation.releaseOrder(first.orderId);
      const filled = await eventually(async () => (await allocation.history(second.orderId))[1], 20_000, 'the freed unit to be allocated');
      expect(filled).toMatchObject({ status: 'allocated', trigger: 'backorder' });
    });
  });

  describe('manual override', () => {
    beforeAll(async () => {
      await product('PICK');
      await receive('PICK', hz, 4);
      await receive('PICK', bj, 4);
    });

    it('moves a line to the warehouse the operator picks, giving back what it held', async () => {
      const r = await allocation.allocate(request([{ lineId: 'a', sku: 'PICK', quantity: 3 }]));
      expect(warehouseOf(r)).toEqual([hz]);
      const o = await allocation.override(r.orderId, [
        { lineId: 'a', warehouseId: bj, quantity: 2 },
        { lineId: 'a', warehouseId: hz, quantity: 1 },
      ]);
      expect(o).toMatchObject({ sequence: 2, trigger: 'manual', status: 'allocated' });
      expect(await reserved('PICK')).toEqual({ BJ: 2, HZ: 1 });
      const [audit] = await query(t, `SELECT action FROM audit_log WHERE entity_id = $1`, [r.orderId]);
      expect(audit).toEqual({ action: 'allocation.override' });
      const partial = await allocation.override(r.orderId, [{ lineId: 'a', warehouseId: bj, quantity: 1 }]);
      expect(partial).toMatchObject({ status: 'partially_allocated', backordered: [{ lineId: 'a', sku: 'PICK', quantity: 2 }] });
      expect(await reserved('PICK')).toEqual({ BJ: 1, HZ: 0 });
      expect((await reconcile()).drift).toEqual([]);
    });

    it('is checked against the stock, the order and the warehouse', async () => {
      const r = await allocation.allocate(request([{ lineId: 'a', sku: 'PICK', quantity: 1 }], { policy: 'wait' }));
      const cases: [object, string][] = [
        [{ lineId: 'zz', warehouseId: bj, quantity: 1 }, 'allocation.invalid'],
        [{ lineId: 'a', warehouseId: bj, quantity: 2 }, 'allocation.invalid'],
        [{ lineId: 'a', warehouseId: bj, quantity: 0 }, 'allocation.invalid'],
        [{ lineId: 'a', warehouseId: pool, quantity: 1 }, 'allocation.warehouse_not_allowed'],
        [{ lineId: 'a', warehouseId: randomUUID(), quantity: 1 }, 'allocation.warehouse_not_allowed'],
        [{ lineId: 'a', warehouseId: gz, quantity: 1 }, 'stock.insufficient'],
      ];
      for (const [pick, code] of cases) {
        await expect(allocation.override(r.orderId, [pick as never])).rejects.toMatchObject({ code });
      }
      await expect(allocation.override(randomUUID(), [{ lineId: 'a', warehouseId: bj, quantity: 1 }])).rejects.toMatchObject({
        code: 'allocation.not_found',
      });
      expect(await allocation.history(r.orderId)).toHaveLength(1);
    });

    it('only by someone who may allocate orders, and only to warehouses they may use', async () => {
      const r = await allocation.allocate(request([{ lineId: 'a', sku: 'PICK', quantity: 1 }], { policy: 'wait' }));
      const user = { id: randomUUID(), email: 'op@test.local', warehouseIds: [hz], channelIds: [], tokenVersion: 1 };
      const ability = buildAbility(
        [
          { action: 'allocate', subject: 'Order' },
          { action: 'read', subject: 'Warehouse', conditions: { id: { $in: [hz] } } },
        ],
        user as never,
      );
      const asOperator = <T>(work: () => Promise<T>) => RequestContext.run({ requestId: 'test', user: user as never, ability }, work);
      const reader = buildAbility([{ action: 'read', subject: 'Warehouse' }], user as never);
      await expect(
        RequestContext.run({ requestId: 'test', user: user as never, ability: reader }, () =>
          allocation.override(r.orderId, [{ lineId: 'a', warehouseId: hz, quantity: 1 }]),
        ),
      ).rejects.toMatchObject({ code: 'access.forbidden' });
      await expect(asOperator(() => allocation.override(r.orderId, [{ lineId: 'a', warehouseId: bj, quantity: 1 }]))).rejects.toMatchObject({
        code: 'access.forbidden',
      });
      const ok = await asOperator(() => allocation.override(r.orderId, [{ lineId: 'a', warehouseId: hz, quantity: 1 }]));
      expect(ok.status).toBe('allocated');
    });
  });

  describe('under load', () => {
    it('300 one-unit orders against 100 units in two warehouses: exactly 100 allocated, the rest backordered', async () => {
      await product('RUSH');
      await receive('RUSH', hz, 60);
      await receive('RUSH', gz, 40);
      const results = await Promise.all(
        Array.from({ length: 300 }, () => allocation.allocate(request([{ lineId: 'a', sku: 'RUSH', quantity: 1 }], { policy: 'ship_available' }))),
      );
      expect(results.filter((r) => r.status === 'allocated')).toHaveLength(100);
      expect(results.filter((r) => r.status === 'backordered')).toHaveLength(200);
      expect(await reserved('RUSH')).toEqual({ GZ: 40, HZ: 60 });
      expect((await reconcile()).drift).toEqual([]);
    });

    it('multi-line orders over the same SKUs in opposite orders never deadlock', async () => {
      await product('X1');
      await product('X2');
      for (const w of [hz, gz]) {
        await receive('X1', w, 100);
        await receive('X2', w, 100);
      }
      const results = await Promise.allSettled(
        Array.from({ length: 80 }, (_, i) =>
          allocation.allocate(
            request(
              i % 2
                ? [{ lineId: 'a', sku: 'X1', quantity: 1 }, { lineId: 'b', sku: 'X2', quantity: 1 }]
                : [{ lineId: 'a', sku: 'X2', quantity: 1 }, { lineId: 'b', sku: 'X1', quantity: 1 }],
              { shipTo: i % 3 ? TO_HANGZHOU : { country: 'CN', province: '广东省' } },
            ),
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect((await reconcile()).drift).toEqual([]);
    });
  });
});

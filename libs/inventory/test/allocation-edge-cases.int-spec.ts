/**
 * Allocation's edge cases: races between allocation, cancellation, shipment and backorder
 * fills, bad input, renamed SKUs and scope. The comment above a test says what once went wrong.
 *
 * Races are made deterministic with an extra SQL session that holds a lock for a moment, so
 * that one transaction stops exactly where a slow one would, while the other runs.
 */
import { AllocationService, type AllocationRecord, type AllocationRequest, ReservationsService } from '@oms/inventory';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';
import { sqlClient } from '../../../test/support/database.js';

const HANGZHOU = { country: 'CN', province: '浙江省', city: '杭州市', line1: '西湖区 1 号' };
const TO_HANGZHOU = { country: 'CN', province: '浙江省', city: '杭州市' };

function harness(roles: ('api' | 'worker')[]) {
  const h = {} as {
    t: TestApp;
    admin: string;
    allocation: AllocationService;
    reservations: ReservationsService;
    api: () => TestApp['http'];
    product: (sku: string) => Promise<string>;
    receive: (sku: string, warehouseId: string, quantity: number) => Promise<unknown>;
    warehouse: (code: string) => Promise<string>;
    request: (lines: AllocationRequest['lines'], over?: Partial<AllocationRequest>) => AllocationRequest;
    reserved: (productId: string) => Promise<number>;
    held: (orderId: string, lineId: string) => Promise<{ open: number; consumed: number }>;
    backorder: (orderId: string, lineId: string) => Promise<{ status: string; outstanding: number; paid_at: Date | null } | undefined>;
    waitingOn: (pattern: string) => Promise<void>;
    locker: () => Promise<pg.Client>;
    drift: () => Promise<unknown[]>;
  };
  beforeAll(async () => {
    h.t = await bootTestApp({ roles });
    h.admin = await adminToken(h.t);
    h.allocation = h.t.app.get(AllocationService);
    h.reservations = h.t.app.get(ReservationsService);
  });
  afterAll(() => h.t.close());
  h.api = () => h.t.http;
  h.product = async (sku) =>
    (await h.api().post('/api/products').auth(h.admin, bearer).send({ sku, name: sku, priceMinor: 100, currency: 'CNY', weightGrams: 500 }).expect(201))
      .body.id;
  h.receive = (sku, warehouseId, quantity) =>
    h.api().post('/api/stock-movements').auth(h.admin, bearer).send({ sku, warehouseId, type: 'receipt', quantity, reason: 'test' }).expect(201);
  h.warehouse = async (code) =>
    (await h.api().post('/api/warehouses').auth(h.admin, bearer).send({ code, name: code, type: 'physical', address: HANGZHOU }).expect(201)).body.id;
  h.request = (lines, over = {}) => ({ orderId: randomUUID(), shipTo: TO_HANGZHOU, lines, ...over });
  h.reserved = async (productId) =>
    (await query<{ n: number }>(h.t, `SELECT coalesce(sum(reserved), 0)::int AS n FROM stock_level WHERE product_id = $1`, [productId]))[0].n;
  h.held = async (orderId, lineId) => {
    const rows = await query<{ status: string; n: number }>(
      h.t,
      `SELECT status, sum(quantity)::int AS n FROM stock_reservation WHERE order_id = $1 AND line_id = $2 GROUP BY status`,
      [orderId, lineId],
    );
    const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
    return { open: of('open'), consumed: of('consumed') };
  };
  h.backorder = async (orderId, lineId) =>
    (await query<{ status: string; outstanding: number; paid_at: Date | null }>(
      h.t,
      `SELECT status, outstanding, paid_at FROM backorder WHERE order_id = $1 AND line_id = $2`,
      [orderId, lineId],
    ))[0];
  /** Until some session of the test database waits for a lock in a statement containing `pattern`. */
  h.waitingOn = async (pattern) => {
    await eventually(
      async () =>
        (await query<{ query: string }>(
          h.t,
          `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )).some((r) => r.query.includes(pattern)),
      15_000,
      `a session waiting in "${pattern}"`,
    );
  };
  /** A session in an open transaction, to hold locks with. */
  h.locker = async () => {
    const c = await sqlClient(h.t.db.url);
    await c.query('BEGIN');
    return c;
  };
  h.drift = async () => (await h.api().get('/api/stock-levels/reconcile').auth(h.admin, bearer).expect(200)).body.drift;
  return h;
}

describe('allocation edge cases (api + worker)', () => {
  const h = harness(['api', 'worker']);
  let w1: string;
  let w2: string;

  beforeAll(async () => {
    w1 = await h.warehouse('RV1');
    w2 = await h.warehouse('RV2');
  });

  // ---------------------------------------------------------------------------------------
  // releaseOrder vs the first allocation
  // ---------------------------------------------------------------------------------------

  // Once a defect: releaseOrder serialises on `SELECT ... FROM allocation WHERE sequence = 1
  // FOR UPDATE`, but while the first allocation is still in flight its row is uncommitted and
  // invisible, so the SELECT locks nothing and waits for nothing: the release releases nothing,
  // then the allocation commits and the cancelled order keeps its stock for ever.
  it('a cancellation that overtakes an in-flight first allocation leaves nothing reserved', async () => {
    const productId = await h.product('RV-REL-RACE');
    await h.receive('RV-REL-RACE', w1, 2);
    const req = h.request([{ lineId: 'a', sku: 'RV-REL-RACE', quantity: 2 }]);
    const lock = await h.locker();
    await lock.query(`SELECT id FROM stock_level WHERE product_id = $1 FOR UPDATE`, [productId]);
    const allocating = h.allocation.allocate(req);
    await h.waitingOn('FROM stock_level');
    // The release waits for the allocation in flight instead of overtaking it.
    const releasing = h.allocation.releaseOrder(req.orderId);
    await h.waitingOn('INSERT INTO allocation');
    await lock.query('COMMIT');
    await lock.end();
    const first = await allocating;
    const released = await releasing;
    expect(first.status).toBe('allocated');
    expect(released).toEqual({ orderId: req.orderId, releasedReservations: 1, cancelledBackorders: 0 });
    // The order is cancelled: it must not hold stock.
    expect(await h.reserved(productId)).toBe(0);
  });

  // Once a defect: Same root cause without concurrency: ReleaseOrderStockCommand leaves no
  // trace, so an AllocateOrderCommand delivered after it (at-least-once delivery, a retry of a
  // saga step) allocates the cancelled order.
  it('an allocation that arrives after the cancellation reserves nothing', async () => {
    const productId = await h.product('RV-REL-LATE');
    await h.receive('RV-REL-LATE', w1, 2);
    const req = h.request([{ lineId: 'a', sku: 'RV-REL-LATE', quantity: 2 }]);
    await h.allocation.releaseOrder(req.orderId);
    await h.allocation.allocate(req).catch(() => undefined);
    expect(await h.reserved(productId)).toBe(0);
  });

  // ---------------------------------------------------------------------------------------
  // manual override
  // ---------------------------------------------------------------------------------------

  // Once a defect: override reads what the lines hold (and what was shipped) before it locks
  // anything but the order's allocation row; shipping (ReservationsService.consume) does not
  // take that row. A shipment that lands between the read and lockLevels is not seen: `shipped`
  // stays 0, the release finds nothing open, and the picks are reserved in full on top of the
  // units already shipped.
  it('an override racing a shipment of the same line never holds more than the line', async () => {
    const [pick, hold] = [w1, w2].sort();
    const productId = await h.product('RV-SHIP-RACE');
    await h.receive('RV-SHIP-RACE', hold, 3);
    const r = await h.allocation.allocate(h.request([{ lineId: 'a', sku: 'RV-SHIP-RACE', quantity: 3 }]));
    expect(r.shipments).toEqual([{ warehouseId: hold, lines: [{ lineId: 'a', sku: 'RV-SHIP-RACE', quantity: 3 }] }]);
    await h.receive('RV-SHIP-RACE', pick, 3);

    const lock = await h.locker();
    await lock.query(`SELECT id FROM stock_level WHERE product_id = $1 AND warehouse_id = $2 FOR UPDATE`, [productId, pick]);
    const overriding = h.allocation.override(r.orderId, [{ lineId: 'a', warehouseId: pick, quantity: 3 }]);
    await h.waitingOn('ORDER BY product_id, warehouse_id FOR UPDATE');
    expect(await h.reservations.consume(r.orderId, 'a')).toBe(1); // the warehouse ships the line
    await lock.query('COMMIT');
    await lock.end();
    await overriding.catch(() => undefined);

    const held = await h.held(r.orderId, 'a');
    expect(held.consumed).toBe(3);
    expect(held.open + held.consumed).toBeLessThanOrEqual(3); // a 3-unit line
  });

  // Once a defect: The override upserts the line's backorder without paid_at (it is not kept
  // on the allocation either), so a paid order whose override leaves something outstanding
  // loses its place and queues behind every order paid after it ("oldest paid first").
  it('an override keeps the order its place in the backorder queue (paid_at)', async () => {
    await h.product('RV-PAID');
    await h.receive('RV-PAID', w1, 2);
    const older = h.request([{ lineId: 'a', sku: 'RV-PAID', quantity: 2 }], { paidAt: '2026-01-01T00:00:00Z' });
    const newer = h.request([{ lineId: 'a', sku: 'RV-PAID', quantity: 1 }], { paidAt: '2026-02-01T00:00:00Z' });
    expect((await h.allocation.allocate(older)).status).toBe('allocated');
    expect((await h.allocation.allocate(newer)).status).toBe('backordered');
    const o = await h.allocation.override(older.orderId, [{ lineId: 'a', warehouseId: w1, quantity: 1 }]);
    expect(o.status).toBe('partially_allocated');
    // One unit is free now; the run it starts must serve the order paid first.
    const winner = await eventually(async () => {
      if ((await h.allocation.history(older.orderId)).length > 2) return 'older';
      if ((await h.allocation.history(newer.orderId)).length > 1) return 'newer';
      return undefined;
    }, 20_000, 'the freed unit to be allocated');
    expect(winner).toBe('older');
    expect((await h.backorder(older.orderId, 'a'))?.paid_at).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  // Once a defect: Nothing stops an override of a released (cancelled) order: it reserves stock
  // again and its backorder upsert flips the cancelled backorder back to 'open', so fill runs
  // will keep allocating stock to a cancelled order.
  it('an override of a released order neither reserves stock nor reopens its backorders', async () => {
    const productId = await h.product('RV-CXL');
    await h.receive('RV-CXL', w1, 1);
    const r = await h.allocation.allocate(h.request([{ lineId: 'a', sku: 'RV-CXL', quantity: 3 }], { policy: 'ship_available' }));
    expect(r.status).toBe('partially_allocated');
    expect(await h.allocation.releaseOrder(r.orderId)).toMatchObject({ releasedReservations: 1, cancelledBackorders: 1 });
    await h.allocation.override(r.orderId, [{ lineId: 'a', warehouseId: w1, quantity: 1 }]).catch(() => undefined);
    expect((await h.backorder(r.orderId, 'a'))?.status).toBe('cancelled');
    expect(await h.reserved(productId)).toBe(0);
  });

  it('an override refuses more than what a partly shipped line still needs', async () => {
    await h.product('RV-PART');
    await h.receive('RV-PART', w1, 5);
    await h.receive('RV-PART', w2, 5);
    const r = await h.allocation.allocate(h.request([{ lineId: 'a', sku: 'RV-PART', quantity: 3 }]));
    const [hold] = r.shipments.map((s) => s.warehouseId);
    const other = hold === w1 ? w2 : w1;
    await h.reservations.consume(r.orderId, 'a');
    await expect(h.allocation.override(r.orderId, [{ lineId: 'a', warehouseId: other, quantity: 1 }])).rejects.toMatchObject({
      code: 'allocation.invalid',
    });
    expect(await h.held(r.orderId, 'a')).toEqual({ open: 0, consumed: 3 });
  });

  // ---------------------------------------------------------------------------------------
  // deadlocks
  // ---------------------------------------------------------------------------------------

  // Once a defect: Lock order. releaseOrder (and override) lock stock_level rows first and the
  // order's stock_reservation rows after (ReservationsService.close: SELECT ... FOR UPDATE);
  // consume() locks the reservation rows first and the level after (unbinForShipment, then
  // closeOnLevel). A cancellation and a shipment of the same order can wait on each other in a
  // circle; PostgreSQL aborts one with "deadlock detected" (no retry anywhere).
  it('a cancellation and a shipment of the same order never deadlock', async () => {
    const ids = [await h.product('RV-DL-1'), await h.product('RV-DL-2')];
    await h.receive('RV-DL-1', w1, 5);
    await h.receive('RV-DL-2', w1, 5);
    const r = await h.allocation.allocate(
      h.request([
        { lineId: 'a', sku: 'RV-DL-1', quantity: 1 },
        { lineId: 'b', sku: 'RV-DL-2', quantity: 1 },
      ]),
    );
    expect(r.status).toBe('allocated');
    const [firstProduct] = [...ids].sort();
    const lineOf = (productId: string) => (productId === ids[0] ? 'a' : 'b');
    const secondLine = lineOf(ids.find((id) => id !== firstProduct)!);
    const [first] = await query<{ id: string }>(h.t, `SELECT id FROM stock_reservation WHERE order_id = $1 AND product_id = $2`, [
      r.orderId,
      firstProduct,
    ]);

    // A third transaction holds the first reservation for a moment (any slow statement would do).
    const lock = await h.locker();
    await lock.query(`SELECT id FROM stock_reservation WHERE id = $1 FOR UPDATE`, [first.id]);
    const releasing = h.allocation.releaseOrder(r.orderId); // locks both levels, then waits for the reservations
    await h.waitingOn('FROM stock_reservation');
    const shipping = h.reservations.consume(r.orderId, secondLine); // waits for its level, before any reservation
    await h.waitingOn('FROM stock_level WHERE id = ANY');
    await lock.query('COMMIT');
    await lock.end();

    const results = await Promise.allSettled([releasing, shipping]);
    const errors = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected').map((x) => String(x.reason?.message ?? x.reason));
    expect(errors).toEqual([]);
  });

  // ---------------------------------------------------------------------------------------
  // backorder fills
  // ---------------------------------------------------------------------------------------

  // Once a defect: lockLevels can only lock level rows that exist. When the first units of a
  // SKU arrive in a warehouse (a new level row) while an allocation of that SKU is in flight,
  // the receipt does not wait for it: the arrival's fill run starts before the allocation
  // commits its backorder, finds nothing to fill, and stops. The order then waits next to
  // available stock until some other unit of the SKU arrives. (Here the allocation is held back
  // for a moment by a session inserting the same backorder key; any slow commit would do.)
  it('a backorder committed just after the first units of its SKU arrived is still filled', async () => {
    const productId = await h.product('RV-FIRST');
    const req = h.request([{ lineId: 'a', sku: 'RV-FIRST', quantity: 1 }], { policy: 'ship_available' });
    const lock = await h.locker();
    await lock.query(
      `INSERT INTO backorder (order_id, line_id, product_id, sku, requested, outstanding) VALUES ($1, 'a', $2, 'RV-FIRST', 1, 1)`,
      [req.orderId, productId],
    );
    const allocating = h.allocation.allocate(req);
    await h.waitingOn('INSERT INTO backorder');
    await h.receive('RV-FIRST', w1, 1);
    await eventually(
      async () =>
        (await query(
          h.t,
          `SELECT 1 FROM outbox_event o JOIN processed_event p ON p.event_id = o.id
           WHERE o.type = 'inventory.stock-arrived' AND o.payload->>'productId' = $1`,
          [productId],
        )).length > 0,
      20_000,
      'the arrival to be handled',
    );
    await lock.query('ROLLBACK');
    await lock.end();
    const r = await allocating;
    expect(r.status).toBe('backordered');
    // One unit sits in a warehouse that serves the order, and the order waits for it.
    expect(await h.reserved(productId)).toBe(0);
    const filled = await eventually(async () => (await h.allocation.history(req.orderId))[1], 8_000, 'the waiting order to be filled').catch(
      () => undefined,
    );
    expect(filled).toMatchObject({ trigger: 'backorder', status: 'allocated' });
  });

  it('the same order filled many times at once takes the stock once', async () => {
    const productId = await h.product('RV-FILL-TWICE');
    const req = h.request([{ lineId: 'a', sku: 'RV-FILL-TWICE', quantity: 5 }], { policy: 'ship_available' });
    expect((await h.allocation.allocate(req)).status).toBe('backordered');
    await h.receive('RV-FILL-TWICE', w1, 3);
    await Promise.all(Array.from({ length: 6 }, () => h.allocation.fillBackorders(req.orderId)));
    await new Promise((done) => setTimeout(done, 1500)); // let the worker's own run settle too
    expect(await h.reserved(productId)).toBe(3);
    expect(await h.held(req.orderId, 'a')).toEqual({ open: 3, consumed: 0 });
    expect(await h.backorder(req.orderId, 'a')).toMatchObject({ status: 'open', outstanding: 2 });
    const history = await h.allocation.history(req.orderId);
    expect(history.map((a: AllocationRecord) => [a.trigger, a.status])).toEqual([
      ['order', 'backordered'],
      ['backorder', 'partially_allocated'],
    ]);
    expect(await h.drift()).toEqual([]);
  });

  it('a cancellation racing fills leaves nothing held and nothing waiting', async () => {
    const productId = await h.product('RV-CXL-FILL');
    const req = h.request([{ lineId: 'a', sku: 'RV-CXL-FILL', quantity: 4 }], { policy: 'ship_available' });
    await h.allocation.allocate(req);
    await h.receive('RV-CXL-FILL', w1, 4);
    await Promise.allSettled([h.allocation.fillBackorders(req.orderId), h.allocation.releaseOrder(req.orderId), h.allocation.fillBackorders(req.orderId)]);
    await h.allocation.releaseOrder(req.orderId);
    await new Promise((done) => setTimeout(done, 1000));
    expect(await h.reserved(productId)).toBe(0);
    // 'filled' when a fill got there first (its reservations were then released), else 'cancelled'.
    expect((await h.backorder(req.orderId, 'a'))?.status).not.toBe('open');
    expect(await h.held(req.orderId, 'a')).toMatchObject({ open: 0 });
  });

  // ---------------------------------------------------------------------------------------
  // input checks
  // ---------------------------------------------------------------------------------------

  // Once a defect: checkRequest checks only shipTo.country; province, postcode, geo and paidAt
  // reach the engine or SQL unchecked: a non-string province throws a TypeError in
  // normalizeProvince (any CN order without coordinates), a bad paidAt fails the backorder
  // INSERT (22007), a malformed geo makes the ranking depend on the database's row order (see
  // allocation-engine-review.spec.ts).
  it('refuses a malformed ship-to address or payment time naming the field', async () => {
    await h.product('RV-BAD');
    const cases: [Partial<AllocationRequest>, string][] = [
      [{ shipTo: { country: 'CN', province: 5 as never } }, 'shipTo.province'],
      [{ shipTo: { country: 'CN', province: '浙江省', geo: { lat: 'x' as never, lng: 1 } } }, 'shipTo.geo'],
      [{ paidAt: 'yesterday' }, 'paidAt'],
    ];
    const got: unknown[] = [];
    for (const [over, field] of cases) {
      const error = await h.allocation.allocate(h.request([{ lineId: 'a', sku: 'RV-BAD', quantity: 1 }], over)).then(
        () => 'accepted',
        (e: { code?: string; details?: { fields?: { field: string }[] }; message?: string }) => e.code ?? e.message,
      );
      got.push([field, error]);
    }
    expect(got).toEqual(cases.map(([, field]) => [field, 'allocation.invalid']));
  });

  // Once a defect: isUuid and class-validator's IsUUID accept upper-case UUIDs, the
  // allocation_setting.id CHECK only lower-case ones: the INSERT fails with 23514, which the
  // error filter turns into a 500.
  it('an upper-case channel id gives a 4xx or a working setting, never a 500', async () => {
    const channelId = randomUUID().toUpperCase();
    const created = await h.api().post('/api/allocation-settings').auth(h.admin, bearer).send({ channelId, strategies: ['priority'], shortagePolicy: 'split' });
    const put = await h
      .api()
      .put(`/api/allocation-settings/${randomUUID().toUpperCase()}`)
      .auth(h.admin, bearer)
      .send({ strategies: ['priority'], shortagePolicy: 'split' });
    expect([created.status, put.status].filter((s) => s >= 500)).toEqual([]);
  });

  it('list filters with a bad uuid are a 400, not a 500', async () => {
    for (const path of ['/api/allocations', '/api/backorders']) {
      const res = await h.api().get(path).query({ filter: JSON.stringify({ orderId: 'nope' }) }).auth(h.admin, bearer);
      expect([path, res.status]).toEqual([path, 400]);
    }
  });

  // Once a defect: BACKORDERS' id is `order_id:line_id`, but the simple-rest `id` filter
  // insists on a UUID, so react-admin's getMany (filter {"id": [...]}) on backorders is a 400.
  it('backorders can be fetched by their own ids (react-admin getMany)', async () => {
    await h.product('RV-IDS');
    const req = h.request([{ lineId: 'a', sku: 'RV-IDS', quantity: 1 }]);
    await h.allocation.allocate(req);
    const res = await h.api().get('/api/backorders').query({ filter: JSON.stringify({ id: [`${req.orderId}:a`] }) }).auth(h.admin, bearer);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ id: `${req.orderId}:a` })]);
  });

  // ---------------------------------------------------------------------------------------
  // scope
  // ---------------------------------------------------------------------------------------

  it('warehouse staff see no allocations or backorders of orders outside their warehouses (and no 500)', async () => {
    await h.product('RV-SCOPE');
    await h.receive('RV-SCOPE', w2, 1);
    const req = h.request([{ lineId: 'a', sku: 'RV-SCOPE', quantity: 2 }]);
    const r = await h.allocation.allocate(req);
    expect(r.shipments.map((s) => s.warehouseId)).toEqual([w2]);
    const staff = await createUser(h.t, { roleKeys: ['warehouse_staff'], warehouseIds: [w1] });
    for (const path of ['/api/allocations', '/api/backorders']) {
      const res = await h.api().get(path).query({ filter: JSON.stringify({ orderId: req.orderId }) }).auth(staff.token, bearer);
      expect([path, res.status, res.body]).toEqual([path, 200, []]);
    }
    await h.api().get(`/api/allocations/${r.id}`).auth(staff.token, bearer).expect(404);
  });

  // Once a defect: A backorder run has no per-order error isolation: fillNextBackorder lets an
  // order's failure fail the whole delivery, the retry tries the same order first again, and so
  // on into the dead-letter list. One order that cannot be planned (here: a ship-to province
  // that is not a string, which checkRequest let through; the first allocation did not need it
  // because the address had coordinates) blocks every younger order of the SKU. Kept last: it
  // adds a warehouse with a region.
  it('one order that cannot be planned does not stop the fills of the orders behind it', async () => {
    await h.product('RV-POISON');
    const bad = h.request([{ lineId: 'a', sku: 'RV-POISON', quantity: 1 }], { paidAt: '2026-01-01T00:00:00Z' });
    const good = h.request([{ lineId: 'a', sku: 'RV-POISON', quantity: 1 }], { paidAt: '2026-02-01T00:00:00Z' });
    expect((await h.allocation.allocate(bad)).status).toBe('backordered');
    expect((await h.allocation.allocate(good)).status).toBe('backordered');
    // Stored data the engine cannot use (requests are validated, so it is planted here).
    await query(h.t, `UPDATE allocation SET ship_to = '{"country": "CN", "province": 330000}' WHERE order_id = $1`, [bad.orderId]);
    await h
      .api()
      .post('/api/warehouses')
      .auth(h.admin, bearer)
      .send({ code: 'RV3', name: 'RV3', type: 'physical', address: HANGZHOU, regions: [{ country: 'CN', province: '浙江省' }] })
      .expect(201);
    await h.receive('RV-POISON', w1, 5);
    const filled = await eventually(async () => (await h.allocation.history(good.orderId))[1], 10_000, 'the good order to be filled').catch(
      () => undefined,
    );
    // Why: the older order's fill throws, every time (each delivery of the run starts with it).
    await expect(h.allocation.fillBackorders(bad.orderId)).rejects.toThrow(/trim/);
    expect(filled).toMatchObject({ trigger: 'backorder', status: 'allocated' });
  });
});

describe('allocation edge cases (api only: events wait)', () => {
  const h = harness(['api']);

  // Once a defect: plan() keys available stock by stock_level.sku while the demand carries the
  // product's current SKU. stock_level.sku follows a SKU rename only when the ProductChanged
  // event is handled (KeepProductNamesOnStock, in the worker); until then — or for good if that
  // delivery dead-letters — the engine sees no stock for the renamed SKU and backorders (or
  // ships from the wrong warehouse) although the units sit in stock. Reserving is by product id,
  // so keying the engine's stock by product id fixes it. (No worker runs in this app: the state
  // is exactly the one before the event is handled.)
  it('allocates a renamed SKU from the stock it already has', async () => {
    const w = await h.warehouse('RN1');
    const id = await h.product('RV-OLD-NAME');
    await h.receive('RV-OLD-NAME', w, 5);
    const current = (await h.api().get(`/api/products/${id}`).auth(h.admin, bearer).expect(200)).body;
    const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...editable } = current;
    const renamed = await h.api().put(`/api/products/${id}`).auth(h.admin, bearer).send({ ...editable, sku: 'RV-NEW-NAME' });
    expect(renamed.status).toBe(200);
    const r = await h.allocation.allocate(h.request([{ lineId: 'a', sku: 'RV-NEW-NAME', quantity: 1 }]));
    expect(r.status).toBe('allocated');
  });
});

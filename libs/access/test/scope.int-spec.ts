import { Controller, Get, Header, HttpCode, Module, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { BUILT_IN_ROLES, type BuiltInRoleKey } from '@oms/access';
import {
  type AppAbility,
  applyReadRules,
  Can,
  exportResource,
  ListPage,
  listResource,
  maskPhone,
  NotFoundError,
  parseListQuery,
  type PermissionRule,
  RequestContext,
  type ResourceDefinition,
  scopeFor,
  UnitOfWork,
} from '@oms/core';
import { ADMIN, bootTestApp, login, type TestApp } from '../../../test/support/app.js';
import { sqlClient } from '../../../test/support/database.js';

/*
 * Row scope and field rules on a scoped resource, end to end over HTTP. Orders, stock and
 * shipments come later, so a small Shipment-like resource lives here, built the way a real one
 * is: SQL scope from the ability on lists, reads, actions and exports; read rules on every row.
 */

const SHIPMENTS: ResourceDefinition = {
  resource: 'test-shipments',
  from: 'test_shipment s',
  idColumn: 's.id',
  fields: {
    id: 's.id',
    warehouseId: 's.warehouse_id',
    trackingNumber: 's.tracking_number',
    recipientPhone: 's.recipient_phone',
    status: 's.status',
  },
  sortable: ['trackingNumber', 'status'],
  filters: {
    status: { kind: 'eq', column: 's.status' },
    warehouseId: { kind: 'eq', column: 's.warehouse_id', uuid: true },
  },
  defaultSort: ['trackingNumber', 'ASC'],
};

const COLUMNS = Object.entries(SHIPMENTS.fields)
  .map(([field, sql]) => `${sql} AS "${field}"`)
  .join(', ');

const ability = (): AppAbility => RequestContext.current()!.ability!;
const present = (row: Record<string, unknown>) => applyReadRules(ability(), 'Shipment', row, { recipientPhone: maskPhone });

@Controller('test-shipments')
class TestShipmentsController {
  constructor(private readonly uow: UnitOfWork) {}

  @Get()
  @Can('read', 'Shipment')
  async list(@Query() query: Record<string, unknown>) {
    const scope = scopeFor(ability(), 'read', 'Shipment', SHIPMENTS.fields);
    const page = await listResource(this.uow.manager, SHIPMENTS, parseListQuery(query, SHIPMENTS), scope);
    return new ListPage(page.resource, page.start, page.rows.map(present), page.total);
  }

  @Get('export')
  @Can('export', 'Shipment')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  export(@Query() query: Record<string, unknown>) {
    // What the user may both read and export.
    const read = scopeFor(ability(), 'read', 'Shipment', SHIPMENTS.fields);
    const exportable = scopeFor(ability(), 'export', 'Shipment', SHIPMENTS.fields, read.params.length);
    const scope = { sql: `${read.sql} AND ${exportable.sql}`, params: [...read.params, ...exportable.params] };
    return exportResource(this.uow.manager, SHIPMENTS, parseListQuery(query, SHIPMENTS), scope, present);
  }

  @Get(':id')
  @Can('read', 'Shipment')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const scope = scopeFor(ability(), 'read', 'Shipment', SHIPMENTS.fields, 1);
    const [row] = await this.uow.manager.query(`SELECT ${COLUMNS} FROM test_shipment s WHERE s.id = $1 AND ${scope.sql}`, [
      id,
      ...scope.params,
    ]);
    if (!row) throw new NotFoundError('Shipment', id);
    return present(row);
  }

  @Post(':id/ship')
  @Can('ship', 'Shipment')
  @HttpCode(200)
  async ship(@Param('id', ParseUUIDPipe) id: string) {
    const scope = scopeFor(ability(), 'ship', 'Shipment', SHIPMENTS.fields, 1);
    const shipped: unknown[] = await this.uow.manager.query(
      `WITH shipped AS (UPDATE test_shipment s SET status = 'shipped' WHERE s.id = $1 AND ${scope.sql} RETURNING s.id)
       SELECT id FROM shipped`,
      [id, ...scope.params],
    );
    if (!shipped.length) throw new NotFoundError('Shipment', id);
    return this.get(id);
  }
}

@Module({ controllers: [TestShipmentsController] })
class TestShipmentsModule {}

const WAREHOUSE_A = '019ab000-0000-7000-8000-00000000aaaa';
const WAREHOUSE_B = '019ab000-0000-7000-8000-00000000bbbb';
const PASSWORD = 'Correct-horse-42';

const ROWS = {
  a1: { id: '019ab000-0000-7000-8000-0000000000a1', warehouseId: WAREHOUSE_A, trackingNumber: 'TN-A1', recipientPhone: '13812345678', status: 'pending' },
  a2: { id: '019ab000-0000-7000-8000-0000000000a2', warehouseId: WAREHOUSE_A, trackingNumber: 'TN-A2', recipientPhone: '13900001111', status: 'pending' },
  a3: { id: '019ab000-0000-7000-8000-0000000000a3', warehouseId: WAREHOUSE_A, trackingNumber: 'TN-A3', recipientPhone: '13700002222', status: 'cancelled' },
  b1: { id: '019ab000-0000-7000-8000-0000000000b1', warehouseId: WAREHOUSE_B, trackingNumber: 'TN-B1', recipientPhone: '13600003333', status: 'pending' },
  b2: { id: '019ab000-0000-7000-8000-0000000000b2', warehouseId: WAREHOUSE_B, trackingNumber: 'TN-B2', recipientPhone: '13500004444', status: 'pending' },
};

const roleId = (key: BuiltInRoleKey) => BUILT_IN_ROLES.find((r) => r.key === key)!.id;

describe('row scope and field rules on a scoped resource', () => {
  let t: TestApp;
  let adminToken: string;
  let serial = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function createUser(roleIds: string[], warehouseIds: string[] = []) {
    const email = `scope.${++serial}@test.local`;
    const res = await t.http
      .post('/api/users')
      .set(auth(adminToken))
      .send({ email, name: `Scope ${serial}`, password: PASSWORD, roleIds, warehouseIds });
    if (res.status !== 201) throw new Error(`Creating ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, email, token: (await login(t.http, email, PASSWORD)).accessToken };
  }

  async function createRole(name: string, permissions: PermissionRule[]): Promise<string> {
    const res = await t.http.post('/api/roles').set(auth(adminToken)).send({ name, permissions });
    if (res.status !== 201) throw new Error(`Creating role ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  const list = (token: string, query: Record<string, string> = {}) =>
    t.http.get('/api/test-shipments').query(query).set(auth(token));
  const numbers = (rows: { trackingNumber: string }[]) => rows.map((r) => r.trackingNumber);
  const numbersOf = (...keys: (keyof typeof ROWS)[]) => keys.map((k) => ROWS[k].trackingNumber);

  let staffA: { id: string; token: string };

  beforeAll(async () => {
    t = await bootTestApp({ imports: [TestShipmentsModule] });
    const sql = await sqlClient(t.db.url);
    await sql.query(
      `CREATE TABLE test_shipment (id uuid PRIMARY KEY, warehouse_id uuid, tracking_number text, recipient_phone text, status text)`,
    );
    for (const r of Object.values(ROWS)) {
      await sql.query(`INSERT INTO test_shipment VALUES ($1, $2, $3, $4, $5)`, [
        r.id, r.warehouseId, r.trackingNumber, r.recipientPhone, r.status,
      ]);
    }
    await sql.end();
    adminToken = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
    staffA = await createUser([roleId('warehouse_staff')], [WAREHOUSE_A]);
  });
  afterAll(() => t?.close());

  describe('warehouse staff of warehouse A', () => {
    it("lists only warehouse A's rows", async () => {
      const res = await list(staffA.token).expect(200);
      expect(numbers(res.body)).toEqual(numbersOf('a1', 'a2', 'a3'));
      expect(res.headers['content-range']).toBe('test-shipments 0-2/3');
    });

    it("counts only warehouse A's rows in the total of a partial page", async () => {
      const res = await list(staffA.token, { range: '[0,0]' }).expect(200);
      expect(numbers(res.body)).toEqual(numbersOf('a1'));
      expect(res.headers['content-range']).toBe('test-shipments 0-0/3');
    });

    it.each([
      ['an id of warehouse B', { id: [ROWS.b1.id] }],
      ['warehouse B itself', { warehouseId: WAREHOUSE_B }],
      ['ids of warehouse B combined with another filter', { id: [ROWS.b1.id, ROWS.b2.id], status: 'pending' }],
    ])('finds nothing when filtering by %s', async (_, filter) => {
      const res = await list(staffA.token, { filter: JSON.stringify(filter) }).expect(200);
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe('test-shipments */0');
    });

    it('narrows with a filter inside its own scope', async () => {
      const res = await list(staffA.token, { filter: JSON.stringify({ id: [ROWS.a1.id, ROWS.b1.id] }) }).expect(200);
      expect(numbers(res.body)).toEqual(numbersOf('a1'));
    });

    it("answers 404 for warehouse B's row as if it did not exist", async () => {
      const res = await t.http.get(`/api/test-shipments/${ROWS.b1.id}`).set(auth(staffA.token)).expect(404);
      expect(res.body.code).toBe('not_found');
    });

    it("reads warehouse A's row with the recipient's phone masked", async () => {
      const res = await t.http.get(`/api/test-shipments/${ROWS.a1.id}`).set(auth(staffA.token)).expect(200);
      expect(res.body).toEqual({ ...ROWS.a1, recipientPhone: '138****5678' });
    });

    it('sees every phone in a list masked', async () => {
      const res = await list(staffA.token).expect(200);
      expect(res.body.map((r: { recipientPhone: string }) => r.recipientPhone)).toEqual([
        '138****5678',
        '139****1111',
        '137****2222',
      ]);
    });

    it("cannot ship warehouse B's row: 404, and the row is left as it was", async () => {
      const res = await t.http.post(`/api/test-shipments/${ROWS.b1.id}/ship`).set(auth(staffA.token)).expect(404);
      expect(res.body.code).toBe('not_found');
      const sql = await sqlClient(t.db.url);
      const { rows } = await sql.query(`SELECT status FROM test_shipment WHERE id = $1`, [ROWS.b1.id]);
      await sql.end();
      expect(rows).toEqual([{ status: 'pending' }]);
    });

    it("ships warehouse A's row", async () => {
      const res = await t.http.post(`/api/test-shipments/${ROWS.a2.id}/ship`).set(auth(staffA.token)).expect(200);
      expect(res.body).toMatchObject({ id: ROWS.a2.id, status: 'shipped', recipientPhone: '139****1111' });
    });

    it('may not export without the export action', async () => {
      const res = await t.http.get('/api/test-shipments/export').set(auth(staffA.token)).expect(403);
      expect(res.body).toMatchObject({ code: 'access.forbidden', details: { action: 'export', subject: 'Shipment' } });
    });
  });

  it('shows an administrator every row with phones in clear', async () => {
    const res = await list(adminToken).expect(200);
    expect(numbers(res.body)).toEqual(numbersOf('a1', 'a2', 'a3', 'b1', 'b2'));
    expect(res.headers['content-range']).toBe('test-shipments 0-4/5');
    expect(res.body[0].recipientPhone).toBe('13812345678');
    const one = await t.http.get(`/api/test-shipments/${ROWS.b1.id}`).set(auth(adminToken)).expect(200);
    expect(one.body).toEqual(ROWS.b1);
  });

  it('shows warehouse staff without any warehouse nothing at all', async () => {
    const nowhere = await createUser([roleId('warehouse_staff')]);
    const res = await list(nowhere.token).expect(200);
    expect(res.body).toEqual([]);
    expect(res.headers['content-range']).toBe('test-shipments */0');
    await t.http.get(`/api/test-shipments/${ROWS.a1.id}`).set(auth(nowhere.token)).expect(404);
    await t.http.post(`/api/test-shipments/${ROWS.a1.id}/ship`).set(auth(nowhere.token)).expect(404);
  });

  it('refuses to ship for a role that may only read shipments', async () => {
    const viewer = await createUser([roleId('viewer')]);
    const res = await t.http.post(`/api/test-shipments/${ROWS.b2.id}/ship`).set(auth(viewer.token)).expect(403);
    expect(res.body).toMatchObject({ code: 'access.forbidden', details: { action: 'ship', subject: 'Shipment' } });
  });

  it('subtracts the rows a "cannot" rule of another role names', async () => {
    const hideCancelled = await createRole('No cancelled shipments', [
      { action: 'read', subject: 'Shipment', conditions: { status: 'cancelled' }, inverted: true, reason: 'Closed' },
    ]);
    const viewer = await createUser([roleId('viewer'), hideCancelled]);
    const res = await list(viewer.token).expect(200);
    expect(numbers(res.body)).toEqual(numbersOf('a1', 'a2', 'b1', 'b2'));
    expect(res.headers['content-range']).toBe('test-shipments 0-3/4');
    await t.http.get(`/api/test-shipments/${ROWS.a3.id}`).set(auth(viewer.token)).expect(404);
    const staff = await createUser([roleId('warehouse_staff'), hideCancelled], [WAREHOUSE_A]);
    expect(numbers((await list(staff.token).expect(200)).body)).toEqual(numbersOf('a1', 'a2'));
  });

  describe('export', () => {
    let exporter: string;
    beforeAll(async () => {
      exporter = await createRole('Shipment exporter', [{ action: 'export', subject: 'Shipment' }]);
    });

    it("exports only warehouse A's rows, phones masked, for warehouse staff allowed to export", async () => {
      const staff = await createUser([roleId('warehouse_staff'), exporter], [WAREHOUSE_A]);
      const res = await t.http.get('/api/test-shipments/export').set(auth(staff.token)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines[0]).toBe('id,warehouseId,trackingNumber,recipientPhone,status');
      expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(numbersOf('a1', 'a2', 'a3'));
      expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['138****5678', '139****1111', '137****2222']);
      for (const r of [ROWS.a1, ROWS.b1, ROWS.b2]) expect(res.text).not.toContain(r.recipientPhone);
    });

    it('keeps an export filter inside the scope', async () => {
      const staff = await createUser([roleId('warehouse_staff'), exporter], [WAREHOUSE_A]);
      const filter = JSON.stringify({ warehouseId: WAREHOUSE_B });
      const res = await t.http.get('/api/test-shipments/export').query({ filter }).set(auth(staff.token)).expect(200);
      expect(res.text.replace(/^\uFEFF/, '').trim()).not.toContain('TN-B');
    });

    it('refuses a viewer, who has no export action, with 403', async () => {
      const viewer = await createUser([roleId('viewer')]);
      const res = await t.http.get('/api/test-shipments/export').set(auth(viewer.token)).expect(403);
      expect(res.body).toMatchObject({ code: 'access.forbidden', details: { action: 'export', subject: 'Shipment' } });
    });
  });

  it("applies a change of the user's warehouses to the very next request of the same token", async () => {
    const mover = await createUser([roleId('warehouse_staff')], [WAREHOUSE_A]);
    expect(numbers((await list(mover.token).expect(200)).body)).toEqual(numbersOf('a1', 'a2', 'a3'));
    await t.http.put(`/api/users/${mover.id}`).set(auth(adminToken)).send({ warehouseIds: [WAREHOUSE_B] }).expect(200);
    const res = await list(mover.token).expect(200);
    expect(numbers(res.body)).toEqual(numbersOf('b1', 'b2'));
    expect(res.headers['content-range']).toBe('test-shipments 0-1/2');
    await t.http.get(`/api/test-shipments/${ROWS.a1.id}`).set(auth(mover.token)).expect(404);
    await t.http.get(`/api/test-shipments/${ROWS.b1.id}`).set(auth(mover.token)).expect(200);
  });
});

import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, bearer, createUser } from '../../../test/support/access.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', line1: '1 号' };

describe('bins', () => {
  let t: TestApp;
  let admin: string;
  let a: string;
  let b: string;
  const bin = (body: object, token = admin) => t.http.post('/api/bins').auth(token, bearer).send(body);

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
    const wh = async (code: string, extra: object = {}) =>
      (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code, name: code, type: 'physical', address: ADDRESS, ...extra }).expect(201)).body.id;
    a = await wh('A');
    b = await wh('B');
  });
  afterAll(() => t.close());

  it('lists a warehouse bins in walking order with their zone-aisle-bay-level codes', async () => {
    await bin({ warehouseId: a, zone: 'A', aisle: '01', bay: '02', level: '1', sequence: 20 }).expect(201);
    await bin({ warehouseId: a, zone: 'A', aisle: '01', bay: '01', level: '1', sequence: 10 }).expect(201);
    await bin({ warehouseId: b, zone: 'B', aisle: '01', bay: '01', level: '1', sequence: 1 }).expect(201);
    const list = await t.http.get('/api/bins').query({ filter: JSON.stringify({ warehouseId: a }) }).auth(admin, bearer).expect(200);
    expect(list.body.map((x: { code: string }) => x.code)).toEqual(['A-01-01-1', 'A-01-02-1']);
  });

  it('refuses a duplicate location, a virtual warehouse and bad codes', async () => {
    expect((await bin({ warehouseId: a, zone: 'A', aisle: '01', bay: '01', level: '1', sequence: 5 }).expect(409)).body.code).toBe('bins.code_taken');
    const pool = (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'P', name: 'P', type: 'virtual', address: ADDRESS, memberIds: [a] }).expect(201)).body.id;
    expect((await bin({ warehouseId: pool, zone: 'A', aisle: '1', bay: '1', level: '1', sequence: 1 }).expect(422)).body.code).toBe('stock.unknown_warehouse');
    const bad = await bin({ warehouseId: a, zone: 'a-b', aisle: 'x', bay: '1', level: '123', sequence: -1 }).expect(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['zone', 'aisle', 'level', 'sequence']));
  });

  it('shows warehouse staff the bins of their warehouses only, and lets only warehouse editors change them', async () => {
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [b] });
    const list = await t.http.get('/api/bins').auth(staff.token, bearer).expect(200);
    expect(list.body.map((x: { warehouseId: string }) => x.warehouseId)).toEqual([b]);
    const other = (await t.http.get('/api/bins').query({ filter: JSON.stringify({ warehouseId: a }) }).auth(admin, bearer)).body[0];
    await t.http.get(`/api/bins/${other.id}`).auth(staff.token, bearer).expect(404);
    await bin({ warehouseId: b, zone: 'B', aisle: '09', bay: '01', level: '1', sequence: 9 }, staff.token).expect(403);
    const moved = await t.http.put(`/api/bins/${other.id}`).auth(admin, bearer).send({ ...other, sequence: 99 }).expect(200);
    expect(moved.body.sequence).toBe(99);
  });
});

import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';

const HANGZHOU = {
  code: 'HZ-01',
  name: '杭州仓 Hangzhou',
  type: 'physical',
  address: { country: 'CN', province: '浙江省', city: '杭州市', district: '余杭区', line1: '仓前街道 1 号' },
  geo: { lat: 30.27, lng: 120.15 },
  regions: [{ country: 'CN', province: '浙江省' }, { country: 'CN', province: '上海市' }],
  priority: 10,
  costTable: [{ country: 'CN', province: '浙江省', upToGrams: 1000, feeMinor: 600 }],
  cutoffTime: '16:00',
};
const GUANGZHOU = {
  ...HANGZHOU,
  code: 'GZ-01',
  name: '广州仓 Guangzhou',
  address: { country: 'CN', province: '广东省', city: '广州市', line1: '白云区 2 号' },
  geo: { lat: 23.13, lng: 113.26 },
  regions: [{ country: 'CN', province: '广东省' }],
  priority: 20,
};

describe('warehouses', () => {
  let t: TestApp;
  let admin: string;
  let hz: string;
  let gz: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t.close());
  const post = (body: object) => t.http.post('/api/warehouses').auth(admin, bearer).send(body);

  it('creates physical warehouses and a virtual one pooling them', async () => {
    hz = (await post(HANGZHOU).expect(201)).body.id;
    gz = (await post(GUANGZHOU).expect(201)).body.id;
    const pool = await post({ ...HANGZHOU, code: 'CN-POOL', name: '全国虚拟仓', type: 'virtual', memberIds: [hz, gz] }).expect(201);
    expect(pool.body).toMatchObject({ type: 'virtual', memberIds: [hz, gz], cutoffTime: '16:00', active: true });
    const list = await t.http.get('/api/warehouses').auth(admin, bearer).expect(200);
    expect(list.body.map((w: { code: string }) => w.code)).toEqual(['HZ-01', 'CN-POOL', 'GZ-01']);
    expect(list.headers['content-range']).toBe('warehouses 0-2/3');
  });

  it('edits with the whole record sent back and deactivates instead of deleting', async () => {
    const record = (await t.http.get(`/api/warehouses/${gz}`).auth(admin, bearer).expect(200)).body;
    const res = await t.http.put(`/api/warehouses/${gz}`).auth(admin, bearer).send({ ...record, priority: 5, active: false }).expect(200);
    expect(res.body).toMatchObject({ priority: 5, active: false });
    await t.http.delete(`/api/warehouses/${gz}`).auth(admin, bearer).expect(404);
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [gz]);
    expect(n).toBe(2);
  });

  it('refuses a taken code, a wrong pool and a bad address, naming the field', async () => {
    expect((await post({ ...HANGZHOU, code: 'hz-01' }).expect(409)).body.code).toBe('warehouses.code_taken');
    const empty = await post({ ...HANGZHOU, code: 'V-1', type: 'virtual' }).expect(422);
    expect(empty.body).toMatchObject({ code: 'warehouses.invalid_pool', details: { fields: [{ field: 'memberIds' }] } });
    await post({ ...HANGZHOU, code: 'P-1', memberIds: [hz] }).expect(422);
    const pool = (await t.http.get('/api/warehouses').query({ filter: JSON.stringify({ type: 'virtual' }) }).auth(admin, bearer)).body[0];
    await post({ ...HANGZHOU, code: 'V-2', type: 'virtual', memberIds: [pool.id] }).expect(422);
    const bad = await post({ ...HANGZHOU, code: 'BAD-1', address: { country: 'China', city: '' }, cutoffTime: '25:00' }).expect(400);
    const fields = bad.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['address.country', 'address.province', 'address.city', 'cutoffTime']));
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM warehouse`);
    expect(n).toBe(3);
  });

  it('shows warehouse staff only their own warehouses; others answer 404', async () => {
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [hz] });
    const list = await t.http.get('/api/warehouses').auth(staff.token, bearer).expect(200);
    expect(list.body.map((w: { id: string }) => w.id)).toEqual([hz]);
    expect(list.headers['content-range']).toBe('warehouses 0-0/1');
    await t.http.get(`/api/warehouses/${gz}`).auth(staff.token, bearer).expect(404);
    await t.http.post('/api/warehouses').auth(staff.token, bearer).send({ ...HANGZHOU, code: 'X-1' }).expect(403);
  });

  it('lets a viewer read every warehouse but change none', async () => {
    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    const list = await t.http.get('/api/warehouses').auth(viewer.token, bearer).expect(200);
    expect(list.body).toHaveLength(3);
    const record = list.body[0];
    await t.http.put(`/api/warehouses/${record.id}`).auth(viewer.token, bearer).send({ ...record, name: 'x' }).expect(403);
  });
});

import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';

const SHIRT = {
  sku: 'TSHIRT-BLU-M',
  name: '纯棉T恤 蓝色 M / Cotton T-shirt blue M',
  attributes: { color: 'blue', size: 'M' },
  barcodes: ['6901234567892'],
  weightGrams: 180,
  lengthMm: 300,
  widthMm: 250,
  heightMm: 20,
  priceMinor: 9900,
  currency: 'CNY',
};

describe('products', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  const api = () => ({
    post: (path: string) => t.http.post(path).auth(admin, bearer),
    get: (path: string) => t.http.get(path).auth(admin, bearer),
    put: (path: string) => t.http.put(path).auth(admin, bearer),
    delete: (path: string) => t.http.delete(path).auth(admin, bearer),
  });

  it('creates a product, lists and finds it by SKU, name or barcode, and audits it', async () => {
    const created = await api().post('/api/products').send(SHIRT).expect(201);
    expect(created.body).toMatchObject({ ...SHIRT, active: true, purchaseLimit: null });
    for (const q of ['tshirt-blu', '蓝色', '6901234567892']) {
      const res = await api().get('/api/products').query({ filter: JSON.stringify({ q }) }).expect(200);
      expect(res.body.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
      expect(res.headers['content-range']).toBe('products 0-0/1');
    }
    const audit = await query(t, `SELECT action FROM audit_log WHERE entity_id = $1`, [created.body.id]);
    expect(audit).toEqual([{ action: 'product.create' }]);
  });

  it('edits with the whole record sent back, and records only real changes', async () => {
    const [{ id }] = await query<{ id: string }>(t, `SELECT id FROM product WHERE sku = $1`, [SHIRT.sku]);
    const record = (await api().get(`/api/products/${id}`).expect(200)).body;
    await api().put(`/api/products/${id}`).send(record).expect(200);
    const res = await api().put(`/api/products/${id}`).send({ ...record, priceMinor: 8900, purchaseLimit: 3 }).expect(200);
    expect(res.body).toMatchObject({ priceMinor: 8900, purchaseLimit: 3 });
    const [entry] = await query<{ changes: { field: string }[] }>(
      t,
      `SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'product.update'`,
      [id],
    );
    expect(entry.changes.map((c) => c.field)).toEqual(['priceMinor', 'purchaseLimit', 'updatedAt']);
  });

  it('refuses a second product with the same SKU in any case, or the same barcode', async () => {
    const sku = await api().post('/api/products').send({ ...SHIRT, sku: 'tshirt-blu-m', barcodes: [] }).expect(409);
    expect(sku.body.code).toBe('products.sku_taken');
    const barcode = await api().post('/api/products').send({ ...SHIRT, sku: 'OTHER-1' }).expect(409);
    expect(barcode.body).toMatchObject({ code: 'products.barcode_taken' });
    const [{ n }] = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM product`);
    expect(n).toBe(1);
  });

  it('answers bad input with 400 or 422 naming the fields', async () => {
    const res = await api()
      .post('/api/products')
      .send({ sku: 'bad sku!', name: '', priceMinor: -1, currency: 'yuan', weightGrams: 1.5, extra: 1 })
      .expect(400);
    const fields = res.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['sku', 'name', 'priceMinor', 'currency', 'weightGrams', 'extra']));
    const attrs = await api().post('/api/products').send({ ...SHIRT, sku: 'ATTR-1', barcodes: [], attributes: { color: 1 } }).expect(422);
    expect(attrs.body.details.fields[0].field).toBe('attributes');
    await api().get('/api/products/not-a-uuid').expect(400);
    await api().get('/api/products/019ab000-0000-7000-8000-00000000ffff').expect(404);
    await api().get('/api/products').query({ sort: JSON.stringify(['weightGrams', 'ASC']) }).expect(400);
  });

  it('lets every role read the catalogue and only administrators change it', async () => {
    const viewer = await createUser(t, { roleKeys: ['viewer'] });
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'] });
    await t.http.get('/api/products').auth(viewer.token, bearer).expect(200);
    await t.http.get('/api/products').auth(staff.token, bearer).expect(200);
    const refused = await t.http.post('/api/products').auth(viewer.token, bearer).send({ ...SHIRT, sku: 'NEW-1' }).expect(403);
    expect(refused.body.code).toBe('access.forbidden');
    await t.http.get('/api/products').expect(401);
  });

  it('deletes a product and says so in the audit log', async () => {
    const created = await api().post('/api/products').send({ ...SHIRT, sku: 'GONE-1', barcodes: [] }).expect(201);
    await api().delete(`/api/products/${created.body.id}`).expect(200);
    await api().get(`/api/products/${created.body.id}`).expect(404);
    const audit = await query(t, `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [created.body.id]);
    expect(audit).toEqual([{ action: 'product.create' }, { action: 'product.delete' }]);
  });
});

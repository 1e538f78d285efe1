import { ProductChanged } from '@oms/catalog';
import { adminToken, bearer } from '../../../test/support/access.js';
import { KeepProductNamesOnStock } from '../src/application/keep-product-names.handler.js';
import { bootTestApp, eventually, type TestApp } from '../../../test/support/app.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', line1: '1 号' };

describe('stock found by product name', () => {
  let t: TestApp;
  let admin: string;
  let productId: string;

  const search = async (q: string) =>
    (await t.http.get('/api/stock-levels').query({ filter: JSON.stringify({ q }) }).auth(admin, bearer).expect(200)).body as {
      sku: string;
      productName: string;
    }[];

  beforeAll(async () => {
    t = await bootTestApp({ roles: ['api', 'worker'] });
    admin = await adminToken(t);
    const warehouse = (await t.http.post('/api/warehouses').auth(admin, bearer).send({ code: 'HZ', name: 'HZ', type: 'physical', address: ADDRESS }).expect(201)).body.id;
    productId = (
      await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'MUG-RED', name: '陶瓷马克杯 红', priceMinor: 4900, currency: 'CNY' }).expect(201)
    ).body.id;
    await t.http.post('/api/products').auth(admin, bearer).send({ sku: 'TEE-S', name: 'Cotton T-shirt', priceMinor: 9900, currency: 'CNY' }).expect(201);
    for (const sku of ['MUG-RED', 'TEE-S']) {
      await t.http.post('/api/stock-movements').auth(admin, bearer).send({ sku, warehouseId: warehouse, type: 'receipt', quantity: 3, reason: 'r' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('searches stock levels by SKU or product name', async () => {
    expect((await search('马克杯')).map((l) => [l.sku, l.productName])).toEqual([['MUG-RED', '陶瓷马克杯 红']]);
    expect((await search('cotton')).map((l) => l.sku)).toEqual(['TEE-S']);
    expect((await search('mug-r')).map((l) => l.sku)).toEqual(['MUG-RED']);
  });

  it('follows a product renamed in the catalogue', async () => {
    await t.http.put(`/api/products/${productId}`).auth(admin, bearer).send({ name: 'Ceramic mug, red' }).expect(200);
    await eventually(async () => (await search('ceramic')).length === 1, 20_000, 'the new name on stock');
    expect(await search('马克杯')).toEqual([]);
  });

  it('keeps the current name when an older change arrives late', async () => {
    const stale = new ProductChanged('product', productId, { productId, sku: 'MUG-RED', name: '陶瓷马克杯 红', active: true });
    await t.app.get(KeepProductNamesOnStock).handle(stale);
    expect((await search('MUG-RED')).map((l) => l.productName)).toEqual(['Ceramic mug, red']);
  });
});

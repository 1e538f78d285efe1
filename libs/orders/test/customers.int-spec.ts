import { adminToken, bearer, createUser } from '../../../test/support/access.js';
import { bootTestApp, type TestApp } from '../../../test/support/app.js';

const ADDRESS = { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 1 号' };

describe('customers', () => {
  let t: TestApp;
  let admin: string;

  const order = async (customer: { name: string; phone: string; email?: string }, unitPriceMinor = 1000) =>
    (
      await t.http
        .post('/api/orders')
        .auth(admin, bearer)
        .send({
          customer,
          shippingAddress: ADDRESS,
          lines: [{ sku: 'ANY', quantity: 1, unitPriceMinor }],
          currency: 'CNY',
          payment: { method: 'alipay', status: 'paid' },
        })
        .expect(201)
    ).body as { id: string; customerId: string; totalMinor: number };
  const customer = async (id: string) => (await t.http.get(`/api/customers/${id}`).auth(admin, bearer).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  it('matches orders to one customer by phone (however it is written) or email, with their figures', async () => {
    const first = await order({ name: '孙八', phone: '13512345678', email: 'sun@example.com' }, 1000);
    const second = await order({ name: '孙八', phone: '+86 135-1234-5678' }, 2000);
    const third = await order({ name: 'Sun Ba', phone: '010-12345678', email: 'SUN@example.com' }, 3000);
    expect(new Set([first.customerId, second.customerId, third.customerId]).size).toBe(1);
    const c = await customer(first.customerId);
    // The latest order's name and email are the customer's now.
    expect(c).toMatchObject({ orderCount: 3, totalSpentMinor: 6000, currency: 'CNY', phone: '13512345678', name: 'Sun Ba', email: 'SUN@example.com' });
    expect(c.orders.map((o: { id: string }) => o.id)).toEqual([third.id, second.id, first.id]);
    expect(new Date(c.firstOrderAt) <= new Date(c.lastOrderAt)).toBe(true);
  });

  it('stops counting an order once it is cancelled', async () => {
    const o = await order({ name: '周九', phone: '13612345678' }, 5000);
    await t.http.post(`/api/orders/${o.id}/cancel`).auth(admin, bearer).send({ reason: 'x' }).expect(200);
    expect(await customer(o.customerId)).toMatchObject({ orderCount: 0, totalSpentMinor: 0 });
  });

  it('keeps the figures right when orders are split, merged or their lines change', async () => {
    const phone = '13912348888';
    const pending = (
      await t.http
        .post('/api/orders')
        .auth(admin, bearer)
        .send({
          customer: { name: '冯十二', phone },
          shippingAddress: ADDRESS,
          lines: [{ sku: 'ANY', quantity: 2, unitPriceMinor: 1000 }],
          currency: 'CNY',
          payment: { method: 'bank_transfer', status: 'pending' },
        })
        .expect(201)
    ).body as { id: string; customerId: string };
    expect(await customer(pending.customerId)).toMatchObject({ orderCount: 1, totalSpentMinor: 2000 });
    const act = (id: string, action: string, body: object) => t.http.post(`/api/orders/${id}/${action}`).auth(admin, bearer).send(body).expect(200);
    await act(pending.id, 'update-lines', { lines: [{ sku: 'ANY', quantity: 3, unitPriceMinor: 1000 }] });
    expect(await customer(pending.customerId)).toMatchObject({ orderCount: 1, totalSpentMinor: 3000 });
    await act(pending.id, 'split', { parts: [{ lines: [{ lineId: '1', quantity: 1 }] }] });
    expect(await customer(pending.customerId)).toMatchObject({ orderCount: 2, totalSpentMinor: 3000 });
    const first = await order({ name: '冯十二', phone }, 500);
    const second = await order({ name: '冯十二', phone }, 700);
    expect(await customer(pending.customerId)).toMatchObject({ orderCount: 4, totalSpentMinor: 4200 });
    // Two orders become one: one order fewer, the same spent.
    await act(first.id, 'merge', { orderIds: [second.id] });
    expect(await customer(pending.customerId)).toMatchObject({ orderCount: 3, totalSpentMinor: 4200 });
  });

  it('makes one customer of the same new customer ordering twice at once', async () => {
    const [a, b] = await Promise.all([order({ name: '吴十', phone: '13712345678' }), order({ name: '吴十', phone: '13712345678' })]);
    expect(a.customerId).toBe(b.customerId);
    expect(await customer(a.customerId)).toMatchObject({ orderCount: 2 });
  });

  it('lists and searches customers, masked for roles that see contact details masked, and refuses bad input', async () => {
    await order({ name: '郑十一', phone: '13812349999' });
    const found = (await t.http.get('/api/customers').query({ filter: JSON.stringify({ q: '郑十一' }) }).auth(admin, bearer).expect(200)).body;
    expect(found).toEqual([expect.objectContaining({ name: '郑十一', phone: '13812349999', orderCount: 1 })]);
    await t.http.get('/api/customers').query({ filter: JSON.stringify({ channelId: 'x' }) }).auth(admin, bearer).expect(400);
    await t.http.get('/api/customers/nope').auth(admin, bearer).expect(400);
    const staff = await createUser(t, { roleKeys: ['warehouse_staff'] });
    await t.http.get('/api/customers').auth(staff.token, bearer).expect(403);
    const service = await createUser(t, { roleKeys: ['customer_service'] });
    await t.http.get('/api/customers').auth(service.token, bearer).expect(200);
    await t.http.get('/api/customers').expect(401);
  });
});

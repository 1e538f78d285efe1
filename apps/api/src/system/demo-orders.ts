import type { INestApplicationContext } from '@nestjs/common';
import { DomainError, UnitOfWork } from '@oms/core';
import { ProductsService } from '@oms/catalog';
import { OrderSettingsService, OrdersService } from '@oms/orders';

/** A small deterministic random source, so every demo shop looks the same. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)], int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const NAMES = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴婷', '徐强', '孙丽', '马超', '朱琳', '胡军', '郭敏', '何佳', '高翔', '林晓', '罗丹'];
const ADDRESSES = [
  { country: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 90 号', postcode: '310012' },
  { country: 'CN', province: '浙江省', city: '宁波市', district: '鄞州区', line1: '天童南路 588 号', postcode: '315100' },
  { country: 'CN', province: '江苏省', city: '南京市', district: '鼓楼区', line1: '中山北路 30 号', postcode: '210008' },
  { country: 'CN', province: '上海市', city: '上海市', district: '浦东新区', line1: '世纪大道 100 号', postcode: '200120' },
  { country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: '科技园南区 6 栋', postcode: '518057' },
  { country: 'CN', province: '广东省', city: '广州市', district: '天河区', line1: '体育西路 191 号', postcode: '510620' },
  { country: 'CN', province: '北京市', city: '北京市', district: '海淀区', line1: '中关村大街 27 号', postcode: '100080' },
  { country: 'CN', province: '山东省', city: '青岛市', district: '市南区', line1: '香港中路 76 号', postcode: '266071' },
];
/** Outside every demo warehouse's regions. */
const FAR = { country: 'CN', province: '四川省', city: '成都市', district: '武侯区', line1: '人民南路四段 1 号', postcode: '610041' };
const BLOCKED_PHONE = '13000000000';

interface Product {
  sku: string;
  priceMinor: number;
}

/**
 * About three hundred orders over the last 30 days, entered through the same commands as real
 * ones: most clean and approved (the worker then allocates them, backordering what is short),
 * some waiting for payment, some flagged by each audit rule and on hold, a few handed to the
 * warehouse (one or two with a cancellation waiting for the warehouse's answer), shipped,
 * delivered and completed, a few cancelled or rejected, and a few for a SKU the shop has stopped
 * selling.
 */
export async function seedDemoOrders(app: INestApplicationContext): Promise<string> {
  const orders = app.get(OrdersService);
  const settings = app.get(OrderSettingsService);
  await settings.put({ blockList: [{ kind: 'phone', value: BLOCKED_PHONE }] });
  const products: Product[] = await app.get(UnitOfWork).manager.query(
    `SELECT sku, price_minor::float8 AS "priceMinor" FROM product WHERE active ORDER BY sku`,
  );
  const warehouseIds: string[] = (
    await app.get(UnitOfWork).manager.query(`SELECT id FROM warehouse WHERE type = 'physical' AND active ORDER BY priority, code`)
  ).map((w: { id: string }) => w.id);
  const rnd = random(20261125);
  const now = Date.now();
  const placedAt = () => new Date(now - rnd.int(10, 30 * 24 * 60) * 60_000).toISOString();
  const customers = NAMES.map((name, i) => ({ name, phone: `1${[3, 5, 7, 8][i % 4]}${String(10000000 + i * 7919).padStart(9, '0')}` }));
  const lines = (n = rnd.int(1, 3)) =>
    [...new Set(Array.from({ length: n }, () => rnd.pick(products)))].map((p) => ({ sku: p.sku, quantity: rnd.int(1, 2), unitPriceMinor: p.priceMinor }));

  type Plan = {
    body: Parameters<OrdersService['create']>[0];
    then?: 'approve' | 'cancel' | 'reject' | 'hold' | 'approve_anyway' | 'fulfil' | 'fulfil_then_cancel' | 'ship' | 'deliver' | 'complete';
  };
  const plans: Plan[] = [];
  const base = (over: Partial<Plan['body']> = {}): Plan['body'] => {
    const customer = rnd.pick(customers);
    return {
      customer: { ...customer, email: undefined },
      shippingAddress: rnd.pick(ADDRESSES),
      lines: lines(),
      currency: 'CNY',
      shippingFeeMinor: rnd.pick([0, 0, 800, 1000]),
      payment: { method: rnd.pick(['alipay', 'wechat_pay', 'unionpay']), status: 'paid' },
      tags: rnd.next() < 0.15 ? [rnd.pick(['vip', 'gift', 'urgent'])] : [],
      placedAt: placedAt(),
      ...over,
    };
  };
  for (let i = 0; i < 230; i++) {
    const roll = rnd.next();
    plans.push({ body: base(), then: roll < 0.7 ? 'approve' : roll < 0.8 ? 'cancel' : roll < 0.85 ? 'hold' : undefined });
  }
  for (let i = 0; i < 12; i++) plans.push({ body: base({ payment: { method: rnd.pick(['alipay', 'wechat_pay']), status: 'pending' } }) });
  // A few orders for each audit rule to flag.
  const flagged: Plan['body'][] = [];
  for (let i = 0; i < 4; i++) {
    flagged.push(base({ shippingAddress: { ...rnd.pick(ADDRESSES), line1: '' } }));
    flagged.push(base({ shippingAddress: FAR }));
    flagged.push(base({ customer: { name: rnd.pick(NAMES), phone: `0${rnd.int(1000, 9999)}` } }));
    flagged.push(base({ lines: [{ sku: `OLD-${100 + i}`, quantity: 1, unitPriceMinor: 5900 }] }));
    flagged.push(base({ payment: { method: 'bank_transfer', status: 'pending' } }));
    flagged.push(base({ lines: [{ sku: products.find((p) => p.sku.startsWith('EARB'))?.sku ?? products[0].sku, quantity: 3, unitPriceMinor: 39900 }] }));
    flagged.push(base({ lines: [{ sku: rnd.pick(products).sku, quantity: 60, unitPriceMinor: 12900 }] }));
    flagged.push(base({ customer: { name: '黑名单客户', phone: BLOCKED_PHONE } }));
  }
  for (const [i, body] of flagged.entries()) plans.push({ body, then: i % 5 === 0 ? 'approve_anyway' : i % 7 === 0 ? 'reject' : undefined });
  // The same order twice within a day: a suspected duplicate.
  const twice = base();
  plans.push({ body: twice }, { body: { ...twice, placedAt: new Date(new Date(twice.placedAt!).getTime() + 3_600_000).toISOString() } });

  plans.sort((a, b) => a.body.placedAt!.localeCompare(b.body.placedAt!));
  // Handed to the warehouse by hand (allocated from a warehouse that has the stock), a few of
  // them with a cancellation the warehouse has yet to answer.
  // and some shipped since: delivered, and completed by the customer's confirmation.
  const after = ['fulfil_then_cancel', 'fulfil', 'fulfil', 'ship', 'deliver', 'complete'] as const;
  for (let i = 0; i < 18; i++) plans.push({ body: base(), then: after[i % after.length] });

  let created = 0;
  for (const plan of plans) {
    const { id } = await orders.create(plan.body);
    created++;
    try {
      if (plan.then === 'approve') await orders.approve(id);
      if (plan.then === 'approve_anyway') await orders.approve(id, '已电话确认 Confirmed by phone');
      if (plan.then === 'cancel') await orders.cancel(id, '客户取消 Cancelled by the customer');
      if (plan.then === 'reject') await orders.reject(id, '疑似欺诈 Suspected fraud');
      if (plan.then === 'hold') await orders.hold(id, '等待客户确认颜色 Waiting for the customer to confirm the colour');
      if (plan.then && ['fulfil', 'fulfil_then_cancel', 'ship', 'deliver', 'complete'].includes(plan.then)) {
        await orders.approve(id);
        // The worker's saga may get there first: either way the order is allocated, or stays as it is.
        await allocateFromAny(orders, id, warehouseIds);
        await orders.startFulfillment(id);
        if (plan.then === 'fulfil_then_cancel') await orders.cancel(id, '客户要求取消 The customer asked to cancel');
        if (plan.then === 'ship' || plan.then === 'deliver' || plan.then === 'complete') {
          await orders.ship(id, { carrier: rnd.pick(['顺丰速运', '中通快递', '京东物流', 'EMS']), trackingNumber: `SF${String(1400000000000 + created * 7919)}` });
        }
        if (plan.then === 'deliver' || plan.then === 'complete') await orders.recordDelivery(id);
        if (plan.then === 'complete') await orders.complete(id);
      }
    } catch (e) {
      // A flagged order cannot be approved without a reason, nor held twice: it stays as it is.
      if (!(e instanceof DomainError)) throw e;
    }
  }
  // A SKU the shop stopped selling, still on a few orders that now wait for review.
  const [discontinued] = products.slice(-1);
  const [{ id: discontinuedId }] = await app.get(UnitOfWork).manager.query(`SELECT id FROM product WHERE sku = $1`, [discontinued.sku]);
  await app.get(ProductsService).update(discontinuedId, { active: false });
  for (let i = 0; i < 3; i++) {
    await orders.create(base({ lines: [{ sku: discontinued.sku, quantity: 1, unitPriceMinor: discontinued.priceMinor }], placedAt: new Date(now - (i + 1) * 3_600_000).toISOString() }));
    created++;
  }
  return `${created} demo orders over the last 30 days`;
}

/** Allocates the whole order by hand from the first warehouse that has all of it; false when none has. */
async function allocateFromAny(orders: OrdersService, id: string, warehouseIds: string[]): Promise<boolean> {
  for (const warehouseId of warehouseIds) {
    try {
      const { status } = await orders.allocate(id, { warehouseId });
      if (status === 'allocated') return true;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
  }
  return false;
}

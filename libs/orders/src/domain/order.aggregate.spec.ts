import { type Actor, type NewOrder, Order } from './order.aggregate.js';

const AT: Actor = { id: 'user-1', at: '2026-11-25T08:00:00.000Z' };
const SYSTEM: Actor = { id: null, at: '2026-11-25T08:00:01.000Z' };

function newOrder(over: Partial<NewOrder> = {}): NewOrder {
  return {
    id: '0193a000-0000-7000-8000-000000000001',
    number: 'SO-20261125-000001',
    channelId: '0193a000-0000-7000-8000-0000000000c1',
    currency: 'CNY',
    customer: { name: '张三', phone: '13800138000' },
    shippingAddress: { country: 'CN', province: '浙江省', city: '杭州市', line1: '文一西路 1 号' },
    lines: [
      { id: 'l1', sku: 'TEE-WHITE-M', name: '纯棉T恤', quantity: 2, unitPriceMinor: 9900, discountMinor: 800 },
      { id: 'l2', sku: 'MUG-RED', name: '马克杯', quantity: 1, unitPriceMinor: 4900, taxMinor: 300 },
    ],
    shippingFeeMinor: 1000,
    payment: { method: 'alipay', instant: true, status: 'paid' },
    ...over,
  };
}

const types = (order: Order) => order.pullEvents().map((e) => e.type);

describe('the order', () => {
  it('computes its totals from the lines, never from input', () => {
    const order = Order.create(newOrder(), AT);
    expect(order.snapshot).toMatchObject({
      subtotalMinor: 2 * 9900 + 4900,
      discountMinor: 800,
      taxMinor: 300,
      shippingFeeMinor: 1000,
      totalMinor: 2 * 9900 + 4900 - 800 + 300 + 1000,
    });
    expect(order.snapshot.lines.map((l) => l.totalMinor)).toEqual([2 * 9900 - 800, 4900 + 300]);
    expect(order.snapshot.payment).toMatchObject({ status: 'paid', paidAmountMinor: order.snapshot.totalMinor, paidAt: AT.at });
    expect(types(order)).toEqual(['orders.order-created']);
  });

  it('waits for payment when an instant method has not settled, and goes to review when it has or when it settles later', () => {
    expect(Order.create(newOrder({ payment: { method: 'alipay', instant: true, status: 'pending' } }), AT).status).toBe('pending_payment');
    expect(Order.create(newOrder(), AT).status).toBe('pending_review');
    expect(Order.create(newOrder({ payment: { method: 'cash_on_delivery', instant: false, status: 'pending' } }), AT).status).toBe(
      'pending_review',
    );
  });

  it('refuses lines, prices and payments that do not add up', () => {
    const bad: [Partial<NewOrder>, string][] = [
      [{ lines: [] }, 'lines'],
      [{ lines: [{ id: 'l', sku: 'A', name: 'A', quantity: 0, unitPriceMinor: 1 }] }, 'lines[0].quantity'],
      [{ lines: [{ id: 'l', sku: 'A', name: 'A', quantity: 1, unitPriceMinor: -1 }] }, 'lines[0].unitPriceMinor'],
      [{ lines: [{ id: 'l', sku: 'A', name: 'A', quantity: 1, unitPriceMinor: 1.5 }] }, 'lines[0].unitPriceMinor'],
      [{ lines: [{ id: 'l', sku: 'A', name: 'A', quantity: 1, unitPriceMinor: 100, discountMinor: 101 }] }, 'lines[0].discountMinor'],
      [{ shippingFeeMinor: -5 }, 'shippingFeeMinor'],
      [{ payment: { method: 'alipay', instant: true, status: 'paid', paidAmountMinor: 1 } }, 'payment.paidAmountMinor'],
    ];
    for (const [over, field] of bad) {
      expect(() => Order.create(newOrder(over), AT)).toThrow(expect.objectContaining({ code: 'orders.invalid', details: { fields: [expect.objectContaining({ field })] } }));
    }
  });

  it('goes on hold when the audit fails, and is approved by it when everything passes and auto-approval is on', () => {
    const flagged = Order.create(newOrder(), AT);
    flagged.recordAudit({ passed: false, flags: [{ code: 'ADDRESS_INCOMPLETE', message: 'No district' }] }, true, SYSTEM);
    expect(flagged.status).toBe('on_hold');
    expect(flagged.openFlags.map((f) => f.code)).toEqual(['ADDRESS_INCOMPLETE']);

    const clean = Order.create(newOrder(), AT);
    clean.pullEvents();
    clean.recordAudit({ passed: true, flags: [] }, true, SYSTEM);
    expect(clean.status).toBe('approved');
    expect(types(clean)).toEqual(['orders.order-audited', 'orders.order-approved']);

    const manual = Order.create(newOrder(), AT);
    manual.recordAudit({ passed: true, flags: [] }, false, SYSTEM);
    expect(manual.status).toBe('pending_review');
  });

  it('approves an order with open flags only anyway, with a reason, and resolves them', () => {
    const order = Order.create(newOrder(), AT);
    order.recordAudit({ passed: false, flags: [{ code: 'AMOUNT_NEEDS_REVIEW', message: 'Over ¥5,000' }] }, true, SYSTEM);
    expect(() => order.approve(undefined, AT)).toThrow(expect.objectContaining({ code: 'orders.unresolved_flags' }));
    expect(() => order.approve('   ', AT)).toThrow(expect.objectContaining({ code: 'orders.unresolved_flags' }));
    order.pullEvents();
    order.approve('Known customer, called to confirm', AT);
    expect(order.status).toBe('approved');
    expect(order.snapshot.flags[0]).toMatchObject({ resolvedAt: AT.at, resolvedBy: AT.id, resolution: 'approved_anyway' });
    expect(order.pullEvents()[0].payload).toMatchObject({ from: 'on_hold', to: 'approved', approvedAnyway: true, reason: 'Known customer, called to confirm' });
  });

  it('resolves an audit flag once a later audit no longer raises it (the address was fixed)', () => {
    const order = Order.create(newOrder(), AT);
    order.recordAudit({ passed: false, flags: [{ code: 'ADDRESS_INCOMPLETE', message: 'x' }] }, true, SYSTEM);
    order.updateAddress({ country: 'CN', province: '浙江省', city: '杭州市', district: '余杭区', line1: '文一西路 1 号' }, AT);
    order.release(AT);
    order.recordAudit({ passed: true, flags: [] }, true, SYSTEM);
    expect(order.status).toBe('approved');
    expect(order.snapshot.flags).toEqual([expect.objectContaining({ code: 'ADDRESS_INCOMPLETE', resolution: 'fixed' })]);
  });

  it('refuses an illegal move naming the status and the action', () => {
    const order = Order.create(newOrder(), AT);
    order.cancel('Customer asked', AT);
    expect(() => order.approve('x', AT)).toThrow(
      expect.objectContaining({ code: 'orders.illegal_transition', kind: 'conflict', details: { status: 'cancelled', action: 'approve' } }),
    );
  });

  it('says on cancellation whether the order held stock', () => {
    const allocated = Order.create(newOrder(), AT);
    allocated.approve(null, AT);
    allocated.recordAllocation('allocated', { id: 'alloc-1', sequence: 1 }, ['w1'], SYSTEM);
    allocated.pullEvents();
    allocated.cancel('Customer asked', AT);
    expect(allocated.pullEvents()[0].payload).toMatchObject({ from: 'allocated', to: 'cancelled', heldStock: true });
    const fresh = Order.create(newOrder(), AT);
    fresh.pullEvents();
    fresh.cancel('Duplicate', AT);
    expect(fresh.pullEvents()[0].payload).toMatchObject({ heldStock: false });
  });

  it('changes lines only before approval and the address until the warehouse has it, keeping a paid total', () => {
    const order = Order.create(newOrder({ payment: { method: 'bank_transfer', instant: false, status: 'pending' } }), AT);
    order.updateLines([{ id: 'l1', sku: 'TEE-WHITE-M', name: 'T', quantity: 1, unitPriceMinor: 9900 }], AT);
    expect(order.snapshot.totalMinor).toBe(9900 + 1000);
    const paid = Order.create(newOrder(), AT);
    expect(() => paid.updateLines([{ id: 'l1', sku: 'X', name: 'X', quantity: 1, unitPriceMinor: 1 }], AT)).toThrow(
      expect.objectContaining({ code: 'orders.invalid' }),
    );
    expect(paid.snapshot.lines).toHaveLength(2);
    paid.approve(null, AT);
    // Approved once, its lines stay as inventory got them, even on hold again.
    expect(() => paid.updateLines(paid.snapshot.lines, AT)).toThrow(expect.objectContaining({ code: 'orders.not_editable' }));
    paid.recordAllocation('backordered', { id: 'a', sequence: 1 }, [], SYSTEM);
    paid.hold('Customer calls back', AT);
    expect(() => paid.updateLines(paid.snapshot.lines, AT)).toThrow(
      expect.objectContaining({ code: 'orders.not_editable', details: { status: 'on_hold', since: 'approved' } }),
    );
    // The address may change until the warehouse has the order.
    paid.updateAddress({ ...paid.snapshot.shippingAddress, line1: '新地址 1 号' }, AT);
    expect(paid.snapshot.shippingAddress.line1).toBe('新地址 1 号');
  });

  it('records each allocation once, in order: a late or repeated answer changes nothing', () => {
    const order = Order.create(newOrder(), AT);
    order.approve(null, AT);
    expect(order.recordAllocation('partially_allocated', { id: 'a1', sequence: 1 }, ['w1'], SYSTEM)).toBe(true);
    expect(order.recordAllocation('allocated', { id: 'a2', sequence: 2 }, ['w2'], SYSTEM)).toBe(true);
    order.pullEvents();
    expect(order.recordAllocation('partially_allocated', { id: 'a1', sequence: 1 }, ['w1'], SYSTEM)).toBe(false);
    expect(order.pullEvents()).toEqual([]);
    expect(order.snapshot).toMatchObject({ status: 'allocated', allocationSequence: 2, warehouseIds: ['w1', 'w2'] });
  });

  it('says on cancellation or rejection of an order approved once that stock may be held', () => {
    const held = Order.create(newOrder(), AT);
    held.approve(null, AT);
    held.hold('Check the colour', AT);
    held.pullEvents();
    held.cancel('Customer asked', AT);
    expect(held.pullEvents()[0].payload).toMatchObject({ from: 'on_hold', heldStock: false, mayHoldStock: true });
    const rejected = Order.create(newOrder(), AT);
    rejected.approve(null, AT);
    rejected.hold('Fraud check', AT);
    rejected.pullEvents();
    rejected.reject('Fraud', AT);
    expect(rejected.pullEvents()[0].payload).toMatchObject({ from: 'on_hold', mayHoldStock: true });
    const never = Order.create(newOrder(), AT);
    never.pullEvents();
    never.reject('Fraud', AT);
    expect(never.pullEvents()[0].payload).toMatchObject({ mayHoldStock: false });
  });

  it('records remarks and changes of tags as events, and tags set again unchanged as none', () => {
    const order = Order.create(newOrder({ tags: ['gift'] }), AT);
    order.pullEvents();
    order.addRemark('Called the customer', AT);
    order.setTags(['gift', 'vip', 'gift'], AT);
    order.setTags(['gift', 'vip'], AT);
    const events = order.pullEvents();
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ['orders.order-remark-added', AT.id],
      ['orders.order-tags-changed', AT.id],
    ]);
    expect(events[1].payload).toMatchObject({ before: ['gift'], after: ['gift', 'vip'] });
    expect(order.snapshot).toMatchObject({ sellerRemark: 'Called the customer', tags: ['gift', 'vip'] });
  });

  it('confirms a payment only for the order total', () => {
    const order = Order.create(newOrder({ payment: { method: 'alipay', instant: true, status: 'pending' } }), AT);
    expect(() => order.confirmPayment({ paidAmountMinor: 1 }, AT)).toThrow(expect.objectContaining({ code: 'orders.invalid' }));
    order.confirmPayment({ reference: 'TX-1' }, AT);
    expect(order.status).toBe('pending_review');
    expect(order.snapshot.payment).toMatchObject({ status: 'paid', reference: 'TX-1', paidAmountMinor: order.snapshot.totalMinor });
  });
});

describe('splitting and merging', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `child-${i}`, number: `SO-20261125-90000${i}` }));

  it('splits lines and quantities off into child orders, keeping every minor unit', () => {
    const order = Order.create(newOrder(), AT);
    const before = order.snapshot.totalMinor;
    const [child] = order.splitOff([[{ lineId: 'l1', quantity: 1 }, { lineId: 'l2', quantity: 1 }]], ids(1), AT);
    expect(child.snapshot).toMatchObject({ parentId: order.snapshot.id, status: 'pending_review', shippingFeeMinor: 0 });
    expect(child.snapshot.lines.map((l) => [l.sku, l.quantity])).toEqual([['TEE-WHITE-M', 1], ['MUG-RED', 1]]);
    expect(order.snapshot.lines.map((l) => [l.sku, l.quantity])).toEqual([['TEE-WHITE-M', 1]]);
    expect(order.snapshot.totalMinor + child.snapshot.totalMinor).toBe(before);
    expect(order.snapshot.discountMinor + child.snapshot.discountMinor).toBe(800);
    expect(child.snapshot.payment.paidAmountMinor).toBe(child.snapshot.totalMinor);
    expect(order.pullEvents().at(-1)!.type).toBe('orders.order-split');
    expect(child.pullEvents().map((e) => e.type)).toEqual(['orders.order-created']);
  });

  it('refuses parts that do not add up, or that would empty the order', () => {
    const order = Order.create(newOrder(), AT);
    expect(() => order.splitOff([[{ lineId: 'l9', quantity: 1 }]], ids(1), AT)).toThrow(expect.objectContaining({ code: 'orders.invalid' }));
    expect(() => order.splitOff([[{ lineId: 'l1', quantity: 3 }]], ids(1), AT)).toThrow(expect.objectContaining({ code: 'orders.cannot_combine' }));
    expect(() => order.splitOff([[{ lineId: 'l1', quantity: 2 }], [{ lineId: 'l2', quantity: 1 }]], ids(2), AT)).toThrow(
      expect.objectContaining({ code: 'orders.cannot_combine' }),
    );
    expect(order.snapshot.lines).toHaveLength(2);
  });

  it('merges orders of the same customer, address and channel; the others are cancelled as merged', () => {
    const a = Order.create(newOrder(), AT);
    const b = Order.create(newOrder({ id: 'b', number: 'SO-B' }), AT);
    const total = a.snapshot.totalMinor + b.snapshot.totalMinor;
    a.absorb([b], AT);
    expect(a.snapshot.totalMinor).toBe(total);
    expect(a.snapshot.lines).toHaveLength(4);
    expect(b.snapshot).toMatchObject({ status: 'cancelled', mergedIntoId: a.snapshot.id });
    const c = Order.create(newOrder({ id: 'c', number: 'SO-C', shippingAddress: { country: 'CN', province: '广东省', city: '广州市', line1: '天河路 1 号' } }), AT);
    expect(() => a.absorb([c], AT)).toThrow(expect.objectContaining({ code: 'orders.cannot_combine' }));
    const approved = Order.create(newOrder({ id: 'd', number: 'SO-D' }), AT);
    approved.approve(null, AT);
    expect(() => a.absorb([approved], AT)).toThrow(expect.objectContaining({ code: 'orders.not_editable' }));
  });
});

describe('cancelling an order the warehouse has', () => {
  const inFulfillment = () => {
    const order = Order.create(newOrder(), AT);
    order.approve(null, AT);
    order.recordAllocation('allocated', { id: 'a', sequence: 1 }, ['w1'], SYSTEM);
    order.startFulfillment(AT);
    order.pullEvents();
    return order;
  };

  it('becomes a request the warehouse confirms (then cancelled, stock given back) or refuses (the order goes on)', () => {
    const order = inFulfillment();
    order.cancel('Customer changed their mind', AT);
    expect(order.status).toBe('in_fulfillment');
    expect(order.openFlags.map((f) => f.code)).toEqual(['CANCEL_REQUESTED']);
    order.cancel('Asked twice', AT);
    expect(order.pullEvents().map((e) => e.type)).toEqual(['orders.order-cancel-requested']);
    order.refuseCancel('Already with the carrier', AT);
    expect(order.status).toBe('in_fulfillment');
    expect(order.snapshot.flags[0]).toMatchObject({ resolution: 'refused' });
    expect(() => order.confirmCancel(AT)).toThrow(expect.objectContaining({ code: 'orders.illegal_transition' }));

    const again = inFulfillment();
    again.cancel('Wrong size', AT);
    again.confirmCancel(AT);
    expect(again.status).toBe('cancelled');
    expect(again.pullEvents().at(-1)!.payload).toMatchObject({ from: 'in_fulfillment', to: 'cancelled', heldStock: true, reason: 'Wrong size' });
  });
});

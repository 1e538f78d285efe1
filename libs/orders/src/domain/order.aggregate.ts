import type { DomainEvent } from '@oms/core';
import {
  OrderAddressChanged,
  OrderAllocationRecorded,
  OrderApproved,
  OrderAudited,
  OrderCancelled,
  OrderCancelRefused,
  OrderCancelRequested,
  OrderCreated,
  OrderInFulfillment,
  OrderShipped,
  OrderDelivered,
  OrderCompleted,
  OrderHeld,
  OrderLinesChanged,
  OrderPaymentConfirmed,
  OrderMerged,
  OrderRejected,
  OrderReleased,
  OrderRemarkAdded,
  OrderSplit,
  OrderTagsChanged,
} from './events/order.events.js';
import { type LineInput, orderTotals, priceLines } from './order-totals.js';
import { CannotCombineError, IllegalTransitionError, InvalidOrderError, NotEditableError, UnresolvedFlagsError } from './order.errors.js';
import { ADDRESS_EDITABLE_STATUSES, canTransition, EDITABLE_STATUSES, HOLDS_STOCK, type OrderAction, type OrderStatus } from './order.transitions.js';
import type { Address, Customer, Delivery, OrderFlag, OrderLine, OrderSnapshot, Payment } from './order.types.js';

export interface NewOrder {
  id: string;
  number: string;
  channelId: string;
  externalId?: string | null;
  externalNumber?: string | null;
  currency: string;
  customer: Customer;
  shippingAddress: Address;
  lines: LineInput[];
  shippingFeeMinor?: number;
  discountMinor?: number;
  payment: { method: string; instant: boolean; status: 'paid' | 'pending'; paidAmountMinor?: number; paidAt?: string | null; reference?: string | null };
  delivery?: Delivery;
  buyerRemark?: string | null;
  sellerRemark?: string | null;
  tags?: string[];
  priority?: number;
}

/** Who did it and when: every change records both. */
export interface Actor {
  id: string | null;
  at: string;
}

/**
 * The order: its state, the lifecycle's rules, and the events each change raises. The
 * repository saves the state and appends the events to the outbox in one transaction.
 */
export class Order {
  private pending: DomainEvent[] = [];

  private constructor(private state: OrderSnapshot) {}

  static rehydrate(state: OrderSnapshot): Order {
    return new Order(structuredClone(state));
  }

  static create(input: NewOrder, actor: Actor): Order {
    const lines = priceLines(input.lines);
    const totals = orderTotals(lines, input.shippingFeeMinor, input.discountMinor);
    const paid = input.payment.status === 'paid';
    const paidAmountMinor = paid ? (input.payment.paidAmountMinor ?? totals.totalMinor) : (input.payment.paidAmountMinor ?? 0);
    if (paid && paidAmountMinor !== totals.totalMinor) {
      throw new InvalidOrderError(`The paid amount (${paidAmountMinor}) is not the order total (${totals.totalMinor})`, 'payment.paidAmountMinor');
    }
    const payment: Payment = {
      method: input.payment.method,
      instant: input.payment.instant,
      status: paid ? 'paid' : 'pending',
      paidAmountMinor,
      paidAt: paid ? (input.payment.paidAt ?? actor.at) : null,
      reference: input.payment.reference ?? null,
    };
    // A paid order, or one whose method settles later anyway (cash on delivery), goes to review.
    const status: OrderStatus = paid || !input.payment.instant ? 'pending_review' : 'pending_payment';
    const order = new Order({
      id: input.id,
      number: input.number,
      channelId: input.channelId,
      externalId: input.externalId ?? null,
      externalNumber: input.externalNumber ?? null,
      status,
      currency: input.currency,
      customer: input.customer,
      shippingAddress: input.shippingAddress,
      lines,
      ...totals,
      payment,
      delivery: input.delivery ?? {},
      buyerRemark: input.buyerRemark ?? null,
      sellerRemark: input.sellerRemark ?? null,
      tags: [...new Set(input.tags ?? [])],
      priority: input.priority ?? 0,
      flags: [],
      warehouseIds: [],
      parentId: null,
      createdAt: actor.at,
    });
    order.raise(
      new OrderCreated('order', input.id, { ...order.move(null, status), channelId: input.channelId, totalMinor: totals.totalMinor, currency: input.currency }, meta(actor)),
    );
    return order;
  }

  get snapshot(): Readonly<OrderSnapshot> {
    return this.state;
  }

  get status(): OrderStatus {
    return this.state.status;
  }

  /** Open (unresolved) flags. */
  get openFlags(): OrderFlag[] {
    return this.state.flags.filter((f) => !f.resolvedAt);
  }

  /** The events raised since the last call, for the outbox. */
  pullEvents(): DomainEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  confirmPayment(input: { paidAmountMinor?: number; reference?: string | null; paidAt?: string }, actor: Actor): void {
    const amount = input.paidAmountMinor ?? this.state.totalMinor;
    if (amount !== this.state.totalMinor) {
      throw new InvalidOrderError(`The paid amount (${amount}) is not the order total (${this.state.totalMinor})`, 'paidAmountMinor');
    }
    const from = this.state.status;
    this.transition('confirm_payment', 'pending_review');
    this.state.payment = { ...this.state.payment, status: 'paid', paidAmountMinor: amount, paidAt: input.paidAt ?? actor.at, reference: input.reference ?? this.state.payment.reference };
    this.resolveFlags((f) => f.code === 'PAYMENT_UNCONFIRMED', 'fixed', actor);
    this.raise(new OrderPaymentConfirmed('order', this.state.id, { ...this.move(from, 'pending_review'), paidAmountMinor: amount, reference: input.reference ?? null }, meta(actor)));
  }

  /**
   * The audit's verdict: its flags replace the audit flags still open; a failing audit puts an
   * order under review on hold, a passing one approves it when auto-approval is on. Flags no
   * longer raised are resolved as fixed by `fixedBy`: whoever changed the order (the audit itself
   * when nobody did).
   */
  recordAudit(
    result: { passed: boolean; flags: { code: string; message: string }[]; ranAt?: string; results?: unknown[] },
    autoApprove: boolean,
    actor: Actor,
    fixedBy: Actor = actor,
  ): void {
    this.state.audit = { ranAt: result.ranAt ?? actor.at, passed: result.passed, results: result.results ?? [] };
    const raised = new Set(result.flags.map((f) => f.code));
    // Audit flags no longer raised are resolved: the data was fixed.
    this.resolveFlags((f) => !raised.has(f.code) && f.code !== 'HELD', 'fixed', fixedBy);
    for (const flag of result.flags) {
      const open = this.openFlags.find((f) => f.code === flag.code);
      // Still open: it says what is wrong now (the street was added, the city is still missing).
      if (open) open.message = flag.message;
      else this.state.flags.push({ code: flag.code, message: flag.message, raisedAt: actor.at, resolvedAt: null, resolvedBy: null, resolution: null });
    }
    const from = this.state.status;
    let to = from;
    if (!result.passed && (from === 'pending_review' || from === 'pending_payment')) to = this.transition('hold', 'on_hold');
    else if (result.passed && autoApprove && from === 'pending_review' && !this.openFlags.length) to = this.transition('approve', 'approved');
    this.raise(new OrderAudited('order', this.state.id, { ...this.move(from, to), passed: result.passed, flags: this.openFlags }, meta(actor)));
    if (to === 'approved') {
      this.state.approvedAt ??= actor.at;
      this.raise(new OrderApproved('order', this.state.id, { ...this.move(from, to), approvedAnyway: false }, meta(actor)));
    }
  }

  /** Approves; with open flags only "anyway", with a reason, which resolves them. */
  approve(reason: string | null | undefined, actor: Actor): void {
    const open = this.openFlags;
    if (open.length && !reason?.trim()) throw new UnresolvedFlagsError(open.map((f) => f.code));
    const from = this.state.status;
    this.transition('approve', 'approved');
    this.state.approvedAt ??= actor.at;
    this.resolveFlags(() => true, 'approved_anyway', actor);
    this.raise(new OrderApproved('order', this.state.id, { ...this.move(from, 'approved', reason), approvedAnyway: open.length > 0 }, meta(actor)));
  }

  reject(reason: string, actor: Actor): void {
    const from = this.state.status;
    this.transition('reject', 'rejected');
    this.resolveFlags(() => true, 'rejected', actor);
    this.raise(new OrderRejected('order', this.state.id, { ...this.move(from, 'rejected', reason), mayHoldStock: this.mayHoldStock(from) }, meta(actor)));
  }

  hold(reason: string, actor: Actor): void {
    const from = this.state.status;
    this.transition('hold', 'on_hold');
    this.state.flags.push({ code: 'HELD', message: reason, raisedAt: actor.at, resolvedAt: null, resolvedBy: null, resolution: null });
    this.raise(new OrderHeld('order', this.state.id, this.move(from, 'on_hold', reason), meta(actor)));
  }

  /** Back to review (and so to the audit again). */
  release(actor: Actor): void {
    const from = this.state.status;
    this.transition('release', 'pending_review');
    this.resolveFlags((f) => f.code === 'HELD', 'released', actor);
    this.raise(new OrderReleased('order', this.state.id, this.move(from, 'pending_review'), meta(actor)));
  }

  /**
   * Cancels the order. Once it is with the warehouse (in fulfilment) the parcel may already be
   * packed: the cancellation becomes a request (flag CANCEL_REQUESTED) that the warehouse
   * confirms or refuses.
   */
  cancel(reason: string, actor: Actor): void {
    const from = this.state.status;
    if (from === 'in_fulfillment') {
      if (this.openFlags.some((f) => f.code === 'CANCEL_REQUESTED')) return;
      this.state.flags.push({ code: 'CANCEL_REQUESTED', message: reason, raisedAt: actor.at, resolvedAt: null, resolvedBy: null, resolution: null });
      this.raise(new OrderCancelRequested('order', this.state.id, this.move(from, from, reason), meta(actor)));
      return;
    }
    this.transition('cancel', 'cancelled');
    this.resolveFlags(() => true, 'cancelled', actor);
    this.raise(
      new OrderCancelled('order', this.state.id, { ...this.move(from, 'cancelled', reason), heldStock: HOLDS_STOCK.includes(from), mayHoldStock: this.mayHoldStock(from) }, meta(actor)),
    );
  }

  /** Handed to the warehouse: picking and packing start. */
  startFulfillment(actor: Actor): void {
    const from = this.state.status;
    this.transition('start_fulfillment', 'in_fulfillment');
    this.raise(new OrderInFulfillment('order', this.state.id, this.move(from, 'in_fulfillment'), meta(actor)));
  }

  /**
   * Handed to a carrier: all that is allocated leaves (`shipped`), or part of the order while the
   * rest waits for stock (`partially_shipped`). A cancellation still waiting for the warehouse's
   * answer is answered by the shipment: refused.
   */
  ship(input: { carrier: string; trackingNumber: string; complete: boolean }, actor: Actor): void {
    const carrier = input.carrier.trim();
    const trackingNumber = input.trackingNumber.trim();
    if (!carrier) throw new InvalidOrderError('Name the carrier', 'carrier');
    if (!trackingNumber) throw new InvalidOrderError('Give the tracking number', 'trackingNumber');
    const from = this.state.status;
    const to = input.complete ? 'shipped' : 'partially_shipped';
    this.transition('record_shipment', to);
    this.resolveFlags((f) => f.code === 'CANCEL_REQUESTED', 'refused', actor);
    this.state.delivery = {
      ...this.state.delivery,
      shipments: [...(this.state.delivery.shipments ?? []), { carrier, trackingNumber, shippedAt: actor.at }],
    };
    this.raise(new OrderShipped('order', this.state.id, { ...this.move(from, to), carrier, trackingNumber }, meta(actor)));
  }

  /** The carrier delivered the parcel. */
  recordDelivery(actor: Actor): void {
    const from = this.state.status;
    this.transition('record_delivery', 'delivered');
    this.raise(new OrderDelivered('order', this.state.id, this.move(from, 'delivered'), meta(actor)));
  }

  /** The customer confirmed receipt (or the confirmation period passed): the order is done. */
  complete(actor: Actor): void {
    const from = this.state.status;
    this.transition('complete', 'completed');
    this.raise(new OrderCompleted('order', this.state.id, this.move(from, 'completed'), meta(actor)));
  }

  /** The warehouse stopped the parcel: the requested cancellation goes through. */
  confirmCancel(actor: Actor): void {
    const request = this.openFlags.find((f) => f.code === 'CANCEL_REQUESTED');
    if (!request) throw new IllegalTransitionError(this.state.number, this.state.status, 'cancel');
    const from = this.state.status;
    this.transition('cancel', 'cancelled');
    this.resolveFlags(() => true, 'cancelled', actor);
    this.raise(new OrderCancelled('order', this.state.id, { ...this.move(from, 'cancelled', request.message), heldStock: true, mayHoldStock: true }, meta(actor)));
  }

  /** The parcel had already left or could not be stopped: the order goes on. */
  refuseCancel(reason: string, actor: Actor): void {
    if (!this.openFlags.some((f) => f.code === 'CANCEL_REQUESTED')) throw new IllegalTransitionError(this.state.number, this.state.status, 'cancel');
    this.resolveFlags((f) => f.code === 'CANCEL_REQUESTED', 'refused', actor);
    this.raise(new OrderCancelRefused('order', this.state.id, this.move(this.state.status, this.state.status, reason), meta(actor)));
  }

  /**
   * Inventory's answer to an allocation: allocated, partially allocated or backordered. An
   * allocation older than the last one recorded (a late answer), or the same one again, changes
   * nothing and answers `false`; an order approved again takes up the last one once more.
   */
  recordAllocation(
    to: 'allocated' | 'partially_allocated' | 'backordered',
    allocation: { id: string; sequence: number },
    warehouseIds: string[],
    actor: Actor,
  ): boolean {
    const last = this.state.allocationSequence ?? 0;
    if (allocation.sequence < last || (allocation.sequence === last && this.state.status !== 'approved')) return false;
    const from = this.state.status;
    this.transition('record_allocation', to);
    this.state.allocationSequence = allocation.sequence;
    this.state.warehouseIds = [...new Set([...this.state.warehouseIds, ...warehouseIds])];
    this.raise(new OrderAllocationRecorded('order', this.state.id, { ...this.move(from, to), allocationId: allocation.id }, meta(actor)));
    return true;
  }

  /** Whether inventory may hold stock for it: it was approved once, or holds stock now. */
  private mayHoldStock(from: OrderStatus): boolean {
    return this.state.approvedAt != null || HOLDS_STOCK.includes(from);
  }

  /** Until the warehouse has it; after allocation the warehouses stay as they are. */
  updateAddress(address: Address, actor: Actor): void {
    if (!ADDRESS_EDITABLE_STATUSES.includes(this.state.status)) throw new NotEditableError(this.state.number, this.state.status, 'address');
    const before = this.state.shippingAddress;
    this.state.shippingAddress = address;
    this.raise(new OrderAddressChanged('order', this.state.id, { ...this.move(this.state.status, this.state.status), before, after: address }, meta(actor)));
  }

  updateLines(lines: LineInput[], actor: Actor): void {
    this.assertEditable('lines');
    const priced = priceLines(lines);
    const extraDiscount = this.state.discountMinor - this.state.lines.reduce((s, l) => s + l.discountMinor, 0);
    const totals = orderTotals(priced, this.state.shippingFeeMinor, extraDiscount);
    if (this.state.payment.status === 'paid' && this.state.payment.paidAmountMinor !== totals.totalMinor) {
      throw new InvalidOrderError('The order is paid: its lines can change only if the total stays the same', 'lines');
    }
    Object.assign(this.state, totals, { lines: priced });
    this.raise(new OrderLinesChanged('order', this.state.id, { ...this.move(this.state.status, this.state.status), lines: priced, totals }, meta(actor)));
  }

  /**
   * Splits parts off into new orders that keep a link to this one; this order keeps the rest.
   * Only before approval. A part takes whole units of lines; discounts and taxes go with the
   * units (rounded down, the rest stays here); the shipping fee stays here.
   */
  splitOff(parts: { lineId: string; quantity: number }[][], ids: { id: string; number: string }[], actor: Actor): Order[] {
    this.assertEditable('lines (split)');
    if (!parts.length || parts.length !== ids.length) throw new InvalidOrderError('Give at least one part to split off', 'parts');
    const left = new Map(this.state.lines.map((l) => [l.id, l.quantity]));
    for (const [p, part] of parts.entries()) {
      if (!part.length) throw new InvalidOrderError('A part takes at least one line', `parts[${p}]`);
      for (const [i, take] of part.entries()) {
        const field = `parts[${p}][${i}]`;
        if (!left.has(take.lineId)) throw new InvalidOrderError(`Line ${take.lineId} is not in the order`, `${field}.lineId`);
        if (!Number.isSafeInteger(take.quantity) || take.quantity < 1) throw new InvalidOrderError('quantity must be a whole number from 1', `${field}.quantity`);
        if (take.quantity > left.get(take.lineId)!) throw new CannotCombineError(`Line ${take.lineId} has not that many units left to split off`, `${field}.quantity`);
        left.set(take.lineId, left.get(take.lineId)! - take.quantity);
      }
    }
    if ([...left.values()].every((q) => q === 0)) throw new CannotCombineError('The order keeps at least one unit: leave something in it', 'parts');
    const share = (line: OrderLine, quantity: number) => ({
      ...line,
      quantity,
      discountMinor: Math.floor((line.discountMinor * quantity) / line.quantity),
      taxMinor: Math.floor((line.taxMinor * quantity) / line.quantity),
    });
    const children = parts.map((part, p) => {
      const lines = part.map((take, i) => {
        const line = this.state.lines.find((l) => l.id === take.lineId)!;
        const s = share(line, take.quantity);
        return { ...s, id: String(i + 1), totalMinor: s.quantity * s.unitPriceMinor - s.discountMinor + s.taxMinor };
      });
      const totals = orderTotals(lines, 0, 0);
      const child = new Order({
        ...structuredClone(this.state),
        id: ids[p].id,
        number: ids[p].number,
        externalId: null,
        lines,
        ...totals,
        payment: { ...this.state.payment, paidAmountMinor: this.state.payment.status === 'paid' ? totals.totalMinor : 0 },
        // Same customer, address and payment: on hold for the same reasons until reviewed.
        flags: this.openFlags.map((f) => ({ ...f })),
        parentId: this.state.id,
        approvedAt: null,
        allocationSequence: 0,
        createdAt: actor.at,
      });
      child.raise(new OrderCreated('order', child.state.id, { ...child.move(null, child.state.status), channelId: child.state.channelId, totalMinor: totals.totalMinor, currency: child.state.currency }, meta(actor)));
      return child;
    });
    // What stays: each line less what went, with what is left of its discount and tax.
    const kept = this.state.lines
      .map((line) => {
        const moved = parts.flat().filter((t) => t.lineId === line.id);
        const qty = line.quantity - moved.reduce((n, t) => n + t.quantity, 0);
        const discountGone = moved.reduce((n, t) => n + Math.floor((line.discountMinor * t.quantity) / line.quantity), 0);
        const taxGone = moved.reduce((n, t) => n + Math.floor((line.taxMinor * t.quantity) / line.quantity), 0);
        const discountMinor = line.discountMinor - discountGone;
        const taxMinor = line.taxMinor - taxGone;
        return { ...line, quantity: qty, discountMinor, taxMinor, totalMinor: qty * line.unitPriceMinor - discountMinor + taxMinor };
      })
      .filter((l) => l.quantity > 0);
    const extraDiscount = this.state.discountMinor - this.state.lines.reduce((n, l) => n + l.discountMinor, 0);
    const totals = orderTotals(kept, this.state.shippingFeeMinor, extraDiscount);
    Object.assign(this.state, totals, { lines: kept });
    if (this.state.payment.status === 'paid') this.state.payment = { ...this.state.payment, paidAmountMinor: totals.totalMinor };
    this.raise(
      new OrderSplit('order', this.state.id, { ...this.move(this.state.status, this.state.status), children: ids }, meta(actor)),
    );
    return children;
  }

  /**
   * Takes the lines of other orders of the same customer, address, channel, currency and payment
   * status (none approved yet); they are cancelled as merged into this one.
   */
  absorb(others: Order[], actor: Actor): void {
    this.assertEditable('lines (merge)');
    if (!others.length) throw new InvalidOrderError('Name at least one other order to merge', 'orderIds');
    const same = (o: OrderSnapshot, what: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new CannotCombineError(`${o.number} has another ${what}`, 'orderIds');
    };
    let lines = [...this.state.lines];
    for (const other of others) {
      const o = other.state;
      if (o.id === this.state.id) throw new CannotCombineError('An order cannot be merged into itself', 'orderIds');
      this.assertEditable('lines (merge)', o);
      same(o, 'channel', o.channelId, this.state.channelId);
      same(o, 'customer', o.customer.phone.replace(/\D/g, ''), this.state.customer.phone.replace(/\D/g, ''));
      same(o, 'address', addressKey(o.shippingAddress), addressKey(this.state.shippingAddress));
      same(o, 'currency', o.currency, this.state.currency);
      same(o, 'payment status', o.payment.status, this.state.payment.status);
      lines = lines.concat(o.lines.map((l) => ({ ...l, id: `${o.number}-${l.id}` })));
    }
    const extraDiscount = this.state.discountMinor - this.state.lines.reduce((n, l) => n + l.discountMinor, 0);
    const shipping = this.state.shippingFeeMinor + others.reduce((n, o) => n + o.state.shippingFeeMinor, 0);
    const totals = orderTotals(lines, shipping, extraDiscount);
    Object.assign(this.state, totals, { lines });
    if (this.state.payment.status === 'paid') this.state.payment = { ...this.state.payment, paidAmountMinor: totals.totalMinor };
    for (const other of others) {
      const from = other.state.status;
      other.transition('cancel', 'cancelled');
      other.state.mergedIntoId = this.state.id;
      other.resolveFlags(() => true, 'merged', actor);
      other.raise(
        new OrderCancelled('order', other.state.id, { ...other.move(from, 'cancelled', `Merged into ${this.state.number}`), heldStock: false }, meta(actor)),
      );
    }
    this.raise(
      new OrderMerged(
        'order',
        this.state.id,
        { ...this.move(this.state.status, this.state.status), merged: others.map((o) => ({ id: o.state.id, number: o.state.number })) },
        meta(actor),
      ),
    );
  }

  /** The customer record this order belongs to (matched by phone or email in its channel). */
  linkCustomer(customerId: string): void {
    this.state.customer = { ...this.state.customer, customerId };
  }

  /** Staff's remark, after those before it; the timeline shows who wrote what. */
  addRemark(remark: string, actor: Actor): void {
    this.state.sellerRemark = this.state.sellerRemark ? `${this.state.sellerRemark}\n${remark}` : remark;
    this.raise(new OrderRemarkAdded('order', this.state.id, { ...this.move(this.state.status, this.state.status), remark }, meta(actor)));
  }

  /** Replaces the tags (each once); the same tags again change nothing. */
  setTags(tags: string[], actor: Actor): void {
    const before = this.state.tags;
    const after = [...new Set(tags)];
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    this.state.tags = after;
    this.raise(new OrderTagsChanged('order', this.state.id, { ...this.move(this.state.status, this.state.status), before, after }, meta(actor)));
  }

  /** Lines change (by edit, split or merge) only before the order was ever approved: inventory may hold stock for them since. */
  private assertEditable(what: string, order: OrderSnapshot = this.state): void {
    if (!EDITABLE_STATUSES.includes(order.status)) throw new NotEditableError(order.number, order.status, what);
    if (order.approvedAt != null) throw new NotEditableError(order.number, order.status, what, 'approved');
  }

  private transition(action: OrderAction, to: OrderStatus): OrderStatus {
    if (!canTransition(this.state.status, action, to)) throw new IllegalTransitionError(this.state.number, this.state.status, action);
    this.state.status = to;
    return to;
  }

  private resolveFlags(which: (f: OrderFlag) => boolean, resolution: string, actor: Actor): void {
    for (const f of this.state.flags) {
      if (!f.resolvedAt && which(f)) Object.assign(f, { resolvedAt: actor.at, resolvedBy: actor.id, resolution });
    }
  }

  private move(from: OrderStatus | null, to: OrderStatus, reason?: string | null) {
    return { orderId: this.state.id, number: this.state.number, from, to, reason: reason ?? null };
  }

  private raise(event: DomainEvent): void {
    this.pending.push(event);
  }
}

/** Split and merge happen before approval: nothing is allocated yet. */

function addressKey(a: Address): string {
  return [a.country, a.province, a.city, a.district ?? '', a.line1, a.line2 ?? '', a.postcode ?? ''].map((x) => x.replace(/\s+/g, '')).join('|');
}

function meta(actor: Actor) {
  return { actorId: actor.id, occurredAt: new Date(actor.at) };
}

import {
  availableActions,
  canTransition,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderAction,
  type OrderStatus,
} from './order.transitions.js';

/** Every move the lifecycle allows, written out by hand: `from action to`. Anything else is refused. */
const ALLOWED = `
pending_payment confirm_payment pending_review
on_hold confirm_payment pending_review
pending_review approve approved
on_hold approve approved
pending_review reject rejected
on_hold reject rejected
pending_payment hold on_hold
pending_review hold on_hold
approved hold on_hold
partially_allocated hold on_hold
backordered hold on_hold
allocated hold on_hold
on_hold release pending_review
pending_payment cancel cancelled
pending_review cancel cancelled
on_hold cancel cancelled
approved cancel cancelled
partially_allocated cancel cancelled
backordered cancel cancelled
allocated cancel cancelled
in_fulfillment cancel cancelled
approved record_allocation allocated
approved record_allocation partially_allocated
approved record_allocation backordered
partially_allocated record_allocation allocated
partially_allocated record_allocation partially_allocated
backordered record_allocation allocated
backordered record_allocation partially_allocated
backordered record_allocation backordered
allocated start_fulfillment in_fulfillment
partially_allocated start_fulfillment in_fulfillment
in_fulfillment record_shipment partially_shipped
in_fulfillment record_shipment shipped
partially_shipped record_shipment partially_shipped
partially_shipped record_shipment shipped
shipped record_delivery delivered
delivered complete completed
`
  .trim()
  .split('\n')
  .map((line) => line.trim());

const ACTIONS = Object.keys(ORDER_ACTIONS) as OrderAction[];

describe('order transitions', () => {
  const cases = ORDER_STATUSES.flatMap((from) =>
    ACTIONS.flatMap((action) => ORDER_STATUSES.map((to) => ({ from, action, to, allowed: ALLOWED.includes(`${from} ${action} ${to}`) }))),
  );

  it.each(cases.filter((c) => c.allowed))('allows $action from $from to $to', ({ from, action, to }) => {
    expect(canTransition(from, action, to)).toBe(true);
  });

  it(`refuses every other pair (${cases.filter((c) => !c.allowed).length} of them)`, () => {
    const wronglyAllowed = cases.filter((c) => !c.allowed && canTransition(c.from, c.action, c.to));
    expect(wronglyAllowed).toEqual([]);
  });

  it('ends in completed, cancelled and rejected', () => {
    const ends = ORDER_STATUSES.filter((s) => ORDER_TRANSITIONS[s].length === 0);
    expect(ends).toEqual(['completed', 'cancelled', 'rejected']);
    for (const s of ends) expect(availableActions(s)).toEqual([]);
  });

  it('lets every status but the ends be reached from a new order', () => {
    const seen = new Set<OrderStatus>(['pending_payment', 'pending_review']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const from of [...seen]) {
        for (const to of ORDER_TRANSITIONS[from]) {
          if (!seen.has(to)) [grew] = [true, seen.add(to)];
        }
      }
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('cannot cancel once the parcel has left', () => {
    for (const s of ['partially_shipped', 'shipped', 'delivered', 'completed'] as const) expect(canTransition(s, 'cancel')).toBe(false);
  });

  it('offers the actions of each status', () => {
    expect(availableActions('pending_review')).toEqual(['approve', 'reject', 'hold', 'cancel']);
    expect(availableActions('on_hold')).toEqual(['confirm_payment', 'approve', 'reject', 'release', 'cancel']);
    expect(availableActions('allocated')).toEqual(['hold', 'cancel', 'start_fulfillment']);
  });
});

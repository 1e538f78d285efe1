import { changedPicks, currentHoldings, pickRows } from './picks';
import type { Allocation, OrderLine } from './types';

const HZ = 'hz';
const GZ = 'gz';

const allocation = (sequence: number, trigger: string, shipments: Allocation['shipments'], extra: Partial<Allocation> = {}): Allocation => ({
  id: `a${sequence}`,
  orderId: 'o',
  sequence,
  trigger,
  status: 'partially_allocated',
  createdAt: '2026-12-01T00:00:00Z',
  shipments,
  backordered: [],
  explanation: { decision: trigger === 'manual' ? 'manual' : 'best_partial' },
  ...extra,
});

const line = (id: string, sku: string, quantity: number): OrderLine => ({
  id,
  sku,
  name: sku,
  quantity,
  unitPriceMinor: 100,
  discountMinor: 0,
  taxMinor: 0,
  totalMinor: 100 * quantity,
});

describe('allocating an order by hand, line by line', () => {
  const lines = [line('1', 'MUG-RED', 150), line('2', 'CAP-BLACK', 1)];

  it('replays what the order holds: fills add, a manual allocation replaces its lines, a release clears all', () => {
    const engine = allocation(1, 'order', [{ warehouseId: HZ, lines: [{ lineId: '1', sku: 'MUG-RED', quantity: 100 }, { lineId: '2', sku: 'CAP-BLACK', quantity: 1 }] }]);
    const fill = allocation(2, 'backorder', [{ warehouseId: GZ, lines: [{ lineId: '1', sku: 'MUG-RED', quantity: 20 }] }]);
    expect(currentHoldings([fill, engine])).toEqual({ 1: { [HZ]: 100, [GZ]: 20 }, 2: { [HZ]: 1 } });

    const manual = allocation(3, 'manual', [{ warehouseId: GZ, lines: [{ lineId: '1', sku: 'MUG-RED', quantity: 150 }] }], {
      explanation: { decision: 'manual', picks: [{ lineId: '1', warehouseId: GZ, quantity: 150 }] },
    });
    expect(currentHoldings([engine, fill, manual])).toEqual({ 1: { [GZ]: 150 }, 2: { [HZ]: 1 } });

    const released = allocation(4, 'order', [], { status: 'released' });
    expect(currentHoldings([engine, fill, manual, released])).toEqual({});
  });

  it('starts each row from what the line holds in each warehouse', () => {
    expect(pickRows(lines, [HZ, GZ], { 1: { [HZ]: 100 } })).toEqual([
      [100, 0],
      [0, 0],
    ]);
  });

  it('sends only the rows that changed, every warehouse of such a row with its units', () => {
    const held = { 1: { [HZ]: 100 }, 2: { [HZ]: 1 } };
    expect(changedPicks(lines, [HZ, GZ], [[100, 50], [1, 0]], held)).toEqual({
      picks: [
        { lineId: '1', warehouseId: HZ, quantity: 100 },
        { lineId: '1', warehouseId: GZ, quantity: 50 },
      ],
    });
  });

  it('refuses a changed row with nothing picked, more than ordered, or no change at all', () => {
    const held = { 1: { [HZ]: 100 } };
    expect(changedPicks(lines, [HZ, GZ], [[0, null], [0, 0]], held)).toEqual({ problem: { key: 'empty_line', args: { sku: 'MUG-RED' } } });
    expect(changedPicks(lines, [HZ, GZ], [[100, 60], [0, 0]], held)).toEqual({
      problem: { key: 'too_many', args: { sku: 'MUG-RED', picked: 160, quantity: 150 } },
    });
    expect(changedPicks(lines, [HZ, GZ], [[100, 0], [0, 0]], held)).toEqual({ problem: { key: 'unchanged' } });
  });
});

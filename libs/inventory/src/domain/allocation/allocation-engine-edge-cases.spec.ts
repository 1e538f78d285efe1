/**
 * Edge cases of the allocation engine: malformed scores never make the ranking depend on the
 * order the warehouses come in.
 */
import { type AllocationInput, type CandidateWarehouse, planAllocation } from './allocation-engine.js';

function warehouse(id: string, over: Partial<CandidateWarehouse> = {}): CandidateWarehouse {
  return { id, code: id.toUpperCase(), active: true, regions: [], geo: { lat: 30, lng: 120 }, priority: 100, costTable: [], ...over };
}

function input(over: Partial<AllocationInput>): AllocationInput {
  return {
    lines: [{ lineId: 'l1', sku: 'A', quantity: 1, unitWeightGrams: 100 }],
    destination: { country: 'CN', province: '浙江省' },
    warehouses: [],
    available: {},
    strategies: ['nearest'],
    policy: 'split',
    ...over,
  };
}

const ranking = (i: AllocationInput) =>
  planAllocation(i).explanation.considered.map((c) => [c.code, c.rank]);

describe('allocation engine edge cases', () => {
  it('ranks equal warehouses by code whatever order they come in (pin)', () => {
    const ws = [warehouse('b'), warehouse('a'), warehouse('c')];
    const available = { a: { A: 1 }, b: { A: 1 }, c: { A: 1 } };
    const one = ranking(input({ warehouses: ws, available }));
    const two = ranking(input({ warehouses: [...ws].reverse(), available }));
    expect(one).toEqual([['A', 1], ['B', 2], ['C', 3]]);
    expect(two).toEqual(one);
  });

  // Once a defect: shipTo.geo is not validated (checkRequest only checks the country). A geo
  // that is not a pair of numbers makes every `nearest` score NaN; compare() then returns NaN,
  // which Array.sort treats as "equal" *without* reaching the code/id tie-break, so the ranking
  // (and the chosen warehouse) follow the order the warehouses came from the database
  // (`SELECT ... FROM warehouse` has no ORDER BY).
  it('ranks deterministically even when the destination geo is malformed', () => {
    const ws = [warehouse('b'), warehouse('a'), warehouse('c')];
    const available = { a: { A: 1 }, b: { A: 1 }, c: { A: 1 } };
    const destination = { country: 'CN', province: '浙江省', geo: { lat: 'thirty' as unknown as number, lng: 120 } };
    const one = planAllocation(input({ warehouses: ws, available, destination }));
    const two = planAllocation(input({ warehouses: [...ws].reverse(), available, destination }));
    expect(two.shipments).toEqual(one.shipments);
    expect(two.explanation.considered.map((c) => c.code)).toEqual(one.explanation.considered.map((c) => c.code));
  });

  // Once a defect: Same root cause with an unknown distance that is NaN rather than null:
  // nullsLast(NaN, x) is NaN, so a warehouse with a NaN score is "equal" to every other one.
  it('never lets a NaN score make the sort inconsistent (result independent of input order)', () => {
    const ws = [
      warehouse('near', { geo: { lat: 30.27, lng: 120.15 } }),
      warehouse('bad', { geo: { lat: Number.NaN, lng: 120 } }),
      warehouse('far', { geo: { lat: 39.9, lng: 116.4 } }),
    ];
    const available = { near: { A: 1 }, bad: { A: 1 }, far: { A: 1 } };
    const results = new Set<string>();
    for (const order of [[0, 1, 2], [1, 0, 2], [2, 1, 0], [1, 2, 0], [0, 2, 1], [2, 0, 1]]) {
      results.add(JSON.stringify(ranking(input({ warehouses: order.map((i) => ws[i]), available }))));
    }
    expect(results.size).toBe(1);
  });
});

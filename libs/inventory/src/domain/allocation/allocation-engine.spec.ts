import fc from 'fast-check';
import {
  type AllocationInput,
  type AllocationPlan,
  type CandidateWarehouse,
  costFor,
  planAllocation,
  servesDestination,
  SHORTAGE_POLICIES,
  STRATEGIES,
} from './allocation-engine.js';
import { distanceKm, normalizeProvince } from './geo.js';

const HANGZHOU = { lat: 30.27, lng: 120.15 };
const GUANGZHOU = { lat: 23.13, lng: 113.26 };
const BEIJING = { lat: 39.9, lng: 116.4 };

function warehouse(id: string, over: Partial<CandidateWarehouse> = {}): CandidateWarehouse {
  return { id, code: id.toUpperCase(), active: true, regions: [], geo: null, priority: 100, costTable: [], ...over };
}

function input(over: Partial<AllocationInput>): AllocationInput {
  return {
    lines: [{ lineId: 'l1', sku: 'A', quantity: 1, unitWeightGrams: 100 }],
    destination: { country: 'CN', province: '浙江省', city: '杭州市' },
    warehouses: [],
    available: {},
    strategies: ['priority'],
    policy: 'split',
    ...over,
  };
}

describe('allocation engine', () => {
  describe('filters', () => {
    it('excludes inactive warehouses, those outside the region and those without the stock, and says why', () => {
      const plan = planAllocation(
        input({
          warehouses: [
            warehouse('off', { active: false }),
            warehouse('far', { regions: [{ country: 'CN', province: '广东省' }] }),
            warehouse('empty'),
            warehouse('ok', { regions: [{ country: 'CN', province: '浙江' }] }),
          ],
          available: { off: { A: 5 }, far: { A: 5 }, empty: { B: 9 }, ok: { A: 5 } },
        }),
      );
      expect(plan.shipments).toEqual([{ warehouseId: 'ok', lines: [{ lineId: 'l1', sku: 'A', quantity: 1 }] }]);
      const why = Object.fromEntries(plan.explanation.considered.map((c) => [c.warehouseId, c.excluded ?? 'eligible']));
      expect(why).toEqual({ off: 'inactive', far: 'outside_region', empty: 'no_stock', ok: 'eligible' });
    });

    it('matches regions by country, province in any common spelling, and postcode prefix', () => {
      const d = { country: 'CN', province: 'Zhejiang Province', postcode: '310000' };
      expect(servesDestination([{ country: 'CN', province: '浙江省' }], d)).toBe(true);
      expect(servesDestination([{ country: 'CN', province: 'zhejiang' }], d)).toBe(true);
      expect(servesDestination([{ country: 'CN', postcodePrefix: '31' }], d)).toBe(true);
      expect(servesDestination([{ country: 'CN', postcodePrefix: '51' }], d)).toBe(false);
      expect(servesDestination([{ country: 'US' }], d)).toBe(false);
      expect(servesDestination([], d)).toBe(true);
      expect(normalizeProvince('广西壮族自治区')).toBe('广西');
    });
  });

  describe('strategies', () => {
    const three = [
      warehouse('hz', { geo: HANGZHOU, priority: 30, costTable: [{ country: 'CN', upToGrams: 5000, feeMinor: 1200 }] }),
      warehouse('gz', { geo: GUANGZHOU, priority: 10, costTable: [{ country: 'CN', upToGrams: 5000, feeMinor: 600 }] }),
      warehouse('bj', { geo: BEIJING, priority: 20, costTable: [{ country: 'CN', upToGrams: 5000, feeMinor: 900 }] }),
    ];
    const available = { hz: { A: 5 }, gz: { A: 5 }, bj: { A: 5 } };
    const pick = (strategies: AllocationInput['strategies']) =>
      planAllocation(input({ warehouses: three, available, strategies })).shipments[0].warehouseId;

    it('nearest ships from the closest warehouse, using the province when the address has no coordinates', () => {
      expect(pick(['nearest'])).toBe('hz');
    });
    it('lowest cost ships from the cheapest cost-table line', () => {
      expect(pick(['lowest_cost'])).toBe('gz');
    });
    it('priority ships from the lowest priority number', () => {
      expect(pick(['priority'])).toBe('gz');
    });
    it('combines strategies: each one breaks the ties of the one before', () => {
      const tied = three.map((w) => ({ ...w, priority: 1 }));
      expect(planAllocation(input({ warehouses: tied, available, strategies: ['priority', 'nearest'] })).shipments[0].warehouseId).toBe('hz');
      expect(planAllocation(input({ warehouses: tied, available, strategies: ['priority', 'lowest_cost'] })).shipments[0].warehouseId).toBe('gz');
    });
    it('records every score and the rank in the explanation', () => {
      const plan = planAllocation(input({ warehouses: three, available, strategies: ['nearest', 'priority'] }));
      const hz = plan.explanation.considered.find((c) => c.warehouseId === 'hz')!;
      expect(hz.rank).toBe(1);
      expect(hz.scores.lowest_cost).toBe(1200);
      expect(hz.scores.priority).toBe(30);
      expect(hz.scores.nearest).toBe(0);
      const bj = plan.explanation.considered.find((c) => c.warehouseId === 'bj')!;
      expect(bj.scores.nearest).toBeCloseTo(distanceKm(HANGZHOU, BEIJING), 0);
      expect(plan.explanation.decision).toBe('single_warehouse');
    });
    it('picks the most specific cost line whose weight band holds the parcel', () => {
      const table = [
        { country: 'CN', upToGrams: 1000, feeMinor: 1000 },
        { country: 'CN', province: '浙江省', upToGrams: 1000, feeMinor: 600 },
        { country: 'CN', province: '浙江省', upToGrams: 3000, feeMinor: 900 },
      ];
      expect(costFor(table, { country: 'CN', province: '浙江' }, 800)).toBe(600);
      expect(costFor(table, { country: 'CN', province: '浙江' }, 2000)).toBe(900);
      expect(costFor(table, { country: 'CN', province: '广东' }, 800)).toBe(1000);
      expect(costFor(table, { country: 'CN', province: '广东' }, 5000)).toBeNull();
    });
  });

  describe('shortage policies', () => {
    const lines = [
      { lineId: 'l1', sku: 'A', quantity: 2, unitWeightGrams: 100 },
      { lineId: 'l2', sku: 'B', quantity: 2, unitWeightGrams: 100 },
    ];
    const warehouses = [warehouse('w1', { priority: 1 }), warehouse('w2', { priority: 2 })];
    const available = { w1: { A: 2, B: 1 }, w2: { B: 2 } };

    it('prefers one warehouse for the whole order even when it ranks lower', () => {
      const plan = planAllocation(input({ lines, warehouses, available: { w1: { A: 2, B: 1 }, w2: { A: 2, B: 2 } } }));
      expect(plan.shipments.map((s) => s.warehouseId)).toEqual(['w2']);
      expect(plan.status).toBe('allocated');
    });
    it('split: ships everything from the fewest warehouses', () => {
      const plan = planAllocation(input({ lines, warehouses, available, policy: 'split' }));
      expect(plan.status).toBe('allocated');
      expect(plan.explanation.decision).toBe('fewest_warehouses');
      expect(plan.shipments).toEqual([
        { warehouseId: 'w1', lines: [{ lineId: 'l1', sku: 'A', quantity: 2 }, { lineId: 'l2', sku: 'B', quantity: 1 }] },
        { warehouseId: 'w2', lines: [{ lineId: 'l2', sku: 'B', quantity: 1 }] },
      ]);
    });
    it('ship_available: one shipment from the warehouse that has the most, the rest backordered', () => {
      const plan = planAllocation(input({ lines, warehouses, available, policy: 'ship_available' }));
      expect(plan.status).toBe('partially_allocated');
      expect(plan.shipments.map((s) => s.warehouseId)).toEqual(['w1']);
      expect(plan.backordered).toEqual([{ lineId: 'l2', sku: 'B', quantity: 1 }]);
      expect(plan.explanation.short).toEqual([{ lineId: 'l2', sku: 'B', requested: 2, allocated: 1, missing: 1 }]);
    });
    it('wait: holds nothing while any unit is missing, ships complete from the fewest warehouses otherwise', () => {
      const short = planAllocation(input({ lines, warehouses, available: { w1: { A: 1, B: 1 } }, policy: 'wait' }));
      expect(short.status).toBe('backordered');
      expect(short.shipments).toEqual([]);
      expect(short.explanation.decision).toBe('waiting_for_stock');
      expect(short.backordered).toEqual([
        { lineId: 'l1', sku: 'A', quantity: 2 },
        { lineId: 'l2', sku: 'B', quantity: 2 },
      ]);
      const whole = planAllocation(input({ lines, warehouses, available, policy: 'wait' }));
      expect(whole.status).toBe('allocated');
      expect(whole.shipments).toHaveLength(2);
    });
    it('nothing available anywhere: everything backordered, and the explanation says so', () => {
      const plan = planAllocation(input({ lines, warehouses, available: {}, policy: 'split' }));
      expect(plan.status).toBe('backordered');
      expect(plan.explanation.decision).toBe('nothing_available');
    });
    it('lines of the same SKU share the stock of a warehouse', () => {
      const twice = [
        { lineId: 'l1', sku: 'A', quantity: 2, unitWeightGrams: 1 },
        { lineId: 'l2', sku: 'A', quantity: 2, unitWeightGrams: 1 },
      ];
      const plan = planAllocation(input({ lines: twice, warehouses: [warehouse('w1')], available: { w1: { A: 3 } } }));
      expect(plan.shipments[0].lines).toEqual([
        { lineId: 'l1', sku: 'A', quantity: 2 },
        { lineId: 'l2', sku: 'A', quantity: 1 },
      ]);
      expect(plan.backordered).toEqual([{ lineId: 'l2', sku: 'A', quantity: 1 }]);
    });
  });

  describe('properties', () => {
    const SKUS = ['A', 'B', 'C', 'D'];
    const PROVINCES = ['浙江省', '广东省', '北京市', '四川省'];
    const arbWarehouse = (i: number) =>
      fc.record({
        id: fc.constant(`w${i}`),
        code: fc.constantFrom('HZ', 'GZ', 'BJ', 'CD', 'SH'),
        active: fc.boolean(),
        regions: fc.array(fc.record({ country: fc.constant('CN'), province: fc.constantFrom(...PROVINCES) }), { maxLength: 2 }),
        geo: fc.option(fc.record({ lat: fc.integer({ min: 20, max: 45 }), lng: fc.integer({ min: 100, max: 125 }) }), { nil: null }),
        priority: fc.integer({ min: 0, max: 3 }),
        costTable: fc.array(
          fc.record({
            country: fc.constant('CN'),
            upToGrams: fc.integer({ min: 100, max: 5000 }),
            feeMinor: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 2 },
        ),
      });
    const arbInput: fc.Arbitrary<AllocationInput> = fc
      .integer({ min: 0, max: 6 })
      .chain((n) =>
        fc.record({
          warehouses: fc.tuple(...Array.from({ length: n }, (_, i) => arbWarehouse(i))).map((ws) => ws as CandidateWarehouse[]),
          lines: fc
            .uniqueArray(fc.constantFrom(...SKUS, 'A', 'B'), { minLength: 1, maxLength: 4, selector: (s) => s })
            .chain((skus) =>
              fc.tuple(
                ...skus.map((sku, i) =>
                  fc.record({
                    lineId: fc.constant(`l${i}`),
                    sku: fc.constant(sku),
                    quantity: fc.integer({ min: 1, max: 6 }),
                    unitWeightGrams: fc.integer({ min: 0, max: 1000 }),
                  }),
                ),
              ),
            ),
          available: fc.tuple(
            ...Array.from({ length: n }, () => fc.dictionary(fc.constantFrom(...SKUS), fc.integer({ min: 0, max: 6 }))),
          ),
          destination: fc.record({ country: fc.constant('CN'), province: fc.constantFrom(...PROVINCES) }),
          strategies: fc.uniqueArray(fc.constantFrom(...STRATEGIES), { maxLength: 3 }),
          policy: fc.constantFrom(...SHORTAGE_POLICIES),
        }),
      )
      .map((r) => ({
        ...r,
        lines: r.lines,
        available: Object.fromEntries(r.available.map((stock, i) => [`w${i}`, stock])),
      }));

    const allocatedFrom = (plan: AllocationPlan) => {
      const used = new Map<string, number>();
      for (const s of plan.shipments)
        for (const l of s.lines) used.set(`${s.warehouseId}/${l.sku}`, (used.get(`${s.warehouseId}/${l.sku}`) ?? 0) + l.quantity);
      return used;
    };

    it('never allocates more than a warehouse has of a SKU', () => {
      fc.assert(
        fc.property(arbInput, (i) => {
          const plan = planAllocation(i);
          for (const [key, qty] of allocatedFrom(plan)) {
            const [w, sku] = key.split('/');
            expect(qty).toBeLessThanOrEqual(i.available[w]?.[sku] ?? 0);
          }
        }),
      );
    });

    it('allocated plus backordered always adds up to each line, with no empty or negative parts', () => {
      fc.assert(
        fc.property(arbInput, (i) => {
          const plan = planAllocation(i);
          for (const line of i.lines) {
            const shipped = plan.shipments.flatMap((s) => s.lines).filter((l) => l.lineId === line.lineId);
            const back = plan.backordered.filter((l) => l.lineId === line.lineId);
            for (const part of [...shipped, ...back]) expect(part.quantity).toBeGreaterThan(0);
            expect(back.length).toBeLessThanOrEqual(1);
            expect(shipped.reduce((s, l) => s + l.quantity, 0) + (back[0]?.quantity ?? 0)).toBe(line.quantity);
          }
          const status = !plan.backordered.length ? 'allocated' : plan.shipments.length ? 'partially_allocated' : 'backordered';
          expect(plan.status).toBe(status);
        }),
      );
    });

    it('ships only from warehouses that pass the filters', () => {
      fc.assert(
        fc.property(arbInput, (i) => {
          const plan = planAllocation(i);
          for (const s of plan.shipments) {
            const w = i.warehouses.find((x) => x.id === s.warehouseId)!;
            expect(w.active).toBe(true);
            expect(servesDestination(w.regions, i.destination)).toBe(true);
            for (const l of s.lines) expect(i.available[w.id][l.sku]).toBeGreaterThan(0);
          }
        }),
      );
    });

    it('breaks ties deterministically: the order the warehouses come in changes nothing', () => {
      fc.assert(
        fc.property(arbInput, fc.integer(), (i, seed) => {
          const shuffled = [...i.warehouses].sort((a, b) => ((hash(a.id, seed) - hash(b.id, seed)) | 0));
          expect(planAllocation({ ...i, warehouses: shuffled })).toEqual(planAllocation(i));
        }),
      );
    });

    it('ships as much as the policy allows, from as few warehouses as possible', () => {
      fc.assert(
        fc.property(arbInput, (i) => {
          const plan = planAllocation(i);
          const eligible = plan.explanation.considered.filter((c) => c.eligible).map((c) => c.warehouseId);
          const best = bruteForce(i, eligible);
          const allocated = plan.shipments.flatMap((s) => s.lines).reduce((s, l) => s + l.quantity, 0);
          const total = i.lines.reduce((s, l) => s + l.quantity, 0);
          if (i.policy === 'ship_available') {
            expect(plan.shipments.length).toBeLessThanOrEqual(1);
            if (best.single !== undefined) expect(allocated).toBe(best.single);
          } else if (i.policy === 'wait' && best.units < total) {
            expect(allocated).toBe(0);
          } else {
            expect(allocated).toBe(best.units);
            expect(plan.shipments.length).toBe(best.fewest);
          }
        }),
      );
    });
  });
});

function hash(s: string, seed: number): number {
  let h = seed;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 2654435761);
  return h;
}

/** Reference: every subset of the eligible warehouses, the most units any can ship and the fewest warehouses that do it. */
function bruteForce(i: AllocationInput, eligible: string[]): { units: number; fewest: number; single?: number } {
  const fill = (ws: string[]) => {
    let units = 0;
    for (const sku of new Set(i.lines.map((l) => l.sku))) {
      const need = i.lines.filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
      const have = ws.reduce((s, w) => s + (i.available[w]?.[sku] ?? 0), 0);
      units += Math.min(need, have);
    }
    return units;
  };
  let units = 0;
  let fewest = 0;
  for (let mask = 1; mask < 1 << eligible.length; mask++) {
    const set = eligible.filter((_, b) => mask & (1 << b));
    const u = fill(set);
    if (u > units || (u === units && set.length < fewest)) [units, fewest] = [u, set.length];
  }
  const single = eligible.length ? Math.max(...eligible.map((w) => fill([w]))) : undefined;
  return { units, fewest, single };
}

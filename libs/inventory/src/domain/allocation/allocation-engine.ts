import { distanceKm, type GeoPoint, normalizeProvince, provinceLocation } from './geo.js';

/**
 * Decides which warehouse(s) ship what for one order. Pure: it sees the order's lines, the
 * ship-to address, the candidate warehouses and their available stock, and returns a plan with
 * its explanation. Reserving the plan is the application layer's job.
 *
 * 1. Filters: a warehouse is eligible when it is active, serves the destination (no regions
 *    configured means it ships anywhere) and has stock of at least one of the order's SKUs.
 * 2. Ranking: the configured strategies in order, each breaking the previous one's ties;
 *    then code and id, so equal warehouses always come out in the same order.
 * 3. Plan: one warehouse for the whole order when one can ship it all (the best-ranked such);
 *    otherwise the shortage policy decides:
 *    - `ship_available`: one shipment now from the warehouse that can ship the most of the
 *      order; the rest is backordered.
 *    - `split`: as much as any warehouse can ship now, from the fewest warehouses (separate
 *      shipments); only what no warehouse has is backordered.
 *    - `wait`: nothing until the whole order can ship (from the fewest warehouses); until then
 *      every line is backordered and no stock is held.
 */

export const STRATEGIES = ['nearest', 'lowest_cost', 'priority'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const SHORTAGE_POLICIES = ['ship_available', 'split', 'wait'] as const;
export type ShortagePolicy = (typeof SHORTAGE_POLICIES)[number];

export interface RegionRule {
  country: string;
  province?: string;
  postcodePrefix?: string;
}

export interface CostLine extends RegionRule {
  upToGrams: number;
  feeMinor: number;
}

export interface Destination {
  country: string;
  province?: string;
  city?: string;
  postcode?: string;
  geo?: GeoPoint | null;
}

export interface CandidateWarehouse {
  id: string;
  code: string;
  active: boolean;
  regions: RegionRule[];
  geo?: GeoPoint | null;
  priority: number;
  costTable: CostLine[];
}

export interface DemandLine {
  lineId: string;
  sku: string;
  quantity: number;
  /** Weight of one unit, for the cost table. */
  unitWeightGrams: number;
}

export interface AllocationInput {
  lines: DemandLine[];
  destination: Destination;
  warehouses: CandidateWarehouse[];
  /** Available (on hand minus reserved) per warehouse id, then per SKU. */
  available: Record<string, Record<string, number>>;
  strategies: Strategy[];
  policy: ShortagePolicy;
}

export interface PlannedLine {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface PlannedShipment {
  warehouseId: string;
  lines: PlannedLine[];
}

export type Exclusion = 'inactive' | 'outside_region' | 'no_stock';

export interface ConsideredWarehouse {
  warehouseId: string;
  code: string;
  eligible: boolean;
  excluded?: Exclusion;
  /** Per strategy: kilometres to the destination, the cost-table fee, the configured priority (null: unknown). */
  scores: { nearest: number | null; lowest_cost: number | null; priority: number };
  /** 1 for the best eligible warehouse. */
  rank: number | null;
  /** Units of the order this warehouse could ship on its own. */
  canShip: number;
}

export type Decision =
  /** One warehouse ships the whole order. */
  | 'single_warehouse'
  /** No single warehouse has everything: the fewest warehouses ship it. */
  | 'fewest_warehouses'
  /** Short: the warehouse that can ship the most ships it now, the rest is backordered. */
  | 'best_partial'
  /** Short and the policy waits for the whole order. */
  | 'waiting_for_stock'
  /** No eligible warehouse has any of the order's stock. */
  | 'nothing_available';

export interface ShortLine {
  lineId: string;
  sku: string;
  requested: number;
  allocated: number;
  missing: number;
}

export interface AllocationExplanation {
  strategies: Strategy[];
  policy: ShortagePolicy;
  destination: Destination;
  orderWeightGrams: number;
  considered: ConsideredWarehouse[];
  decision: Decision;
  /** Chosen warehouses, best first. */
  chosen: string[];
  short: ShortLine[];
}

export type AllocationStatus = 'allocated' | 'partially_allocated' | 'backordered';

export interface AllocationPlan {
  status: AllocationStatus;
  shipments: PlannedShipment[];
  backordered: PlannedLine[];
  explanation: AllocationExplanation;
}

/** Above this many eligible warehouses the fewest-warehouse search is greedy instead of exhaustive. */
const EXHAUSTIVE_LIMIT = 12;

export function planAllocation(input: AllocationInput): AllocationPlan {
  const strategies = input.strategies.length ? dedupe(input.strategies) : (['priority'] as Strategy[]);
  const weight = input.lines.reduce((sum, l) => sum + l.quantity * l.unitWeightGrams, 0);
  const destination = input.destination;
  const destGeo = destination.geo ?? provinceLocation(destination.country, destination.province);
  const demand = input.lines.filter((l) => l.quantity > 0);
  const skus = new Set(demand.map((l) => l.sku));

  const considered: ConsideredWarehouse[] = input.warehouses.map((w) => {
    const stock = input.available[w.id] ?? {};
    const excluded: Exclusion | undefined = !w.active
      ? 'inactive'
      : !servesDestination(w.regions, destination)
        ? 'outside_region'
        : ![...skus].some((sku) => (stock[sku] ?? 0) > 0)
          ? 'no_stock'
          : undefined;
    return {
      warehouseId: w.id,
      code: w.code,
      eligible: !excluded,
      ...(excluded ? { excluded } : {}),
      scores: {
        nearest: finiteOrNull(w.geo && destGeo ? Math.round(distanceKm(w.geo, destGeo) * 10) / 10 : null),
        lowest_cost: costFor(w.costTable, destination, weight),
        priority: w.priority,
      },
      rank: null,
      canShip: cover([w.id], demand, input.available).units,
    };
  });

  const ranked = considered.filter((c) => c.eligible).sort((a, b) => compare(a, b, strategies));
  ranked.forEach((c, i) => (c.rank = i + 1));
  const excluded = considered.filter((c) => !c.eligible).sort((a, b) => byCode(a, b));
  const order = ranked.map((c) => c.warehouseId);
  const total = demand.reduce((s, l) => s + l.quantity, 0);
  const coverable = cover(order, demand, input.available).units;

  let chosen: string[] = [];
  let decision: Decision;
  const whole = ranked.find((c) => c.canShip === total);
  if (coverable === 0) {
    decision = 'nothing_available';
  } else if (whole) {
    chosen = [whole.warehouseId];
    decision = 'single_warehouse';
  } else if (input.policy === 'ship_available') {
    const best = [...ranked].sort((a, b) => b.canShip - a.canShip || a.rank! - b.rank!)[0];
    chosen = [best.warehouseId];
    decision = 'best_partial';
  } else if (input.policy === 'wait' && coverable < total) {
    decision = 'waiting_for_stock';
  } else {
    chosen = fewestWarehouses(order, demand, input.available, coverable);
    decision = 'fewest_warehouses';
  }

  const { shipments } = cover(chosen, demand, input.available);
  const allocatedByLine = new Map<string, number>();
  for (const s of shipments) for (const l of s.lines) allocatedByLine.set(l.lineId, (allocatedByLine.get(l.lineId) ?? 0) + l.quantity);
  const short: ShortLine[] = [];
  const backordered: PlannedLine[] = [];
  for (const l of demand) {
    const allocated = allocatedByLine.get(l.lineId) ?? 0;
    if (allocated < l.quantity) {
      short.push({ lineId: l.lineId, sku: l.sku, requested: l.quantity, allocated, missing: l.quantity - allocated });
      backordered.push({ lineId: l.lineId, sku: l.sku, quantity: l.quantity - allocated });
    }
  }
  const allocatedUnits = total - backordered.reduce((s, l) => s + l.quantity, 0);
  const status: AllocationStatus = !backordered.length ? 'allocated' : allocatedUnits === 0 ? 'backordered' : 'partially_allocated';
  return {
    status,
    shipments,
    backordered,
    explanation: {
      strategies,
      policy: input.policy,
      destination,
      orderWeightGrams: weight,
      considered: [...ranked, ...excluded],
      decision,
      chosen,
      short,
    },
  };
}

/** Whether a region rule covers the destination: same country, and the province and postcode prefix when given. */
export function regionMatches(rule: RegionRule, d: Destination): boolean {
  if (rule.country.toUpperCase() !== d.country.toUpperCase()) return false;
  if (rule.province && normalizeProvince(rule.province) !== normalizeProvince(d.province)) return false;
  if (rule.postcodePrefix && !(d.postcode ?? '').startsWith(rule.postcodePrefix)) return false;
  return true;
}

export function servesDestination(regions: RegionRule[], d: Destination): boolean {
  return regions.length === 0 || regions.some((r) => regionMatches(r, d));
}

function specificity(rule: RegionRule): number {
  return rule.postcodePrefix ? 2 + rule.postcodePrefix.length : rule.province ? 2 : 1;
}

/**
 * The fee of the cost table's most specific line for the destination whose weight band holds
 * the parcel (the smallest `upToGrams` at or above its weight); null when no line fits.
 */
export function costFor(table: CostLine[], d: Destination, weightGrams: number): number | null {
  let best: CostLine | undefined;
  for (const line of table) {
    if (line.upToGrams < weightGrams || !regionMatches(line, d)) continue;
    if (
      !best ||
      specificity(line) > specificity(best) ||
      (specificity(line) === specificity(best) && line.upToGrams < best.upToGrams)
    ) {
      best = line;
    }
  }
  return best ? best.feeMinor : null;
}

function compare(a: ConsideredWarehouse, b: ConsideredWarehouse, strategies: Strategy[]): number {
  for (const s of strategies) {
    const d = nullsLast(a.scores[s], b.scores[s]);
    if (d !== 0) return d;
  }
  return byCode(a, b);
}

/** Unknown (null, or not a finite number) ranks last; two unknowns tie. */
function nullsLast(a: number | null, b: number | null): number {
  const known = (x: number | null): x is number => typeof x === 'number' && Number.isFinite(x);
  if (!known(a)) return known(b) ? 1 : 0;
  if (!known(b)) return -1;
  return a - b;
}

function finiteOrNull(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

function byCode(a: ConsideredWarehouse, b: ConsideredWarehouse): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0;
}

/**
 * Fills the lines from the given warehouses in the given order, never taking more of a SKU
 * from a warehouse than it has (lines of the same SKU share its stock).
 */
function cover(
  warehouseIds: string[],
  lines: DemandLine[],
  available: AllocationInput['available'],
): { units: number; shipments: PlannedShipment[] } {
  const needLeft = new Map(lines.map((l) => [l.lineId, l.quantity]));
  const stockLeft = new Map<string, number>();
  const shipments: PlannedShipment[] = [];
  let units = 0;
  for (const w of warehouseIds) {
    const shipment: PlannedShipment = { warehouseId: w, lines: [] };
    for (const line of lines) {
      const need = needLeft.get(line.lineId)!;
      const key = `${w}\u0000${line.sku}`;
      const stock = stockLeft.get(key) ?? Math.max(0, available[w]?.[line.sku] ?? 0);
      const take = Math.min(need, stock);
      if (take <= 0) continue;
      shipment.lines.push({ lineId: line.lineId, sku: line.sku, quantity: take });
      needLeft.set(line.lineId, need - take);
      stockLeft.set(key, stock - take);
      units += take;
    }
    if (shipment.lines.length) shipments.push(shipment);
  }
  return { units, shipments };
}

/**
 * The smallest set of warehouses that ships `target` units, best-ranked first among sets of
 * the same size. Exhaustive up to EXHAUSTIVE_LIMIT eligible warehouses, greedy beyond.
 */
function fewestWarehouses(
  ranked: string[],
  lines: DemandLine[],
  available: AllocationInput['available'],
  target: number,
): string[] {
  if (ranked.length <= EXHAUSTIVE_LIMIT) {
    for (let size = 1; size <= ranked.length; size++) {
      for (const combo of combinations(ranked, size)) {
        if (cover(combo, lines, available).units === target) return combo;
      }
    }
    return ranked;
  }
  const chosen: string[] = [];
  let covered = 0;
  while (covered < target) {
    let best: string | undefined;
    let bestUnits = covered;
    for (const w of ranked) {
      if (chosen.includes(w)) continue;
      const units = cover([...chosen, w], lines, available).units;
      if (units > bestUnits) [best, bestUnits] = [w, units];
    }
    if (!best) break;
    chosen.push(best);
    covered = bestUnits;
  }
  return ranked.filter((w) => chosen.includes(w));
}

/** Subsets of `size` items in lexicographic order of their positions. */
function* combinations<T>(items: T[], size: number): Generator<T[]> {
  const idx = Array.from({ length: size }, (_, i) => i);
  for (;;) {
    yield idx.map((i) => items[i]);
    let i = size - 1;
    while (i >= 0 && idx[i] === items.length - size + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
  }
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}

import type { Allocation, OrderLine } from './types';

/** Units each line of an order holds in each warehouse: `held[lineId][warehouseId]`. */
export type Holdings = Record<string, Record<string, number>>;

const add = (held: Holdings, lineId: string, warehouseId: string, quantity: number) => {
  const line = (held[lineId] ??= {});
  line[warehouseId] = (line[warehouseId] ?? 0) + quantity;
};

/**
 * What the order holds now, replayed from its allocations in order: the engine's allocation and
 * each backorder fill add their shipments; a manual one first gives back what its lines held;
 * a release gives back everything.
 */
export const currentHoldings = (allocations: Allocation[]): Holdings => {
  let held: Holdings = {};
  for (const allocation of [...allocations].sort((a, b) => a.sequence - b.sequence)) {
    if (allocation.status === 'released') {
      held = {};
      continue;
    }
    const shipments = allocation.shipments ?? [];
    if (allocation.trigger === 'manual') {
      const touched = allocation.explanation?.picks?.map((pick) => pick.lineId) ?? [
        ...shipments.flatMap((shipment) => shipment.lines.map((line) => line.lineId)),
        ...(allocation.backordered ?? []).map((line) => line.lineId),
      ];
      for (const lineId of touched) delete held[lineId];
    }
    for (const shipment of shipments) for (const line of shipment.lines) add(held, line.lineId, shipment.warehouseId, line.quantity);
  }
  return held;
};

/** The per-line form's rows: `rows[line][warehouse]`, starting from what each line holds. */
export const pickRows = (lines: OrderLine[], warehouseIds: string[], held: Holdings): number[][] =>
  lines.map((line) => warehouseIds.map((warehouseId) => held[line.id]?.[warehouseId] ?? 0));

export type PickProblem = { key: 'too_many' | 'empty_line' | 'unchanged'; args?: Record<string, unknown> };

/**
 * The picks to send for the rows the operator changed (rows left as they were are not sent, so
 * those lines keep what they hold), or why they cannot be sent: a changed row has to pick at
 * least one unit and no more than the line's quantity.
 */
export const changedPicks = (
  lines: OrderLine[],
  warehouseIds: string[],
  rows: Array<Array<number | null | undefined> | null | undefined>,
  held: Holdings,
): { picks: Array<{ lineId: string; warehouseId: string; quantity: number }> } | { problem: PickProblem } => {
  const before = pickRows(lines, warehouseIds, held);
  const picks: Array<{ lineId: string; warehouseId: string; quantity: number }> = [];
  for (const [i, line] of lines.entries()) {
    const row = warehouseIds.map((_, j) => {
      const value = Number(rows[i]?.[j] ?? 0);
      return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
    });
    if (row.every((quantity, j) => quantity === before[i][j])) continue;
    const picked = row.reduce((sum, quantity) => sum + quantity, 0);
    if (picked === 0) return { problem: { key: 'empty_line', args: { sku: line.sku } } };
    if (picked > line.quantity) return { problem: { key: 'too_many', args: { sku: line.sku, picked, quantity: line.quantity } } };
    row.forEach((quantity, j) => {
      if (quantity > 0) picks.push({ lineId: line.id, warehouseId: warehouseIds[j], quantity });
    });
  }
  return picks.length ? { picks } : { problem: { key: 'unchanged' } };
};

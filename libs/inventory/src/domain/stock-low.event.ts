import { DomainEvent } from '@oms/core';

export interface StockLowPayload {
  levelId: string;
  sku: string;
  warehouseId: string;
  available: number;
  threshold: number;
}

/** Available stock of a SKU in a warehouse fell to its low-stock threshold or below (raised once per crossing). */
export class StockLow extends DomainEvent<StockLowPayload> {
  static override readonly type = 'inventory.stock-low';
  static override readonly version = 1;
}

/** Whether a change of `availableDelta` took available stock from above the threshold to at or below it. */
export function crossedLowStock(availableAfter: number, availableDelta: number, threshold: number | null): boolean {
  if (threshold === null) return false;
  return availableAfter - availableDelta > threshold && availableAfter <= threshold;
}

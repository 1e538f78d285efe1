import { DomainEvent } from '@oms/core';

export interface StockDriftDetectedPayload {
  checkedAt: string;
  /** The nightly check, or one an administrator asked for. */
  trigger?: 'nightly' | 'manual';
  levels: number;
  drift: {
    levelId: string;
    sku: string;
    warehouseId: string;
    onHand: number;
    ledgerOnHand: number;
    reserved: number;
    ledgerReserved: number;
    openReservations: number;
    /** Units the level counts in bins, and what its bins hold. */
    binned: number;
    inBins: number;
  }[];
  /** Bins whose quantity of a SKU differs from the bin ledger's sum. */
  binDrift?: {
    binId: string;
    binCode: string;
    sku: string;
    warehouseId: string;
    quantity: number;
    ledgerQuantity: number;
  }[];
}

/** A stock check (nightly or asked for) found levels that disagree with the ledger, the open reservations or their bins: an alert. */
export class StockDriftDetected extends DomainEvent<StockDriftDetectedPayload> {
  static override readonly type = 'inventory.stock-drift-detected';
  static override readonly version = 1;
}

import { DomainEvent } from '@oms/core';

export interface StockDriftDetectedPayload {
  checkedAt: string;
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
  }[];
}

/** The nightly reconcile found levels that disagree with the ledger or the open reservations: an alert. */
export class StockDriftDetected extends DomainEvent<StockDriftDetectedPayload> {
  static override readonly type = 'inventory.stock-drift-detected';
  static override readonly version = 1;
}

export const MOVEMENT_TYPES = [
  'receipt',
  'adjustment',
  'reservation',
  'release',
  'shipment',
  'return',
  'transfer_out',
  'transfer_in',
] as const;

export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** One line of the append-only stock ledger (`GET /api/stock-movements`). */
export interface StockMovement {
  id: string;
  at: string;
  sku: string;
  warehouseId: string;
  type: MovementType;
  quantity: number;
  onHandAfter: number;
  reservedAfter: number;
  reason: string;
  reference: string | null;
  actorId: string | null;
  /** The name of who made it, as it was then; null for the system's own and for older movements. */
  actorName: string | null;
}

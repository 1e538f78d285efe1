/** A level that disagrees with the ledger, its open reservations or its bins. */
export interface LevelDrift {
  levelId: string;
  sku: string;
  warehouseId: string;
  onHand: number;
  ledgerOnHand: number;
  reserved: number;
  ledgerReserved: number;
  openReservations: number;
  binned: number;
  inBins: number;
}

/** A bin whose quantity of a SKU differs from the bin ledger's sum. */
export interface BinDrift {
  binId: string;
  binCode: string;
  sku: string;
  warehouseId: string;
  quantity: number;
  ledgerQuantity: number;
}

/** One stock check (`GET /api/stock-reconcile-runs`): nightly, or asked for from the stock screen. */
export interface StockCheck {
  id: string;
  checkedAt: string;
  trigger: 'nightly' | 'manual';
  actorId: string | null;
  levels: number;
  driftCount: number;
  binDriftCount: number;
  drift: LevelDrift[];
  binDrift: BinDrift[];
}

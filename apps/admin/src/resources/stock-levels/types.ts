/** Warehouses that hold stock, physical and third-party ones; a virtual one only pools them. */
export const STOCK_WAREHOUSE_TYPES = ['physical', 'third_party'];

/** Stock of one SKU in one warehouse (`GET /api/stock-levels`); only the threshold is writable. */
export interface StockLevel {
  id: string;
  productId: string;
  sku: string;
  productName: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
  /** Units lying in bins; the rest (`unbinned`) waits to be put away or is staged for packing. */
  binned: number;
  unbinned: number;
  lowStockThreshold: number | null;
  low: boolean;
  updatedAt: string;
}

/** A hand-made movement (`POST /api/stock-movements`): a receipt adds, an adjustment may remove. */
export interface StockMovementInput {
  sku: string;
  warehouseId: string;
  type: 'receipt' | 'adjustment';
  quantity: number;
  reason: string;
  reference?: string;
  /** The bin the units go into (positive) or come out of (negative). */
  binId?: string;
}

/** A move between two warehouses holding stock (`POST /api/stock-transfers`). */
export interface StockTransferInput {
  sku: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  reason: string;
  fromBinId?: string;
  toBinId?: string;
}

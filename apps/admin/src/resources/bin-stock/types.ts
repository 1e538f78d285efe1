/** Units of one SKU in one bin (`GET /api/bin-stock`), listed in walking order. */
export interface BinStock {
  id: string;
  binId: string;
  binCode: string;
  binSequence: number;
  binActive: boolean;
  zone: string;
  productId: string;
  sku: string;
  warehouseId: string;
  quantity: number;
  updatedAt: string;
}

/** Unbinned units go into a bin (`POST /api/bin-stock/putaway`). */
export interface PutawayInput {
  sku: string;
  binId: string;
  quantity: number;
  reason?: string;
  reference?: string;
}

/** Units go from one bin to another of the same warehouse (`POST /api/bin-stock/moves`). */
export interface BinMoveInput {
  sku: string;
  fromBinId: string;
  toBinId: string;
  quantity: number;
  reason?: string;
  reference?: string;
}

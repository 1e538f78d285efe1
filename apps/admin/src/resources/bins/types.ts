/** A bin (location) of a physical warehouse (`GET /api/bins`), walked in `sequence` order. */
export interface Bin {
  id: string;
  warehouseId: string;
  zone: string;
  aisle: string;
  bay: string;
  level: string;
  /** zone-aisle-bay-level, e.g. A-01-03-1; made by the server. */
  code: string;
  sequence: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the bin form sends (`POST /api/bins`, `PUT /api/bins/:id`). */
export type BinInput = Pick<Bin, 'zone' | 'aisle' | 'bay' | 'level' | 'sequence' | 'active'> & { warehouseId?: string };

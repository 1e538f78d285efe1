export const WAREHOUSE_TYPES = ['physical', 'virtual', 'third_party'] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

export interface Address {
  country: string;
  province: string;
  city: string;
  district?: string;
  line1: string;
  line2?: string;
  postcode?: string;
}

export interface Region {
  country: string;
  province?: string;
  postcodePrefix?: string;
}

export interface CostLine extends Region {
  upToGrams: number;
  feeMinor: number;
}

/** A warehouse (`GET /api/warehouses`). Never deleted: deactivated through `active`. */
export interface Warehouse {
  id: string;
  code: string;
  name: string;
  type: WarehouseType;
  address: Address;
  geo: { lat: number; lng: number } | null;
  regions: Region[];
  priority: number;
  costTable: CostLine[];
  /** Virtual pools only: the physical warehouses they pool. */
  memberIds: string[];
  /** Virtual warehouses: the channel whose orders alone may use the pooled stock. */
  channelId?: string | null;
  cutoffTime: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

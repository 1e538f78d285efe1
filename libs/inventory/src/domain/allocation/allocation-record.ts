import type {
  AllocationExplanation,
  AllocationStatus,
  CandidateWarehouse,
  Destination,
  PlannedLine,
  PlannedShipment,
  ShortagePolicy,
  Strategy,
} from './allocation-engine.js';

/** An operator's pick: this warehouse ships this much of this line. */
export interface ManualPick {
  lineId: string;
  warehouseId: string;
  quantity: number;
}

/** Where a run through a product's backorders has got to: the last order tried. */
export interface BackorderCursor {
  orderId: string;
  paidAt: string;
  createdAt: string;
}

export type AllocationTrigger = 'order' | 'backorder' | 'manual';

/** One allocation of an order, as stored and as the API returns it. */
export interface AllocationRecord {
  id: string;
  orderId: string;
  sequence: number;
  trigger: AllocationTrigger;
  channelId: string | null;
  /** Where the whole order stood after this allocation; `released` once the order gave its stock back before any allocation. */
  status: AllocationStatus | 'released';
  policy: ShortagePolicy;
  strategies: Strategy[];
  shipTo: Destination;
  lines: DemandRow[];
  shipments: PlannedShipment[];
  backordered: PlannedLine[];
  explanation: AllocationExplanation | ManualExplanation;
  actorId: string | null;
  createdAt: string;
  /** First allocation only: when the order was paid (its place in the backorder queue). */
  paidAt: string | null;
  /** First allocation only: when the order gave back its stock (cancelled); nothing is allocated after that. */
  releasedAt: string | null;
}

export interface ManualExplanation {
  decision: 'manual';
  picks: ManualPick[];
  released: { lineId: string; warehouseId: string; quantity: number }[];
}

/** A line of the order as allocation keeps it. */
export interface DemandRow {
  lineId: string;
  sku: string;
  /** The product's name when the order was allocated. */
  name?: string;
  productId: string;
  quantity: number;
  unitWeightGrams: number;
}

export interface WarehouseRow {
  id: string;
  code: string;
  type: string;
  active: boolean;
  regions: CandidateWarehouse['regions'];
  geo: CandidateWarehouse['geo'];
  priority: number;
  costTable: CandidateWarehouse['costTable'];
  memberIds: string[];
  /** Virtual warehouses: the channel their pooled stock is held for. */
  channelId: string | null;
}

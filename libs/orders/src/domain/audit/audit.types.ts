/**
 * What the audit rules see besides the order, and what they say about it. The application
 * layer looks the facts up (catalogue, inventory, the customer's other orders, the block list)
 * before running the rules, so the rules stay pure.
 */

export const AUDIT_FLAG_CODES = [
  'ADDRESS_INCOMPLETE',
  'OUTSIDE_DELIVERY_AREA',
  'PHONE_INVALID',
  'UNKNOWN_SKU',
  'INACTIVE_SKU',
  'OUT_OF_STOCK',
  'PAYMENT_UNCONFIRMED',
  'PURCHASE_LIMIT_EXCEEDED',
  'AMOUNT_NEEDS_REVIEW',
  'BLOCK_LISTED',
  'SUSPECTED_DUPLICATE',
] as const;
export type AuditFlagCode = (typeof AUDIT_FLAG_CODES)[number];

export interface SkuFacts {
  /** The SKU exists in the catalogue. */
  known: boolean;
  /** The SKU may be sold. */
  active: boolean;
  /** Units one customer may buy per purchase-limit period; null: no limit. */
  purchaseLimit: number | null;
  /** Units available (on hand minus reserved) in all warehouses together. */
  available: number;
}

export const BLOCK_LIST_KINDS = ['customer_name', 'phone', 'email', 'address'] as const;
export type BlockListKind = (typeof BLOCK_LIST_KINDS)[number];

export interface BlockListEntry {
  kind: BlockListKind;
  /** For `address`: province, city and street as staff typed them (compared normalized). */
  value: string;
}

export interface SimilarOrder {
  id: string;
  number: string;
  createdAt: string;
}

export interface AuditFacts {
  /** Per SKU on the order; a SKU missing here counts as unknown with nothing available. */
  skus: Record<string, SkuFacts>;
  /** Whether any active warehouse serves the shipping address (inventory answers). */
  servesAddress: boolean;
  /** Units of each SKU this customer bought in the purchase-limit period, other orders only. */
  purchasedInPeriod: Record<string, number>;
  blockList: BlockListEntry[];
  /** Other orders by the same customer with the same items, created within the duplicate window. */
  similarRecentOrders: SimilarOrder[];
}

/** One row of a flag's detail list (a SKU and its figures, a block-list match...). */
export type FlagItem = Record<string, string | number>;

/** Interpolation values for the flag's translated message (`errors.<code>` in the admin). */
export type FlagParams = Record<string, string | number | FlagItem[]>;

export interface AuditFlag {
  code: AuditFlagCode;
  /** English, with the details, for logs and the timeline. */
  message: string;
  params: FlagParams;
}

export interface RuleResult {
  rule: string;
  /** A skipped (disabled) rule never blocks the order, so it counts as passed. */
  passed: boolean;
  skipped?: boolean;
  flags: AuditFlag[];
}

export interface AuditReport {
  ranAt: string;
  results: RuleResult[];
  passed: boolean;
  flags: AuditFlag[];
}

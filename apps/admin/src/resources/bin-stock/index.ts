import type { BinStock } from './types';

/**
 * Stock per bin has no pages of its own: it shows on its warehouse's page (Bins and Put-away
 * tabs), where it is put away and moved.
 */
export default {
  recordRepresentation: (record: BinStock) => `${record.binCode} · ${record.sku}`,
};

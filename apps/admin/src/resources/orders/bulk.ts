import type { Identifier } from 'react-admin';

/** What `POST /api/orders/bulk/:action` answers: each order on its own, ok with its new status or refused with a code. */
export interface BulkResult {
  action: string;
  succeeded: number;
  failed: number;
  results: Array<{ id: Identifier; ok: boolean; status?: string; error?: { code: string; message: string } }>;
}

/** One order's line in the results: its number, and its new status or why it was refused (with the status it had). */
export interface BulkRow {
  id: Identifier;
  number: string;
  ok: boolean;
  status?: string;
  code?: string;
  before?: string;
}

/**
 * How a bulk action went: how many of how many orders went through, the notification's type
 * (success when all did, error when none did), and a row per order as the list knew it.
 */
export const bulkOutcome = (
  result: BulkResult,
  orderOf: (id: Identifier) => { number: string; status: string } | undefined,
): { ok: number; total: number; type: 'success' | 'warning' | 'error'; rows: BulkRow[] } => {
  const rows = result.results.map((row) => {
    const order = orderOf(row.id);
    return {
      id: row.id,
      number: order?.number ?? String(row.id),
      ok: row.ok,
      ...(row.ok ? { status: row.status } : { code: row.error?.code, before: order?.status }),
    };
  });
  const ok = rows.filter((row) => row.ok).length;
  return { ok, total: rows.length, type: ok === rows.length ? 'success' : ok === 0 ? 'error' : 'warning', rows };
};

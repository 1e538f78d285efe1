import type { Identifier } from 'react-admin';

/** What `POST /api/orders/bulk/:action` answers: each order on its own, ok with its new status or refused with a code. */
export interface BulkResult {
  action: string;
  succeeded: number;
  failed: number;
  results: Array<{ id: Identifier; ok: boolean; status?: string; error?: { code: string; message: string } }>;
}

/** The notification after a bulk action: how many went through, then one line per refused order. */
export const bulkSummary = (
  result: BulkResult,
  describe: {
    headline: (ok: number, total: number) => string;
    failure: (id: Identifier, code: string | undefined) => string;
  },
): { message: string; type: 'success' | 'warning' | 'error' } => {
  const ok = result.results.filter((row) => row.ok).length;
  const failures = result.results.filter((row) => !row.ok).map((row) => describe.failure(row.id, row.error?.code));
  return {
    message: [describe.headline(ok, result.results.length), ...failures].join('\n'),
    type: failures.length === 0 ? 'success' : ok === 0 ? 'error' : 'warning',
  };
};

import { bulkOutcome, type BulkResult } from './bulk';

describe('bulk order actions', () => {
  const result = (rows: BulkResult['results']): BulkResult => ({
    action: 'hold',
    succeeded: rows.filter((r) => r.ok).length,
    failed: rows.filter((r) => !r.ok).length,
    results: rows,
  });
  const listed: Record<string, { number: string; status: string }> = {
    a: { number: 'SO-1', status: 'pending_review' },
    b: { number: 'SO-2', status: 'cancelled' },
  };
  const orderOf = (id: unknown) => listed[String(id)];

  it('reports each order by its number: the new status of those that went through, the code and former status of the others', () => {
    const outcome = bulkOutcome(
      result([
        { id: 'a', ok: true, status: 'on_hold' },
        { id: 'b', ok: false, error: { code: 'orders.illegal_transition', message: 'Order SO-2 is cancelled' } },
        { id: 'c', ok: true, status: 'on_hold' },
      ]),
      orderOf,
    );
    expect(outcome).toEqual({
      ok: 2,
      total: 3,
      type: 'warning',
      rows: [
        { id: 'a', number: 'SO-1', ok: true, status: 'on_hold' },
        { id: 'b', number: 'SO-2', ok: false, code: 'orders.illegal_transition', before: 'cancelled' },
        // No longer in the list: named by its id.
        { id: 'c', number: 'c', ok: true, status: 'on_hold' },
      ],
    });
  });

  it('says success when all went through and error when none did', () => {
    expect(bulkOutcome(result([{ id: 'a', ok: true }]), orderOf).type).toBe('success');
    expect(bulkOutcome(result([{ id: 'a', ok: false, error: { code: 'x', message: 'no' } }]), orderOf).type).toBe('error');
  });
});

import { bulkSummary, type BulkResult } from './bulk';

describe('bulk order actions', () => {
  const describeIt = {
    headline: (ok: number, total: number) => `${ok}/${total}`,
    failure: (id: unknown, code: string | undefined) => `${String(id)}: ${code}`,
  };
  const result = (rows: BulkResult['results']): BulkResult => ({
    action: 'hold',
    succeeded: rows.filter((r) => r.ok).length,
    failed: rows.filter((r) => !r.ok).length,
    results: rows,
  });

  it('counts the orders that went through and lists each refused one with its reason', () => {
    const summary = bulkSummary(
      result([
        { id: 'a', ok: true, status: 'on_hold' },
        { id: 'b', ok: false, error: { code: 'orders.illegal_transition', message: 'Order SO-2 is cancelled' } },
        { id: 'c', ok: true, status: 'on_hold' },
      ]),
      describeIt,
    );
    expect(summary).toEqual({ message: '2/3\nb: orders.illegal_transition', type: 'warning' });
  });

  it('says success when all went through and error when none did', () => {
    expect(bulkSummary(result([{ id: 'a', ok: true }]), describeIt).type).toBe('success');
    expect(bulkSummary(result([{ id: 'a', ok: false, error: { code: 'x', message: 'no' } }]), describeIt)).toEqual({
      message: '0/1\na: x',
      type: 'error',
    });
  });
});

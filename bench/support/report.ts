export interface Measure {
  name: string;
  count: number;
  seconds: number;
}

export const perSecond = (m: Measure): number => m.count / m.seconds;

function fixed(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Seconds since `start` (a `performance.now()` reading). */
export const secondsSince = (start: number): number => (performance.now() - start) / 1000;

/**
 * The measures as a table, each rate also divided by the rate of each baseline, so the
 * figures read as ratios that hold across machines better than absolute rates do.
 */
export function table(measures: Measure[], baselines: { label: string; measure: Measure }[]): string {
  const header = ['measure', 'count', 'seconds', 'per second', ...baselines.map((b) => `÷ ${b.label}`)];
  const rows = measures.map((m) => [
    m.name,
    fixed(m.count, 0),
    fixed(m.seconds, 2),
    fixed(perSecond(m), 0),
    ...baselines.map((b) => fixed(perSecond(m) / perSecond(b.measure), 3)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

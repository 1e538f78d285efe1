/** A value in a cell: text as is, anything else as indented JSON; null when there is none. */
export const formatValue = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
};

/** The resource a record of an entity type lives in, to link to it (`User`, `user`, `dead_letter` ...). */
const RESOURCE_OF: Record<string, string> = { user: 'users', role: 'roles', deadletter: 'dead-letters' };

export const resourceOfEntity = (entityType: string | null | undefined): string | undefined =>
  entityType ? RESOURCE_OF[entityType.toLowerCase().replace(/[^a-z]/g, '')] : undefined;

export interface MarkedLine {
  text: string;
  /** Not in the other version: removed (in before) or added (in after). */
  changed: boolean;
}

/**
 * The lines of two texts, each marked when it is not part of their longest common
 * subsequence: what a reader scans for in a long value such as a role's permissions.
 */
export const markLines = (before: string, after: string): { before: MarkedLine[]; after: MarkedLine[] } => {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence lengths, from the end.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const keptA = new Set<number>();
  const keptB = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      keptA.add(i++);
      keptB.add(j++);
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  return {
    before: a.map((text, i) => ({ text, changed: !keptA.has(i) })),
    after: b.map((text, j) => ({ text, changed: !keptB.has(j) })),
  };
};

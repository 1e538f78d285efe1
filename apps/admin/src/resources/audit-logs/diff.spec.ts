import { formatValue, markLines, resourceOfEntity } from './diff';

describe('audit log diff view', () => {
  it('formats values for a cell and links entity types to resources', () => {
    expect(formatValue(null)).toBeNull();
    expect(formatValue('text')).toBe('text');
    expect(formatValue({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(resourceOfEntity('User')).toBe('users');
    expect(resourceOfEntity('dead_letter')).toBe('dead-letters');
    expect(resourceOfEntity('Order')).toBeUndefined();
  });

  it('marks the lines that differ between two long values', () => {
    const before = JSON.stringify(['a', 'b', 'c'], null, 2);
    const after = JSON.stringify(['a', 'c', 'd'], null, 2);
    const marked = markLines(before, after);
    expect(marked.before.filter((line) => line.changed).map((line) => line.text.trim())).toEqual(['"b",', '"c"']);
    expect(marked.after.filter((line) => line.changed).map((line) => line.text.trim())).toEqual(['"c",', '"d"']);
  });
});

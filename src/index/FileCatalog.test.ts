import { describe, expect, it } from 'vitest';
import { FileCatalog } from './FileCatalog';

describe('FileCatalog', () => {
  it('resolves paths to a table by fileId, cached until the files change', () => {
    const catalog = new FileCatalog([
      { fileId: 1, path: 'a/x.json.gz', kind: 'log' },
      { fileId: 3, path: 'b/y.json.gz', kind: 'log' },
    ]);
    let calls = 0;
    const inA = (path: string) => {
      calls++;
      return path.startsWith('a/');
    };
    expect([...catalog.matchTable('a', inA)]).toEqual([0, 1, 0, 0]);
    expect(catalog.matchTable('a', inA)).toBe(catalog.matchTable('a', inA));
    expect(calls).toBe(2);
    const before = catalog.version;
    catalog.add({ fileId: 4, path: 'a/z.json.gz', kind: 'log' });
    expect(catalog.version).toBeGreaterThan(before);
    expect([...catalog.matchTable('a', inA)]).toEqual([0, 1, 0, 0, 1]);
  });

  it('forgets files staged by a run whose store failed', () => {
    const catalog = new FileCatalog([{ fileId: 1, path: 'a', kind: 'log' }]);
    catalog.add({ fileId: 2, path: 'b', kind: 'log' });
    catalog.add({ fileId: 3, path: 'c', kind: 'digest' });
    const before = catalog.version;
    catalog.trim(2);
    expect([...catalog.list()].map((f) => f.path)).toEqual(['a']);
    expect(catalog.version).toBeGreaterThan(before);
    const after = catalog.version;
    catalog.trim(2);
    expect(catalog.version).toBe(after);
  });
});

import { describe, expect, it } from 'vitest';
import { compilePatterns } from '../querylang/matchPattern';
import type { CatalogFile } from '../index/FileCatalog';
import { buildSourcesTree } from './sourcesTree';
import type { SourceNode } from './sourcesTree';

// Paths as CloudTrail delivers them (account, optional org ID, Region, day) and a few that are not.
const A = 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/02/111122223333_CloudTrail_us-east-1';
const FILES: CatalogFile[] = [
  { fileId: 1, path: `${A}_20240102T0005Z_aaaaaaaaaaaaaaaa.json.gz`, kind: 'log' },
  { fileId: 2, path: `${A}_20240102T2355Z_bbbbbbbbbbbbbbbb.json.gz`, kind: 'log' },
  {
    fileId: 3,
    path: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2024/01/03/111122223333_CloudTrail_eu-west-1_20240103T0100Z_cccccccccccccccc.json.gz',
    kind: 'log',
  },
  {
    fileId: 4,
    path: 'bucket/AWSLogs/o-abcdefghij/444455556666/CloudTrail/us-east-1/2024/01/02/444455556666_CloudTrail_us-east-1_20240102T0100Z_dddddddddddddddd.json.gz',
    kind: 'log',
  },
  {
    fileId: 5,
    path: 'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/01/02/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20240102T010000Z.json.gz',
    kind: 'digest',
  },
  { fileId: 6, path: 'exports/lookup-events.json', kind: 'log' },
  { fileId: 7, path: 'exports/history.csv', kind: 'log' },
  { fileId: 8, path: 'loose.json', kind: 'log' },
  // A browser's copy of file 1: not CloudTrail's name any more, still on its account and day.
  { fileId: 9, path: `${A}_20240102T0005Z_aaaaaaaaaaaaaaaa (1).json.gz`, kind: 'log' },
  // A subfolder of exports/, and a trail file copied there: exports/* selects both.
  { fileId: 10, path: 'exports/sub/more.json', kind: 'log' },
  {
    fileId: 11,
    path: 'exports/111122223333_CloudTrail_us-east-1_20240102T0300Z_eeeeeeeeeeeeeeee.json.gz',
    kind: 'log',
  },
];

// Rows' first source files: 3 events in file 1, 2 in file 2, 1 in 3, 4 in 4, 2 in 6, 1 in 8, 10, 11.
const ROW_FILES = Uint32Array.from([1, 1, 1, 2, 2, 3, 4, 4, 4, 4, 6, 6, 8, 10, 11]);
// Re-deliveries: row 0 again in file 9 (same day), row 3 in file 3 (another Region), row 5 in file 6
// and file 2, and row 10 twice in file 6 itself (an identical record repeated in one file).
const EXTRA = new Map<number, number[]>([
  [0, [9, 4]],
  [3, [3, 7]],
  [5, [6, 0, 2, 1]],
  [10, [6, 3]],
]);

function find(nodes: readonly SourceNode[], id: string): SourceNode {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = n.children.length > 0 ? findOrUndefined(n.children, id) : undefined;
    if (below !== undefined) return below;
  }
  throw new Error(`no node ${id}`);
}
function findOrUndefined(nodes: readonly SourceNode[], id: string): SourceNode | undefined {
  try {
    return find(nodes, id);
  } catch {
    return undefined;
  }
}

describe('buildSourcesTree', () => {
  const tree = buildSourcesTree(FILES, ROW_FILES, EXTRA);

  it('groups trail files by account, Region and delivery day, other files by nested folder', () => {
    expect(tree.roots.map((n) => n.id)).toEqual(['a:111122223333', 'a:444455556666', 'o:']);
    const account = find(tree.roots, 'a:111122223333');
    expect(account.children.map((n) => n.label)).toEqual(['eu-west-1', 'us-east-1']);
    expect(find(tree.roots, 'r:111122223333/us-east-1').children.map((n) => n.label)).toEqual([
      '2024-01-02',
    ]);
    expect(find(tree.roots, 'a:444455556666').orgId).toBe('o-abcdefghij');
    expect(find(tree.roots, 'o:').children.map((n) => n.label)).toEqual([
      '(top level)',
      'exports/',
    ]);
    expect(find(tree.roots, 'f:exports').children.map((n) => n.label)).toEqual(['sub/']);
    // Digests deliver no events: not in the tree.
    expect(tree.files).toBe(10);
  });

  it('counts files and distinct events per node, re-deliveries once', () => {
    const day = find(tree.roots, 'd:111122223333/us-east-1/2024-01-02');
    // Files 1, 2, the copy 9 and 11 in exports/; events: rows 0–4, 14, and row 5 re-delivered in 2.
    expect([day.files, day.events]).toEqual([4, 7]);
    const euWest = find(tree.roots, 'r:111122223333/eu-west-1');
    // Row 5, plus row 3 re-delivered here.
    expect([euWest.files, euWest.events]).toEqual([1, 2]);
    // Rows 0–5 and 14, each once although 0, 3 and 5 have a second source in the account.
    expect(find(tree.roots, 'a:111122223333').events).toBe(7);
    const exports = find(tree.roots, 'f:exports');
    // Files 6, 7, 10 and 11, below it. Rows 10, 11, 13, 14 and row 5 re-delivered in file 6; row 10
    // repeated in file 6 counts once.
    expect([exports.files, exports.events]).toEqual([4, 5]);
    expect([
      find(tree.roots, 'f:exports/sub').files,
      find(tree.roots, 'f:exports/sub').events,
    ]).toEqual([1, 1]);
    // Files 6, 7, 8, 10, 11: rows 5, 10–14.
    expect([find(tree.roots, 'o:').files, find(tree.roots, 'o:').events]).toEqual([5, 6]);
    expect(tree.events).toBe(ROW_FILES.length);
  });

  it('lists each leaf’s files in path order (code points) with their own event counts', () => {
    expect(tree.leafFiles.get('d:111122223333/us-east-1/2024-01-02')).toEqual([9, 1, 2, 11]);
    expect(tree.leafFiles.get('f:')).toEqual([8]);
    // A folder lists the files directly in it, trail files too.
    expect(tree.leafFiles.get('f:exports')).toEqual([11, 7, 6]);
    expect(tree.leafFiles.get('f:exports/sub')).toEqual([10]);
    expect(tree.fileEvents.get(1)).toBe(3);
    expect(tree.fileEvents.get(9)).toBe(1);
    expect(tree.fileEvents.get(2)).toBe(3);
    expect(tree.fileEvents.get(6)).toBe(3);
  });

  it('gives each selectable node file: patterns that match exactly its files', () => {
    const check = (id: string) => {
      const node = find(tree.roots, id);
      const match = compilePatterns(node.patterns, 'file');
      const matched = FILES.filter((f) => f.kind === 'log' && match(f.path)).length;
      expect(matched, id).toBe(node.files);
    };
    for (const id of [
      'a:111122223333',
      'r:111122223333/us-east-1',
      'r:111122223333/eu-west-1',
      'd:111122223333/us-east-1/2024-01-02',
      'a:444455556666',
      'f:exports',
      'f:exports/sub',
    ])
      check(id);
    expect(find(tree.roots, 'f:').patterns).toEqual([]);
    expect(find(tree.roots, 'o:').patterns).toEqual([]);
  });

  it('is empty without files', () => {
    const empty = buildSourcesTree([], new Uint32Array(0), new Map());
    expect([empty.roots.length, empty.files, empty.events]).toEqual([0, 0, 0]);
  });
});

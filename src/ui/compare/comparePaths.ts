import type { FlatRecord, PathLeaf } from './flattenPaths';

/** One row of the comparison: a path and its leaf in each event (undefined where absent). */
export interface CompareRow {
  readonly path: string;
  /** One entry per compared record, in column order. */
  readonly values: readonly (PathLeaf | undefined)[];
  /** True when the loaded records do not all hold the same value (absent counts as a value). */
  readonly differs: boolean;
}

/**
 * The console's reading order: the top-level fields a responder reads first, then the identity, the
 * request and the response, then everything else alphabetically.
 */
const KEY_FIELDS = [
  'eventTime',
  'eventName',
  'eventSource',
  'userIdentity',
  'sourceIPAddress',
  'userAgent',
  'errorCode',
  'errorMessage',
  'requestParameters',
  'responseElements',
];
const RANK = new Map(KEY_FIELDS.map((field, i) => [field, i]));

/**
 * The union of the paths of `records`, ordered key fields first (see KEY_FIELDS) and then
 * alphabetically, array indexes numerically (`resources[2]` before `resources[10]`). A record that
 * is undefined (not loaded, unreadable) shows nothing and takes no part in deciding what differs.
 */
export function comparePaths(records: readonly (FlatRecord | undefined)[]): CompareRow[] {
  const union = new Map<string, PathLeaf>();
  for (const record of records) {
    for (const [path, leaf] of record?.leaves ?? []) if (!union.has(path)) union.set(path, leaf);
  }
  const ordered = [...union.values()].sort((a, b) => comparePathOrder(a.segments, b.segments));
  return ordered.map(({ path }) => {
    const values = records.map((r) => r?.leaves.get(path));
    const loaded = values.filter((_, i) => records[i] !== undefined);
    const first = loaded[0];
    const differs = loaded.some((v) => !sameLeaf(v, first));
    return { path, values, differs };
  });
}

/** Sorts two paths given as segments: key-field rank first, then segment by segment. */
export function comparePathOrder(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): number {
  const rank = rankOf(a[0]) - rankOf(b[0]);
  if (rank !== 0) return rank;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareSegment(a[i], b[i]);
    if (c !== 0) return c;
  }
  // A parent before its children, when one record has `x: {}` and another `x.y`.
  return a.length - b.length;
}

function rankOf(top: string | number | undefined): number {
  return (typeof top === 'string' ? RANK.get(top) : undefined) ?? KEY_FIELDS.length;
}

function compareSegment(a: string | number | undefined, b: string | number | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // An index before a key: only where one record has an array and another an object.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const x = a ?? '';
  const y = b ?? '';
  const folded = x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  // Code-unit order breaks ties, so the order never depends on the browser's locale data.
  return folded !== 0 ? folded : x < y ? -1 : x > y ? 1 : 0;
}

function sameLeaf(a: PathLeaf | undefined, b: PathLeaf | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  // The string "12" and the number 12 print alike but are different values.
  return a.kind === b.kind && a.text === b.text;
}

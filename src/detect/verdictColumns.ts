import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { FileChunk } from '../index/types';

/** One dictionary-coded column as ruleVerdicts reads it. */
export interface VerdictColumn {
  /** Row i's code is `codes[offset + i]`. */
  readonly codes: ArrayLike<number>;
  readonly offset: number;
  /** Codes run from 0 to size - 1. */
  readonly size: number;
  /** Calls `fn` for the value of every code rows may hold (at least those they do hold). */
  forEachValue(fn: (value: string, code: number) => void): void;
}

/**
 * The rows ruleVerdicts judges: the index's rows [from, to) (after an ingest, over the case), or a
 * parsed file's chunk (in a parse worker, before the rows reach the index). `column(f)` is field f
 * of STRING_FIELDS.
 */
export interface VerdictColumns {
  readonly rows: number;
  column(f: number): VerdictColumn | undefined;
  /**
   * 1 for rows that are Insights records or aggregated events, whose eventName, eventSource and
   * account columns borrow values from elsewhere in the record (BORROWED_COLUMNS). Computed once.
   */
  borrowed(): Uint8Array;
}

/** The index's rows [from, to). */
export function indexColumns(index: EventIndex, from: number, to: number): VerdictColumns {
  return withBorrowed(Math.max(0, to - from), (f) => {
    const dict = index.dicts[f];
    const codes = index.cols[f]?.data;
    if (dict === undefined || codes === undefined) return undefined;
    return {
      codes,
      offset: from,
      size: dict.size,
      forEachValue: (fn) => dict.forEach(fn),
    };
  });
}

/**
 * A parsed file's rows (FileChunk: column-major codes into one table of strings). Only the codes a
 * column uses are visited, so a test costs the file's distinct values of that field.
 */
export function chunkColumns(chunk: FileChunk): VerdictColumns {
  const n = chunk.count;
  const capacity = chunk.codes.length / STRING_FIELDS.length;
  return withBorrowed(n, (f) => {
    if (f < 0 || f >= STRING_FIELDS.length) return undefined;
    const offset = f * capacity;
    const used = new Uint8Array(chunk.strings.length);
    for (let i = 0; i < n; i++) used[chunk.codes[offset + i] ?? 0] = 1;
    return {
      codes: chunk.codes,
      offset,
      size: chunk.strings.length,
      forEachValue: (fn) => {
        for (let c = 0; c < used.length; c++) if (used[c] === 1) fn(chunk.strings[c] ?? '', c);
      },
    };
  });
}

function withBorrowed(
  rows: number,
  column: (f: number) => VerdictColumn | undefined,
): VerdictColumns {
  const cache = new Map<number, VerdictColumn | undefined>();
  const get = (f: number) => {
    if (!cache.has(f)) cache.set(f, column(f));
    return cache.get(f);
  };
  let borrowed: Uint8Array | undefined;
  return {
    rows,
    column: get,
    borrowed: () => (borrowed ??= borrowedRows(rows, get)),
  };
}

function borrowedRows(n: number, column: (f: number) => VerdictColumn | undefined): Uint8Array {
  const mark = (field: 'eventCategory' | 'eventType', values: readonly string[]) => {
    const c = column(STRING_FIELDS.indexOf(field));
    const table = new Uint8Array(c?.size ?? 0);
    c?.forEachValue((v, code) => (table[code] = values.includes(v) ? 1 : 0));
    return { table, c };
  };
  const category = mark('eventCategory', ['Insight', 'Aggregated']);
  const type = mark('eventType', ['AwsCloudTrailInsight', 'AwsAggregatedEvent']);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = category.c === undefined ? 0 : (category.c.codes[category.c.offset + i] ?? 0);
    const b = type.c === undefined ? 0 : (type.c.codes[type.c.offset + i] ?? 0);
    out[i] = (category.table[a] ?? 0) | (type.table[b] ?? 0);
  }
  return out;
}

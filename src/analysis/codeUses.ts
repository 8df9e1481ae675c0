/**
 * The codes of one column that occur among some rows, in order of first occurrence, and per code
 * (same position as in `codes`): events, events with an errorCode, and the times of the first and
 * last of them (ms since epoch).
 */
export interface CodeUses {
  readonly codes: readonly number[];
  readonly counts: readonly number[];
  readonly errors: readonly number[];
  readonly first: readonly number[];
  readonly last: readonly number[];
}

/** Above this many codes per row, a dictionary is looked up through a Map, not a table of its size. */
const SPARSE_RATIO = 4;

/**
 * CodeUses of one column (`codes`, a dictionary of `size` codes) over `rows`, which must be in time
 * order (selectRows' order): a code's first event is then its first occurrence. `errorCodes` is the
 * errorCode column (0 = no error). One pass; per row only array writes, except for a dictionary
 * far larger than the rows (temporary keys at 1M events), whose codes go through a Map rather than
 * a table of megabytes.
 */
export function codeUses(
  codes: Uint16Array | Uint32Array,
  size: number,
  rows: Uint32Array,
  time: Float64Array,
  errorCodes: Uint16Array | Uint32Array,
): CodeUses {
  const out = { codes: [] as number[], counts: [] as number[], errors: [] as number[] };
  const first: number[] = [];
  const last: number[] = [];
  const dense = size <= 65_536 || size <= rows.length * SPARSE_RATIO;
  const table = dense ? new Int32Array(size).fill(-1) : undefined;
  const map = dense ? undefined : new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const k = codes[row] ?? 0;
    const t = time[row] ?? 0;
    let slot = table === undefined ? (map?.get(k) ?? -1) : (table[k] ?? -1);
    if (slot < 0) {
      slot = out.codes.length;
      if (table === undefined) map?.set(k, slot);
      else table[k] = slot;
      out.codes.push(k);
      out.counts.push(0);
      out.errors.push(0);
      first.push(t);
      last.push(t);
    }
    out.counts[slot] = (out.counts[slot] ?? 0) + 1;
    last[slot] = t;
    if ((errorCodes[row] ?? 0) !== 0) out.errors[slot] = (out.errors[slot] ?? 0) + 1;
  }
  return { ...out, first, last };
}

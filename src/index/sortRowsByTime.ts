/**
 * Returns every row in `[0, n)` ordered by `time` ascending, ties by row. Rows already ordered in
 * `previous` (a prefix of rows `[0, previous.length)`) are reused: only the new rows are sorted, then
 * the two runs are merged, so an ingest of k events into n costs O(k log k + n).
 * `time` is ms since epoch.
 */
export function sortRowsByTime(time: Float64Array, n: number, previous: Uint32Array): Uint32Array {
  const start = previous.length;
  const fresh = sortRange(time, start, n);
  if (start === 0) return fresh;
  const out = new Uint32Array(n);
  let a = 0;
  let b = 0;
  let o = 0;
  while (a < previous.length && b < fresh.length) {
    const ra = previous[a] ?? 0;
    const rb = fresh[b] ?? 0;
    // Old rows have smaller row numbers, so on equal times they come first.
    if ((time[ra] ?? 0) <= (time[rb] ?? 0)) {
      out[o++] = ra;
      a++;
    } else {
      out[o++] = rb;
      b++;
    }
  }
  out.set(previous.subarray(a), o);
  out.set(fresh.subarray(b), o + previous.length - a);
  return out;
}

function sortRange(time: Float64Array, from: number, to: number): Uint32Array {
  const count = to - from;
  let min = Infinity;
  let max = -Infinity;
  for (let r = from; r < to; r++) {
    const t = time[r] ?? 0;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  // Fast path: pack (time − min, row) into one exactly representable double and sort natively, which
  // is several times faster than a comparator sort. Needs span × 2^rowBits < 2^53.
  const rowBits = Math.ceil(Math.log2(to + 1));
  const span = max - min;
  const rows = new Uint32Array(count);
  if (count > 0 && span * 2 ** rowBits < 2 ** 53) {
    const keys = new Float64Array(count);
    const scale = 2 ** rowBits;
    for (let i = 0; i < count; i++) keys[i] = ((time[from + i] ?? 0) - min) * scale + from + i;
    keys.sort();
    for (let i = 0; i < count; i++) rows[i] = (keys[i] ?? 0) % scale;
    return rows;
  }
  for (let i = 0; i < count; i++) rows[i] = from + i;
  rows.sort((x, y) => {
    const d = (time[x] ?? 0) - (time[y] ?? 0);
    return d !== 0 ? d : x - y;
  });
  return rows;
}

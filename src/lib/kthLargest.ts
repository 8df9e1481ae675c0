/**
 * The k-th largest of `values` (k from 1), by quickselect over a copy: linear time on average,
 * where sorting every figure to cut a "first 1,000" list from hundreds of thousands costs
 * n log n. -Infinity when k is out of range (keep nothing); NaN values are never picked.
 */
export function kthLargest(values: ArrayLike<number>, k: number): number {
  const n = values.length;
  if (k < 1 || k > n) return -Infinity;
  const a = Float64Array.from(values);
  let lo = 0;
  let hi = n - 1;
  const want = k - 1;
  while (lo < hi) {
    // Median of three as the pivot: sorted or constant input stays linear.
    const mid = (lo + hi) >>> 1;
    const x = a[lo] ?? 0;
    const y = a[mid] ?? 0;
    const z = a[hi] ?? 0;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) > pivot) i++;
      while ((a[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else break;
  }
  return a[want] ?? -Infinity;
}

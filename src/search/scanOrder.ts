/** 0 … n - 1, shared and grown as cases grow (never written after it is filled). */
let storage = new Uint32Array(0);

/**
 * The rows to read for a tally that does not depend on their order: `rows` itself, or, when it
 * holds every row of an index of `size` rows (a search result is distinct rows, so then some
 * permutation of them), the rows in storage order 0 … size - 1. A result is in time order, which
 * reads each column at random; storage order reads them front to back, several times faster at a
 * million rows.
 */
export function scanOrder(size: number, rows: Uint32Array): Uint32Array {
  if (rows.length !== size) return rows;
  if (storage.length < size) {
    const next = new Uint32Array(Math.max(size, Math.ceil(storage.length * 1.25)));
    for (let i = 0; i < next.length; i++) next[i] = i;
    storage = next;
  }
  return storage.subarray(0, size);
}

import type { RuleHits } from '../index/RuleHits';

/**
 * One byte per row of an index of `size` rows: 1 when some rule has an active (not benign) hit on
 * it, else 0. Undefined when no row has one, so callers can skip the per-row test.
 */
export function hitRowMark(hits: RuleHits, size: number): Uint8Array | undefined {
  let mark: Uint8Array | undefined;
  for (const { id } of hits.rules()) {
    const rows = hits.activeRows(id);
    if (rows.length === 0) continue;
    mark ??= new Uint8Array(size);
    for (const row of rows) if (row < size) mark[row] = 1;
  }
  return mark;
}

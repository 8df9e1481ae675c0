import type { CairnDatabase } from './cairnDb';

/** The meta-store key of the case's write count. */
const KEY = 'writes';

/**
 * How many times a tab has taken the case's writer lock to change it (engine/caseLock.ts), kept in
 * the case's database. A tab that read the case at count n and finds n again under the lock knows no
 * other tab wrote since; any other count means its in-memory index, catalogue and next fileId are
 * stale and must be read again before it writes.
 */
export interface WriteCount {
  readonly kind: 'writes';
  readonly count: number;
}

/** The case's write count (0 for a case no tab has written to under the lock yet). */
export async function loadWriteCount(db: CairnDatabase): Promise<number> {
  const value = await db.get('meta', KEY);
  return value !== undefined && 'kind' in value && value.kind === 'writes' ? value.count : 0;
}

/** Adds one to the case's write count, in one transaction; resolves with the new count. */
export async function bumpWriteCount(db: CairnDatabase): Promise<number> {
  const tx = db.transaction('meta', 'readwrite');
  const value = await tx.store.get(KEY);
  const count =
    (value !== undefined && 'kind' in value && value.kind === 'writes' ? value.count : 0) + 1;
  const next: WriteCount = { kind: 'writes', count };
  await Promise.all([tx.store.put(next, KEY), tx.done]);
  return count;
}

import { isObject } from '../lib/isObject';
import type { CairnDatabase } from './cairnDb';

const KEY = 'detectionHits';

/**
 * The detection hits as last computed (meta `detectionHits`), so a reopened case does not run every
 * rule over every event again: valid for the rule set whose `signature` it names, over index rows
 * 0 to `rows` (exclusive), and only while row `rows - 1` is still the event it was (`lastFileId`,
 * `lastRecordIndex`). Rows past `rows` are run at open.
 */
export interface StoredHits {
  readonly kind: 'detectionHits';
  readonly signature: string;
  readonly rows: number;
  readonly lastFileId: number;
  readonly lastRecordIndex: number;
  /** Rule id → hit rows, ascending. */
  readonly hits: readonly (readonly [string, Uint32Array])[];
}

/** Reads the stored hits; undefined when none are stored or the value is malformed. */
export async function loadDetectionHits(db: CairnDatabase): Promise<StoredHits | undefined> {
  const v: unknown = await db.get('meta', KEY);
  if (!isObject(v) || v['kind'] !== 'detectionHits') return undefined;
  const { signature, rows, lastFileId, lastRecordIndex, hits } = v;
  if (typeof signature !== 'string' || !Array.isArray(hits)) return undefined;
  if (![rows, lastFileId, lastRecordIndex].every((n) => typeof n === 'number' && n >= 0))
    return undefined;
  const out: [string, Uint32Array][] = [];
  for (const h of hits) {
    if (!Array.isArray(h) || typeof h[0] !== 'string' || !(h[1] instanceof Uint32Array))
      return undefined;
    out.push([h[0], h[1]]);
  }
  return {
    kind: 'detectionHits',
    signature,
    rows: Number(rows),
    lastFileId: Number(lastFileId),
    lastRecordIndex: Number(lastRecordIndex),
    hits: out,
  };
}

/** Stores the hits (replacing the last). @throws the IndexedDB error (a full quota). */
export async function saveDetectionHits(db: CairnDatabase, value: StoredHits): Promise<void> {
  await db.put('meta', value, KEY);
}

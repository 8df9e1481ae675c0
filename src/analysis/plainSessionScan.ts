import type { EventIndex } from '../index/EventIndex';
import type { RecordReader } from '../db/RecordReader';
import { objectAt, stringAt } from '../lib/isObject';

/**
 * The bench's reference for the session list: the same rows grouped the plain way, by reading each
 * record back from its stored file (gunzip + JSON.parse) and taking `userIdentity.accessKeyId`.
 * Returns the time (ms), the records read, and the number of temporary keys (ASIA…) found, which
 * must equal the session list's total.
 */
export async function plainSessionScan(
  index: EventIndex,
  reader: RecordReader,
  rows: Uint32Array,
): Promise<{ ms: number; records: number; sessions: number }> {
  const started = performance.now();
  // Row order groups nothing by file: gather each file's record indices, then read each file once.
  const byFile = new Map<number, number[]>();
  for (const row of rows) {
    const fileId = index.fileId.data[row] ?? 0;
    const list = byFile.get(fileId) ?? [];
    list.push(index.recordIndex.data[row] ?? 0);
    byFile.set(fileId, list);
  }
  const keys = new Map<string, number>();
  let records = 0;
  for (const [fileId, indices] of byFile) {
    const all = await reader.records(fileId);
    for (const i of indices) {
      records++;
      const key = stringAt(objectAt(all[i], 'userIdentity'), 'accessKeyId');
      if (key?.startsWith('ASIA') === true) keys.set(key, (keys.get(key) ?? 0) + 1);
    }
  }
  return { ms: performance.now() - started, records, sessions: keys.size };
}

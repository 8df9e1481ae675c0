import type { RecordReader } from '../db/RecordReader';
import type { EventIndex } from '../index/EventIndex';
import { stringAt } from '../lib/isObject';

/** What the plain scan found: records read, and a few of the profile's figures from them. */
export interface PlainIdentityScan {
  readonly ms: number;
  readonly records: number;
  readonly calls: number;
  readonly sourceIps: number;
  readonly errors: number;
}

/**
 * The bench's reference for an identity profile: the same rows (`rows`, the identity's events) read
 * back from the stored files, one file at a time, and their calls, source IPs and errors tallied
 * from the records the plain way. Slow on purpose (gunzip and JSON.parse of every file touched).
 */
export async function plainIdentityScan(
  index: EventIndex,
  reader: RecordReader,
  rows: Uint32Array,
): Promise<PlainIdentityScan> {
  const started = performance.now();
  const byFile = new Map<number, number[]>();
  for (const row of rows) {
    const fileId = index.fileId.data[row] ?? 0;
    const list = byFile.get(fileId) ?? [];
    byFile.set(fileId, list);
    list.push(index.recordIndex.data[row] ?? 0);
  }
  const calls = new Set<string>();
  const ips = new Set<string>();
  let errors = 0;
  let records = 0;
  for (const [fileId, indices] of byFile) {
    const all = await reader.records(fileId);
    for (const i of indices) {
      const r = all[i];
      records++;
      calls.add(`${stringAt(r, 'eventSource') ?? ''} ${stringAt(r, 'eventName') ?? ''}`);
      ips.add(stringAt(r, 'sourceIPAddress') ?? '');
      if ((stringAt(r, 'errorCode') ?? '') !== '') errors++;
    }
  }
  return {
    ms: performance.now() - started,
    records,
    calls: calls.size,
    sourceIps: ips.size,
    errors,
  };
}

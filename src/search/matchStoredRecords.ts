import { decodeLogFile } from '../cloudtrail/decodeLogFile';
import { parseQuery } from '../querylang/parseQuery';
import { compileRecordTest } from './compileFilter';

/**
 * Runs the record part of query `q` (JSON paths, free text) on the records at `recordIndices` of a
 * stored file given as its original bytes. Returns a verdict per index: 1 matches, 2 does not.
 * Runs in a parse worker, so two files are searched at once on two cores. A file that no longer
 * decodes matches nothing.
 */
export async function matchStoredRecords(
  bytes: Uint8Array<ArrayBuffer>,
  q: string,
  recordIndices: Uint32Array,
): Promise<Uint8Array> {
  const verdict = new Uint8Array(recordIndices.length).fill(2);
  const parsed = parseQuery(q);
  const test = parsed.ok ? compileRecordTest(parsed.query) : undefined;
  if (test === undefined) return verdict.fill(1);
  let records: readonly unknown[];
  try {
    const { content } = await decodeLogFile(bytes);
    if (content.kind !== 'records') return verdict;
    records = content.records;
  } catch {
    return verdict;
  }
  recordIndices.forEach((i, k) => {
    // One record the test cannot read must not end the scan of the records after it.
    try {
      if (test(records[i])) verdict[k] = 1;
    } catch {
      // This verdict stays "no match".
    }
  });
  return verdict;
}

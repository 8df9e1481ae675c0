import { classifyLogJson } from './classifyLogJson';
import type { ReadContent } from './shapes/LogContent';
import { RecordSplitter } from './RecordSplitter';

/**
 * Reads the whole records of JSON text cut off inside a record (a copy or download cut short), as
 * the streamed read of a large file does (RecordSplitter): `{"Records":[{…},{…},{"eventVer` gives
 * the first two records, the same two every time for the same bytes. `text` is UTF-8 bytes.
 * Returns content kind 'records' with `truncated: true`, or undefined when the text does not stop
 * inside a value, holds no whole record, or its whole records are not CloudTrail records (the
 * caller then reports the file as broken). Never throws.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export function readWholeRecords(text: Uint8Array): ReadContent | undefined {
  // One part per records container: no size cut, the text is already in memory.
  const splitter = new RecordSplitter(Number.POSITIVE_INFINITY);
  const parts = [...splitter.push(text), ...splitter.end()];
  if (!splitter.truncated || parts.length === 0) return undefined;
  const decoder = new TextDecoder();
  let first: ReadContent | undefined;
  let records: unknown[] = [];
  let skipped = 0;
  let skippedReason: string | undefined;
  for (const part of parts) {
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(part.bytes));
    } catch {
      return undefined;
    }
    const content = classifyLogJson(value);
    if (content.kind !== 'records') return undefined;
    first ??= content;
    // concat, not push(...): a spread of a large array overflows the stack.
    records = records.concat(content.records);
    skipped += content.skipped?.count ?? 0;
    skippedReason ??= content.skipped?.reason;
  }
  if (first?.kind !== 'records') return undefined;
  return {
    kind: 'records',
    shape: first.shape,
    records,
    ...(skippedReason === undefined ? {} : { skipped: { count: skipped, reason: skippedReason } }),
    truncated: true,
  };
}

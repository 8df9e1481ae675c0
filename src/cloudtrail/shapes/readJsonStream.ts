import type { ReadContent } from './LogContent';
import type { Framing, StreamItem } from './LogShape';
import { RecordCollector } from './RecordCollector';
import { scanJsonValues } from './scanJsonValues';
import { describeValue, unwrapItem } from './unwrapItem';

/**
 * Reads a text that is not one JSON document (JSON.parse failed on it) as a stream of JSON values:
 * JSON lines (NDJSON, CloudWatch Logs exports of events or of `{timestamp, message}`) or values
 * back to back (Firehose batches of EventBridge events or CloudWatch Logs payloads). Each value is
 * unwrapped by `unwrapItem`; values that hold no record, stray lines, and a value cut off at the
 * end of the file are counted as skipped.
 * @throws Error "Truncated JSON: …" when the text is the start of a single value cut off at its end,
 *   "Invalid JSON (…)" with `parseError`'s message when it is otherwise one broken value: a broken
 *   document stays a failure, not a stream of nothing.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html
 */
export function readJsonStream(text: string, parseError: unknown): ReadContent {
  const scan = scanJsonValues(text);
  const pieces = scan.spans.length + scan.strayLines + (scan.truncatedAt >= 0 ? 1 : 0);
  if (scan.spans.length === 0 || pieces < 2)
    throw invalidJson(parseError, text.length, scan.truncatedAt);
  const into = new RecordCollector();
  let item: StreamItem | undefined;
  for (const [start, end] of scan.spans) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch {
      into.skip('a value that is not valid JSON');
      continue;
    }
    const read = unwrapItem(value, into);
    if (read === undefined) into.skip(describeValue(value));
    item ??= read;
  }
  for (let k = 0; k < scan.strayLines; k++) into.skip('a line that is not a JSON object');
  if (scan.truncatedAt >= 0) into.skip('the file ends inside a JSON value (truncated)');
  const framing: Framing = scan.lineSeparated ? 'JSON lines' : 'concatenated JSON';
  return into.content(
    `${framing} of ${item ?? 'events'}`,
    `${framing}, but no CloudTrail event in it`,
  );
}

function invalidJson(error: unknown, length: number, truncatedAt: number): Error {
  const detail = error instanceof Error ? error.message : String(error);
  if (truncatedAt >= 0) {
    return new Error(
      `Truncated JSON: the text stops after ${length.toLocaleString('en-US')} characters, inside a value that is never closed (cut short in a copy or download?)`,
      { cause: error },
    );
  }
  return new Error(`Invalid JSON (${detail})`, { cause: error });
}

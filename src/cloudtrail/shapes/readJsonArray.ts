import { isCloudTrailRecord } from './isCloudTrailRecord';
import type { ReadContent } from './LogContent';
import type { StreamItem } from './LogShape';
import { RecordCollector } from './RecordCollector';
import { describeValue, unwrapItem } from './unwrapItem';

/**
 * Reads a top-level JSON array: of bare records (samples, `jq '.Records'`), of EventBridge events,
 * of CloudWatch Logs events (Logs Insights JSON export), or of `CloudTrailEvent` strings. Values that
 * hold no record are counted as skipped; an array with no record at all is 'other'.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function readJsonArray(values: readonly unknown[]): ReadContent {
  if (values.length === 0) return { kind: 'other', reason: 'an empty JSON array' };
  // The common case keeps the parsed array itself: record i is values[i].
  if (values.every(isCloudTrailRecord)) {
    return { kind: 'records', shape: 'JSON array of events', records: values };
  }
  const into = new RecordCollector();
  let item: StreamItem | undefined;
  for (const value of values) {
    const read = unwrapItem(value, into);
    if (read === undefined) into.skip(describeValue(value));
    item ??= read;
  }
  return into.content(
    `JSON array of ${item ?? 'events'}`,
    'a JSON array, but not of CloudTrail events',
  );
}

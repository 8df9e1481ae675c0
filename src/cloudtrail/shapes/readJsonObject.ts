import type { JsonObject } from '../../lib/isObject';
import type { ReadContent } from './LogContent';
import type { BaseShape, StreamItem } from './LogShape';
import { readLakeQueryResults } from './readLakeQueryResults';
import { readLookupEvents } from './readLookupEvents';
import { RecordCollector } from './RecordCollector';
import { describeKeys, describeValue, isLogEvent, unwrapItem } from './unwrapItem';

/** The shape of a file holding exactly one value of each kind. */
const SINGLE: Record<StreamItem, BaseShape> = {
  events: 'single event',
  'EventBridge events': 'EventBridge event',
  'CloudWatch Logs events': 'CloudWatch Logs event',
  'CloudWatch Logs subscription payloads': 'CloudWatch Logs subscription payload',
  'Records envelopes': 'Records envelope',
  'CloudTrailEvent strings': 'single event',
};

/**
 * Reads a top-level JSON object that is not a `Records` envelope or a digest (those are recognised
 * first, on the hot path), in the order of docs/reference/cloudtrail-format.md §4.8:
 * `Events[].CloudTrailEvent` (lookup-events), `QueryResultRows` (Lake), a Lake `result_sign.json`
 * (skipped: it holds hashes), `events[]` of log events (`aws logs get-log-events` and
 * `filter-log-events`), then one value of any kind `unwrapItem` knows.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-query-results-validation.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html
 */
export function readJsonObject(value: JsonObject): ReadContent {
  const events = value['Events'];
  if (Array.isArray(events)) return readLookupEvents(events);
  const rows = value['QueryResultRows'];
  if (Array.isArray(rows)) return readLakeQueryResults(rows);
  if ('hashSignature' in value && 'files' in value) {
    return {
      kind: 'other',
      reason:
        'a CloudTrail Lake result signature file (result_sign.json): it lists hashes of the result files, not events',
    };
  }
  const logEvents = value['events'];
  if (Array.isArray(logEvents) && logEvents.some(isLogEvent)) {
    const into = new RecordCollector();
    for (const e of logEvents) {
      if (unwrapItem(e, into) === undefined) into.skip(describeValue(e));
    }
    return into.content(
      'CloudWatch Logs CLI output',
      'CloudWatch Logs events holding no CloudTrail record',
    );
  }
  const into = new RecordCollector();
  const item = unwrapItem(value, into);
  if (item === undefined) {
    return {
      kind: 'other',
      reason: `JSON, but not CloudTrail: no Records array, event or known wrapper (${describeKeys(value)})`,
    };
  }
  if (item === 'CloudWatch Logs subscription payloads' && into.records.length === 0) {
    return {
      kind: 'other',
      reason:
        value['messageType'] === 'CONTROL_MESSAGE'
          ? 'a CloudWatch Logs CONTROL_MESSAGE (a subscription check, no events)'
          : `a CloudWatch Logs subscription payload holding no CloudTrail record${into.skipReason === undefined ? '' : ` (${into.skipReason})`}`,
    };
  }
  return into.content(SINGLE[item], 'no CloudTrail record');
}

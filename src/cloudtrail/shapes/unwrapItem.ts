import { isObject } from '../../lib/isObject';
import { isCloudTrailRecord, parseRecordText, recordFrom } from './isCloudTrailRecord';
import type { StreamItem } from './LogShape';
import type { RecordCollector } from './RecordCollector';

/**
 * Reads one JSON value of an array or stream into `into`, unwrapping the record from whichever
 * wrapper carries it, and returns what the value was read as (undefined when it is none of them;
 * the caller then skips it with `describeValue`):
 * - a bare record;
 * - an EventBridge event whose `detail-type` ends in "via CloudTrail" (API Call, Console Action,
 *   Service Event, Insight, Network Activity Event, and the sign-in type spelled two ways), record
 *   in `detail`; other detail types are counted as skipped;
 * - a CloudWatch Logs subscription payload (`messageType`, `logEvents[].message`); a
 *   `CONTROL_MESSAGE` holds no events and is ignored;
 * - a CloudWatch Logs event, `{timestamp, message}` or `{@timestamp, @message}` (console and Logs
 *   Insights exports), the record as the message;
 * - a `{"Records":[…]}` envelope (trail files written back to back);
 * - a string holding a record's JSON (`lookup-events --query 'Events[].CloudTrailEvent'`).
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
 */
export function unwrapItem(value: unknown, into: RecordCollector): StreamItem | undefined {
  if (typeof value === 'string') {
    const record = parseRecordText(value);
    if (record === undefined) return undefined;
    into.add(record);
    return 'CloudTrailEvent strings';
  }
  if (!isObject(value)) return undefined;
  if (isCloudTrailRecord(value)) {
    into.add(value);
    return 'events';
  }
  const detailType = value['detail-type'];
  if (typeof detailType === 'string' && 'detail' in value) {
    if (!detailType.endsWith('via CloudTrail')) {
      into.skip(`an EventBridge event that is not from CloudTrail ("${clip(detailType)}")`);
    } else if (isCloudTrailRecord(value['detail'])) {
      into.add(value['detail']);
    } else {
      into.skip('an EventBridge event whose detail is not a CloudTrail record');
    }
    return 'EventBridge events';
  }
  const logEvents = value['logEvents'];
  if (typeof value['messageType'] === 'string' && Array.isArray(logEvents)) {
    if (value['messageType'] === 'CONTROL_MESSAGE') return 'CloudWatch Logs subscription payloads';
    for (const logEvent of logEvents) {
      const record = isObject(logEvent) ? recordFrom(logEvent['message']) : undefined;
      if (record === undefined) into.skip(NOT_A_RECORD_MESSAGE);
      else into.add(record);
    }
    return 'CloudWatch Logs subscription payloads';
  }
  if (isLogEvent(value)) {
    const record = recordFrom(value['message'] ?? value['@message']);
    if (record === undefined) into.skip(NOT_A_RECORD_MESSAGE);
    else into.add(record);
    return 'CloudWatch Logs events';
  }
  const records = value['Records'];
  if (Array.isArray(records)) {
    for (const record of records) into.add(record);
    return 'Records envelopes';
  }
  return undefined;
}

const NOT_A_RECORD_MESSAGE = 'a CloudWatch Logs event whose message is not a CloudTrail record';

/** `{timestamp, message}` as CloudWatch Logs APIs and exports write it, or with `@` names (Logs Insights). */
export function isLogEvent(value: unknown): boolean {
  if (!isObject(value)) return false;
  return (
    ('message' in value && 'timestamp' in value) || ('@message' in value && '@timestamp' in value)
  );
}

/** A short description of a JSON value that is not CloudTrail, for a skip reason. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array that is not a CloudTrail event';
  if (!isObject(value)) return `a JSON ${value === null ? 'null' : typeof value}, not an event`;
  return `a JSON object that is not a CloudTrail event (${describeKeys(value)})`;
}

/** The first keys of an object, clipped, for a reason: `keys: Items, Count`. */
export function describeKeys(value: { readonly [key: string]: unknown }): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'no keys';
  const shown = keys.slice(0, 4).map(clip).join(', ');
  return `keys: ${shown}${keys.length > 4 ? ', …' : ''}`;
}

/** Log text is attacker-controlled: keep what a reason quotes short. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

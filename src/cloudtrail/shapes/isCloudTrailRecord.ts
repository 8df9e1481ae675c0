import { isObject } from '../../lib/isObject';
import type { JsonObject } from '../../lib/isObject';

/**
 * True when `value` is a bare CloudTrail record: `eventTime` + `eventSource` (every management, data
 * and network activity record), or `eventVersion` + `eventID` (Insights records, which carry their
 * API in `insightDetails`) or `eventId` (aggregated events, lower-case d).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aggregated-events.html
 */
export function isCloudTrailRecord(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (typeof value['eventTime'] === 'string' && 'eventSource' in value) return true;
  return (
    typeof value['eventVersion'] === 'string' &&
    (typeof value['eventID'] === 'string' || typeof value['eventId'] === 'string')
  );
}

/**
 * The record held as JSON text (a CloudWatch Logs message, lookup-events' `CloudTrailEvent`, a CSV
 * cell), or undefined when the text is not JSON of a CloudTrail record. Never throws.
 */
export function parseRecordText(text: string): JsonObject | undefined {
  const t = text.trimStart();
  if (!t.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return isObject(value) && isCloudTrailRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A record carried as JSON text or as an object (tools differ on which): undefined when it is
 * neither a CloudTrail record nor the JSON text of one.
 */
export function recordFrom(value: unknown): JsonObject | undefined {
  if (typeof value === 'string') return parseRecordText(value);
  return isObject(value) && isCloudTrailRecord(value) ? value : undefined;
}

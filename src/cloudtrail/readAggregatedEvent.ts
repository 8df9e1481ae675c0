import { objectAt, stringAt } from '../lib/isObject';
import type { JsonObject } from '../lib/isObject';

/** What the index needs from an aggregated event, which keeps it where no other record does. */
export interface AggregatedCore {
  /** `eventId` (lower-case d), '' when absent. */
  readonly eventID: string;
  /** `timeWindow.windowStart` as ISO-8601 UTC text, standing for the missing eventTime. */
  readonly eventTime: string | undefined;
  /** The one eventName of `summary.primaryDimension` when that dimension is eventName, else ''. */
  readonly eventName: string;
  /** The top-level `accountId`: the account that received the event. */
  readonly accountId: string | undefined;
}

/**
 * Reads an aggregated event (`eventCategory: Aggregated`, `eventType: AwsAggregatedEvent`), a
 * 5-minute summary of data events with no eventTime, eventID or eventName; undefined for any
 * other record. The window start is written `2025-10-30 23:45:00` (UTC, no zone) in one doc
 * example and `2025-11-17T19:20:00Z` in another: both are read as UTC.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aggregated-events.html
 */
export function readAggregatedEvent(record: JsonObject): AggregatedCore | undefined {
  if (stringAt(record, 'eventCategory') !== 'Aggregated') return undefined;
  return {
    eventID: stringAt(record, 'eventId') ?? '',
    eventTime: utcText(stringAt(objectAt(record, 'timeWindow'), 'windowStart')),
    eventName: primaryEventName(record),
    accountId: stringAt(record, 'accountId'),
  };
}

/** `2025-10-30 23:45:00` as `2025-10-30T23:45:00Z`, so Date.parse does not read it as local time. */
function utcText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text)
    ? `${text.replace(' ', 'T')}Z`
    : text;
}

function primaryEventName(record: JsonObject): string {
  const primary = objectAt(objectAt(record, 'summary'), 'primaryDimension');
  const statistics: unknown = primary?.['statistics'];
  if (stringAt(primary, 'dimension') !== 'eventName' || !Array.isArray(statistics)) return '';
  return statistics.length === 1 ? (stringAt(statistics[0], 'name') ?? '') : '';
}

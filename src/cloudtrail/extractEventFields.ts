import { isObject, objectAt, stringAt } from '../lib/isObject';
import { parseUtcTime } from '../lib/parseUtcTime';
import { deriveResources } from './deriveResources';
import { deriveUserName } from './deriveUserName';
import { readAggregatedEvent } from './readAggregatedEvent';
import { insightApi, isInsightRecord } from './readInsightDetails';
import type { CloudTrailRecord, EventFields, ReadOnlyState } from './types';

/** Why a record could not be indexed: a readable sentence naming the missing or bad field. */
export interface RecordProblem {
  readonly problem: string;
}

/**
 * Derives the indexed projection of one record. Requires `eventTime` (ISO 8601 UTC, e.g.
 * `2023-07-19T21:17:28Z`), `eventSource` and `eventName` strings, which every trail record has; anything
 * else may be absent. Insights records (no `userIdentity`, `eventSource` or `eventName`) take the API
 * from `insightDetails`, and `eventCategory` `Insight` when they omit it (the docs' own example does).
 * Aggregated events (no eventTime, eventID or eventName) are read by `readAggregatedEvent`; records
 * that went through Logstash have their eventTime as `@timestamp`
 * (https://github.com/logstash-plugins/logstash-codec-cloudtrail).
 * `eventTime` is NaN when the record's eventTime text is not a time that exists (see parseUtcTime).
 * Never throws: a record that is not usable comes back as a RecordProblem.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aggregated-events.html
 */
export function extractEventFields(record: unknown): EventFields | RecordProblem {
  if (!isObject(record)) return { problem: 'a record is not a JSON object' };
  const aggregated = readAggregatedEvent(record);
  // Logstash's cloudtrail codec moves eventTime into @timestamp (OTRF's JSON-lines datasets).
  const time =
    stringAt(record, 'eventTime') ?? aggregated?.eventTime ?? stringAt(record, '@timestamp');
  if (time === undefined) return { problem: 'a record has no eventTime' };
  // An impossible or unreadable eventTime (a tampered `2023-02-30`) stays NaN: the record is still
  // indexed, flagged, and shown as an invalid time rather than dropped or read as a plausible one.
  const eventTime = parseUtcTime(time);
  // Insights records name their API only inside insightDetails; the table and the lookup
  // attributes show that API, as the console's Insights page and LookupEvents do.
  let eventSource = stringAt(record, 'eventSource');
  let eventName = stringAt(record, 'eventName') ?? aggregated?.eventName;
  if (eventSource === undefined || eventName === undefined) {
    const insight = insightApi(record);
    eventSource ??= insight?.eventSource;
    eventName ??= insight?.eventName;
  }
  if (eventSource === undefined || eventName === undefined) {
    return { problem: 'a record has no eventSource or eventName' };
  }
  const identity = objectAt(record, 'userIdentity');
  return {
    eventID: stringAt(record, 'eventID') ?? aggregated?.eventID ?? '',
    eventTime,
    eventName,
    eventSource,
    awsRegion: str(record, 'awsRegion'),
    errorCode: str(record, 'errorCode'),
    sourceIPAddress: str(record, 'sourceIPAddress'),
    userAgent: str(record, 'userAgent'),
    readOnly: readOnlyState(record),
    recipientAccountId: stringAt(record, 'recipientAccountId') ?? aggregated?.accountId ?? '',
    eventCategory: stringAt(record, 'eventCategory') ?? (isInsightRecord(record) ? 'Insight' : ''),
    eventType: str(record, 'eventType'),
    identityType: str(identity, 'type'),
    userName: deriveUserName(record),
    accessKeyId: str(identity, 'accessKeyId'),
    arn: str(identity, 'arn'),
    principalId: str(identity, 'principalId'),
    resources: deriveResources(record),
    issuedAccessKeyId: str(
      objectAt(objectAt(record, 'responseElements'), 'credentials'),
      'accessKeyId',
    ),
  };
}

/** True when extractEventFields could not index the record. */
export function isRecordProblem(value: EventFields | RecordProblem): value is RecordProblem {
  return 'problem' in value;
}

function str(value: unknown, key: string): string {
  return stringAt(value, key) ?? '';
}

// `readOnly` is a JSON boolean in trail files but a string in LookupEvents and console CSV output.
function readOnlyState(record: CloudTrailRecord): ReadOnlyState {
  const v = record['readOnly'];
  if (v === true || v === 'true') return 'true';
  if (v === false || v === 'false') return 'false';
  return '';
}

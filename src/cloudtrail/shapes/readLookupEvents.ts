import { isObject } from '../../lib/isObject';
import { recordFrom } from './isCloudTrailRecord';
import type { ReadContent } from './LogContent';
import { RecordCollector } from './RecordCollector';

/**
 * Reads `aws cloudtrail lookup-events` output (the LookupEvents response, pages merged by the CLI):
 * `{"Events":[{EventId, EventName, …, "CloudTrailEvent": "<the record as a JSON string>"}]}`.
 * The record is `CloudTrailEvent`; an entry without a readable one is counted as skipped.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html
 */
export function readLookupEvents(events: readonly unknown[]): ReadContent {
  const into = new RecordCollector();
  for (const event of events) {
    const record = isObject(event) ? recordFrom(event['CloudTrailEvent']) : undefined;
    if (record === undefined) into.skip('a lookup-events entry without a CloudTrailEvent record');
    else into.add(record);
  }
  return into.content('lookup-events output', 'lookup-events output holding no events');
}

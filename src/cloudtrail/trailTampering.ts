/** The eventSource of CloudTrail's own API. */
export const CLOUDTRAIL_EVENT_SOURCE = 'cloudtrail.amazonaws.com';

/**
 * CloudTrail API calls that stop, remove or narrow what a trail records: an attacker's first move
 * to blind the responders, and the reason a record has holes.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Operations.html
 */
export const TRAIL_TAMPERING_EVENT_NAMES: readonly string[] = [
  'StopLogging',
  'DeleteTrail',
  'UpdateTrail',
  'PutEventSelectors',
  'PutInsightSelectors',
];

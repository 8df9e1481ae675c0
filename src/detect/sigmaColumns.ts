import type { StringField } from '../cloudtrail/types';

/**
 * Sigma field names (dotted paths into the record) whose value an index column holds as is: the
 * column keeps the record's string at that path, and '' when it is missing or not a string.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export const SIGMA_COLUMNS: ReadonlyMap<string, StringField> = new Map<string, StringField>([
  ['eventName', 'eventName'],
  ['eventSource', 'eventSource'],
  ['awsRegion', 'awsRegion'],
  ['errorCode', 'errorCode'],
  ['sourceIPAddress', 'sourceIPAddress'],
  ['userAgent', 'userAgent'],
  ['recipientAccountId', 'recipientAccountId'],
  ['eventType', 'eventType'],
  ['userIdentity.type', 'identityType'],
  ['userIdentity.accessKeyId', 'accessKeyId'],
]);

/**
 * Columns that take another value when the record lacks the path: an Insights record's API comes
 * from its insightDetails, an aggregated event's name and account from its summary
 * (extractEventFields). On those rows the column is not the record's value.
 */
export const BORROWED_COLUMNS: ReadonlySet<StringField> = new Set<StringField>([
  'eventName',
  'eventSource',
  'recipientAccountId',
]);

/**
 * Columns every indexed record holds as a string (extractEventFields refuses a record without
 * them): '' there is an empty string, never a missing value, a number or a list. Borrowed rows
 * aside (BORROWED_COLUMNS), the index settles any test on them.
 */
export const TEXT_COLUMNS: ReadonlySet<StringField> = new Set<StringField>([
  'eventName',
  'eventSource',
]);

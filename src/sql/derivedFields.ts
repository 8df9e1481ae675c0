import { sqlString } from './sqlText';

/**
 * A string expression of a JSON value in the record, '' when absent: `get(['userIdentity', 'arn'])`.
 * Each dialect reads its own storage (DuckDB the record's JSON, Athena and Lake their columns).
 */
export type Getter = (path: readonly string[]) => string;

/**
 * The record paths of the indexed fields that are plain keys (querylang/fields, as
 * cloudtrail/extractEventFields reads them); userName and readOnly are derived, see userNameSql.
 */
export const FIELD_PATHS: Readonly<Record<string, readonly string[]>> = {
  eventName: ['eventName'],
  eventSource: ['eventSource'],
  awsRegion: ['awsRegion'],
  errorCode: ['errorCode'],
  sourceIPAddress: ['sourceIPAddress'],
  userAgent: ['userAgent'],
  recipientAccountId: ['recipientAccountId'],
  eventCategory: ['eventCategory'],
  eventType: ['eventType'],
  identityType: ['userIdentity', 'type'],
  accessKeyId: ['userIdentity', 'accessKeyId'],
  'userIdentity.arn': ['userIdentity', 'arn'],
  'userIdentity.principalId': ['userIdentity', 'principalId'],
  eventID: ['eventID'],
};

/**
 * cloudtrail/deriveUserName in SQL (Trino and DuckDB alike): the console's User name, from a
 * non-empty `userIdentity.userName`, else by `userIdentity.type` (Root → `root`, AssumedRole and
 * FederatedUser → the session name, IdentityCenterUser → `onBehalfOf.userId` or
 * `additionalEventData.userName`, AWSService → `invokedBy`, AWSAccount → `accountId` or
 * `principalId`, no type → `invokedBy`). `hasIdentity` is true when userIdentity is an object.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
export function userNameSql(get: Getter, hasIdentity: string): string {
  const id = (...path: string[]) => get(['userIdentity', ...path]);
  const nonEmpty = (e: string) => `nullif(${e}, '')`;
  const session = (marker: string) => {
    const arn = id('arn');
    const last = `regexp_extract(${arn}, '[^/]*$')`;
    const pid = id('principalId');
    return (
      `CASE WHEN strpos(${arn}, ${sqlString(marker)}) > 0 AND ${last} <> '' THEN ${last} ` +
      `WHEN strpos(${pid}, ':') > 0 THEN substr(${pid}, strpos(${pid}, ':') + 1) ELSE '' END`
    );
  };
  return [
    `coalesce(${nonEmpty(id('userName'))}, CASE`,
    `WHEN NOT (${hasIdentity}) THEN ''`,
    `WHEN ${id('type')} = 'Root' THEN 'root'`,
    `WHEN ${id('type')} = 'AssumedRole' THEN ${session('assumed-role/')}`,
    `WHEN ${id('type')} = 'FederatedUser' THEN ${session('federated-user/')}`,
    `WHEN ${id('type')} = 'IdentityCenterUser' THEN coalesce(${nonEmpty(id('onBehalfOf', 'userId'))}, ${nonEmpty(get(['additionalEventData', 'userName']))}, '')`,
    `WHEN ${id('type')} = 'AWSService' THEN ${id('invokedBy')}`,
    `WHEN ${id('type')} = 'AWSAccount' THEN coalesce(${nonEmpty(id('accountId'))}, ${nonEmpty(id('principalId'))}, '')`,
    `WHEN ${id('type')} = '' THEN ${id('invokedBy')}`,
    `ELSE '' END)`,
  ].join(' ');
}

/** What the SQL of `resourceName:` / `resourceType:` leaves out of deriveResources, said once. */
export const RESOURCE_NOTE =
  'resourceName/resourceType: the resources[] entries and the request and response keys Cairn reads; Cairn also skips a guessed name already inside a listed ARN, and types the ARNs it finds anywhere in requestParameters, which this SQL does not';

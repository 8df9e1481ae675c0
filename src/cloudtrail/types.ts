import type { JsonObject } from '../lib/isObject';

/**
 * One CloudTrail record as AWS wrote it: a JSON object with at least `eventTime`, `eventSource` and
 * `eventName` strings. Every other field is untrusted and read through guards.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export type CloudTrailRecord = JsonObject;

/**
 * A resource an event references, as shown in the console's Resource type / Resource name columns.
 * `type` is CloudFormation-style (`AWS::S3::Bucket`) or '' when unknown.
 */
export interface EventResource {
  readonly type: string;
  readonly name: string;
}

/** `readOnly` as stored: absent in some records (sign-in, network activity), so three states. */
export type ReadOnlyState = 'true' | 'false' | '';

/**
 * The indexed projection of one record: the lookup attributes and table columns, derived once at
 * ingest. Strings are '' when the record lacks the field. `eventTime` is ms since the Unix epoch (UTC),
 * NaN when the record's eventTime is not a time that exists.
 */
export interface EventFields {
  readonly eventID: string;
  readonly eventTime: number;
  readonly eventName: string;
  readonly eventSource: string;
  readonly awsRegion: string;
  readonly errorCode: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly readOnly: ReadOnlyState;
  readonly recipientAccountId: string;
  readonly eventCategory: string;
  readonly eventType: string;
  /** `userIdentity.type` (IAMUser, AssumedRole, Root, AWSService…). */
  readonly identityType: string;
  /** Derived the way the console's User name column is; see deriveUserName. */
  readonly userName: string;
  /** `userIdentity.accessKeyId`: the key that signed the request. */
  readonly accessKeyId: string;
  /**
   * `userIdentity.arn`: the principal that made the call (`arn:aws:iam::111122223333:user/Alice`,
   * `arn:aws:sts::111122223333:assumed-role/Role/session`), '' when absent (AWS services, some
   * sign-in events). Identity profiles and sessions group by it.
   * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
   */
  readonly arn: string;
  /**
   * `userIdentity.principalId`: the unique ID of the principal (`AIDA…` for a user, `AROA…:session`
   * for an assumed role, the account ID for root), '' when absent.
   */
  readonly principalId: string;
  readonly resources: readonly EventResource[];
  /**
   * `responseElements.credentials.accessKeyId`: the temporary key this event issued (AssumeRole,
   * AssumeRoleWithSAML, AssumeRoleWithWebIdentity, GetSessionToken, GetFederationToken…), '' if none.
   * Later events signed with it carry it as `userIdentity.accessKeyId`: the credential chain.
   */
  readonly issuedAccessKeyId: string;
}

/** The string-valued columns of EventFields, in the order the index stores them. */
export const STRING_FIELDS = [
  'eventName',
  'eventSource',
  'awsRegion',
  'errorCode',
  'sourceIPAddress',
  'userAgent',
  'readOnly',
  'recipientAccountId',
  'eventCategory',
  'eventType',
  'identityType',
  'userName',
  'accessKeyId',
  'arn',
  'principalId',
] as const satisfies readonly (keyof EventFields)[];

/** Name of one string-valued column. */
export type StringField = (typeof STRING_FIELDS)[number];

/** What a stored file is. */
export type FileKind = 'log' | 'digest';

import { CLOUDTRAIL_EVENT_SOURCE, TRAIL_TAMPERING_EVENT_NAMES } from '../cloudtrail/trailTampering';

/**
 * The errorCodes the report counts as "access denied", as query patterns (case ignored):
 * `AccessDenied` (S3, STS, most services), `AccessDeniedException` (JSON-protocol services such as
 * KMS, Lambda), `Client.UnauthorizedOperation` / `UnauthorizedOperation` (EC2) and
 * `UnauthorizedAccess` (some older services and console events).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 */
export const ACCESS_DENIED_PATTERNS: readonly string[] = [
  '*AccessDenied*',
  '*UnauthorizedOperation',
  '*UnauthorizedAccess*',
];

/** One kind of sensitive call the report lists: calls of one eventSource. */
export interface SensitiveCallGroup {
  readonly id: string;
  readonly label: string;
  readonly eventSource: string;
  readonly eventNames: readonly string[];
}

/**
 * The sensitive calls of the report, by kind. Trail tampering reuses trailTampering's list; the
 * others are the IAM, EC2, RDS and KMS calls incident write-ups cite for persistence, privilege
 * escalation, exfiltration by sharing, and destruction.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySnapshotAttribute.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export const SENSITIVE_CALL_GROUPS: readonly SensitiveCallGroup[] = [
  {
    id: 'trail',
    label: 'Trail tampering',
    eventSource: CLOUDTRAIL_EVENT_SOURCE,
    eventNames: TRAIL_TAMPERING_EVENT_NAMES,
  },
  {
    id: 'iam',
    label: 'IAM changes',
    eventSource: 'iam.amazonaws.com',
    eventNames: [
      'CreateUser',
      'DeleteUser',
      'CreateLoginProfile',
      'UpdateLoginProfile',
      'CreateRole',
      'DeleteRole',
      'UpdateAssumeRolePolicy',
      'AddUserToGroup',
      'CreateGroup',
      'DeactivateMFADevice',
      'DeleteVirtualMFADevice',
    ],
  },
  {
    id: 'keys',
    label: 'Access key creation',
    eventSource: 'iam.amazonaws.com',
    eventNames: ['CreateAccessKey', 'UpdateAccessKey'],
  },
  {
    id: 'policies',
    label: 'Policy attachments',
    eventSource: 'iam.amazonaws.com',
    eventNames: [
      'AttachUserPolicy',
      'AttachRolePolicy',
      'AttachGroupPolicy',
      'PutUserPolicy',
      'PutRolePolicy',
      'PutGroupPolicy',
      'CreatePolicyVersion',
      'SetDefaultPolicyVersion',
    ],
  },
  {
    id: 'sharing',
    label: 'Snapshot / AMI sharing',
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['ModifySnapshotAttribute', 'ModifyImageAttribute'],
  },
  {
    id: 'rds-sharing',
    label: 'RDS snapshot sharing',
    eventSource: 'rds.amazonaws.com',
    eventNames: ['ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute'],
  },
  {
    id: 'kms',
    label: 'KMS key deletion',
    eventSource: 'kms.amazonaws.com',
    eventNames: ['ScheduleKeyDeletion', 'DisableKey'],
  },
];

/** An eventName with at most this many events under the report's filter is "rare". */
export const RARE_MAX = 2;

/** Rare calls listed at most. */
export const RARE_LIMIT = 25;

/** The identityType of calls AWS services make on the account's behalf. */
export const AWS_SERVICE_TYPE = 'AWSService';

import { objectAt, stringAt } from '../lib/isObject';
import type { JsonObject } from '../lib/isObject';
import type { CloudTrailRecord } from './types';

/**
 * The console's "User name" column for one record, derived offline from `userIdentity`, because
 * trail files do not carry the `Username` that LookupEvents computes server-side.
 *
 * Order: a non-empty `userIdentity.userName` (IAMUser, SAMLUser, WebIdentityUser, Directory,
 * Unknown, a Root account alias; `HIDDEN_DUE_TO_SECURITY_REASONS` is kept verbatim) → by `type`:
 * Root → `root`; AssumedRole → the session name (last `/` segment of `arn`, else `principalId`
 * after `:`); FederatedUser → the name after `federated-user/`; IdentityCenterUser →
 * `onBehalfOf.userId` or `additionalEventData.userName`; AWSService → `invokedBy`; AWSAccount →
 * `accountId`, else `principalId`. A `userIdentity` with no `type` (some AwsServiceEvent records)
 * → `invokedBy`. Anything else, or a missing or malformed `userIdentity` → ''.
 *
 * Never throws: every field is read through guards, so null, numbers or arrays just yield ''.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html
 */
export function deriveUserName(record: CloudTrailRecord): string {
  const identity = objectAt(record, 'userIdentity');
  if (identity === undefined) return '';
  const userName = nonEmpty(stringAt(identity, 'userName'));
  if (userName !== undefined) return userName;
  const type = stringAt(identity, 'type');
  switch (type) {
    case 'Root':
      // Without an account alias there is no userName; the console shows the literal `root`.
      return 'root';
    case 'AssumedRole':
      // The console shows the session name, not the role (aws-cli lookup-events example).
      return sessionName(identity, 'assumed-role/');
    case 'FederatedUser':
      return sessionName(identity, 'federated-user/');
    case 'IdentityCenterUser':
      return (
        nonEmpty(stringAt(objectAt(identity, 'onBehalfOf'), 'userId')) ??
        nonEmpty(stringAt(objectAt(record, 'additionalEventData'), 'userName')) ??
        ''
      );
    case 'AWSService':
      return stringAt(identity, 'invokedBy') ?? '';
    case 'AWSAccount':
      return (
        nonEmpty(stringAt(identity, 'accountId')) ??
        nonEmpty(stringAt(identity, 'principalId')) ??
        ''
      );
    case undefined:
      // Service events such as SharedSnapshotVolumeCreated carry only accountId and invokedBy.
      return stringAt(identity, 'invokedBy') ?? '';
    default:
      return '';
  }
}

// The name is the last ARN segment after the marker (`assumed-role/<role>/<session>`,
// `federated-user/<name>`); temporary-credential principalIds also end in `:<name>`, which
// covers records whose ARN is missing or malformed.
function sessionName(identity: JsonObject, marker: string): string {
  const arn = stringAt(identity, 'arn') ?? '';
  if (arn.includes(marker)) {
    const name = nonEmpty(arn.slice(arn.lastIndexOf('/') + 1));
    if (name !== undefined) return name;
  }
  const principalId = stringAt(identity, 'principalId') ?? '';
  const colon = principalId.indexOf(':');
  return colon >= 0 ? principalId.slice(colon + 1) : '';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

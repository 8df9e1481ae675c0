import { objectAt, stringAt } from '../lib/isObject';

/**
 * What a call achieved, for the kinds of call whose outcome a responder reads first. Every field is
 * a string from the record ('' when absent or not a string): log text, never markup.
 *
 * - `consoleLogin`: `responseElements.ConsoleLogin` ("Success" / "Failure"),
 *   `additionalEventData.MFAUsed` ("Yes" / "No"), `additionalEventData.LoginTo` (the console URL)
 *   and the user (`userIdentity.userName`, else its `arn`).
 * - `credentials` (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, GetSessionToken,
 *   GetFederationToken): the principal the credentials act as (`requestParameters.roleArn`, else
 *   `responseElements.federatedUser.arn`), the session name (`requestParameters.roleSessionName`
 *   or GetFederationToken's `name`, else the last segment of `assumedRoleUser.arn`), and the issued
 *   `responseElements.credentials.accessKeyId` with its `expiration` as written (e.g.
 *   "Jul 10, 2023, 6:38:25 PM", UTC).
 * - `newKey` (CreateAccessKey): `responseElements.accessKey.{accessKeyId, userName, status,
 *   createDate}` (userName falls back to `requestParameters.userName`).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html
 */
export type CallOutcome =
  | {
      readonly kind: 'consoleLogin';
      readonly result: string;
      readonly mfaUsed: string;
      readonly loginTo: string;
      readonly user: string;
    }
  | {
      readonly kind: 'credentials';
      readonly eventName: string;
      readonly principal: string;
      readonly sessionName: string;
      readonly accessKeyId: string;
      readonly expiration: string;
    }
  | {
      readonly kind: 'newKey';
      readonly accessKeyId: string;
      readonly userName: string;
      readonly status: string;
      readonly createDate: string;
    };

const CREDENTIAL_CALLS: ReadonlySet<string> = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetFederationToken',
]);

/**
 * The outcome of one record's call when it is a ConsoleLogin, an STS call that issues credentials
 * or CreateAccessKey; undefined for any other call. Never throws: `record` is untrusted JSON and
 * every field is read defensively ('' when absent). A failed STS or IAM call (no response) still
 * gives its request side: the role and session asked for, with an empty key.
 */
export function callOutcome(record: unknown): CallOutcome | undefined {
  const name = stringAt(record, 'eventName') ?? '';
  const request = objectAt(record, 'requestParameters');
  const response = objectAt(record, 'responseElements');
  if (name === 'ConsoleLogin') {
    const extra = objectAt(record, 'additionalEventData');
    const identity = objectAt(record, 'userIdentity');
    return {
      kind: 'consoleLogin',
      result: text(response, 'ConsoleLogin'),
      mfaUsed: text(extra, 'MFAUsed'),
      loginTo: text(extra, 'LoginTo'),
      user: stringAt(identity, 'userName') ?? text(identity, 'arn'),
    };
  }
  if (CREDENTIAL_CALLS.has(name)) {
    const credentials = objectAt(response, 'credentials');
    const assumed = text(objectAt(response, 'assumedRoleUser'), 'arn');
    return {
      kind: 'credentials',
      eventName: name,
      principal: stringAt(request, 'roleArn') ?? text(objectAt(response, 'federatedUser'), 'arn'),
      sessionName:
        stringAt(request, 'roleSessionName') ??
        (name === 'GetFederationToken' ? text(request, 'name') : lastSegment(assumed)),
      accessKeyId: text(credentials, 'accessKeyId'),
      expiration: text(credentials, 'expiration'),
    };
  }
  if (name === 'CreateAccessKey') {
    const key = objectAt(response, 'accessKey');
    return {
      kind: 'newKey',
      accessKeyId: text(key, 'accessKeyId'),
      userName: stringAt(key, 'userName') ?? text(request, 'userName'),
      status: text(key, 'status'),
      createDate: text(key, 'createDate'),
    };
  }
  return undefined;
}

/**
 * A failed call's `errorCode` and `errorMessage` ('' when absent), and `brief`: the message as shown
 * before "show". An IAM "Encoded authorization failure message" (hundreds of base64-like characters
 * only `sts decode-authorization-message` can read) is cut to the readable words before it; any
 * other message longer than BRIEF_CHARS is cut there. `brief === message` when nothing is hidden.
 * Undefined when the record has neither field.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function callError(record: unknown): CallError | undefined {
  const code = stringAt(record, 'errorCode') ?? '';
  const message = stringAt(record, 'errorMessage') ?? '';
  if (code === '' && message === '') return undefined;
  return { code, message, brief: briefOf(message) };
}

/** See callError. */
export interface CallError {
  readonly code: string;
  readonly message: string;
  readonly brief: string;
}

/** Messages up to this many characters are shown whole. */
export const BRIEF_CHARS = 200;

const ENCODED_MARKER = 'encoded authorization failure message';

function briefOf(message: string): string {
  const at = message.toLowerCase().indexOf(ENCODED_MARKER);
  if (at >= 0 && message.length - at > ENCODED_MARKER.length + 2) {
    const head = message.slice(0, at).trimEnd();
    const marker = message.slice(at, at + ENCODED_MARKER.length);
    const cut = `${head === '' ? '' : `${head} `}${marker}: …`;
    return cut.length < message.length ? cut : message;
  }
  if (message.length <= BRIEF_CHARS) return message;
  const space = message.lastIndexOf(' ', BRIEF_CHARS);
  return `${message.slice(0, space > BRIEF_CHARS / 2 ? space : BRIEF_CHARS)} …`;
}

function text(value: unknown, key: string): string {
  return stringAt(value, key) ?? '';
}

// arn:aws:sts::123456789012:assumed-role/Role/session → session.
function lastSegment(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash < 0 ? '' : arn.slice(slash + 1);
}

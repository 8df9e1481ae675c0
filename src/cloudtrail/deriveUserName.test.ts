import { describe, expect, it } from 'vitest';
import { record, recordsIn, SAMPLE } from '../../test/sampleRecords';
import { isObject } from '../lib/isObject';
import type { JsonObject } from '../lib/isObject';
import { deriveUserName } from './deriveUserName';

const {
  custodian: CUSTODIAN,
  snitchOrg: SNITCH_ORG,
  snitchAccount: SNITCH_ACCOUNT,
  invictusSg: INVICTUS_SG,
  invictusTrail: INVICTUS_TRAIL,
  stratusFederation: STRATUS_FEDERATION,
  traildiscover: TRAILDISCOVER,
} = SAMPLE;

function identityType(r: JsonObject): unknown {
  return isObject(r['userIdentity']) ? r['userIdentity']['type'] : undefined;
}

describe('deriveUserName on real records', () => {
  it.each([
    // IAMUser: the IAM user name.
    [SNITCH_ORG, '90dd436f-12f8-48a3-88be-f1fd036cc68b', 'IAMUser', 'chris'],
    [INVICTUS_SG, '7475937c-a863-44ce-9878-81e8a268e966', 'IAMUser', 'bert-jan'],
    // IAMUser whose arn looks like an assumed role: userName still wins.
    [`${CUSTODIAN}event-cloud-trail-create-volume.json`, undefined, 'IAMUser', 'AWS_DCS_DEV'],
    [
      STRATUS_FEDERATION,
      '6e882b9d-2af8-4c67-b91f-aeac6a0e5e70',
      'IAMUser',
      'stratus-red-team-user-federation-user',
    ],
    // AssumedRole: the session name (EC2 instance role, Lambda, a person).
    [SNITCH_ORG, 'be170ced-ba43-4a02-9b70-f18127034945', 'AssumedRole', 'i-06125b883c50e9d63'],
    [
      SNITCH_ORG,
      'f4008b7e-fa53-4bee-a31a-762b3ba038d1',
      'AssumedRole',
      'my-LambdaFunction-12345XSDFG',
    ],
    [
      `${CUSTODIAN}event-cloud-trail-run-instance-creator-assumed.json`,
      undefined,
      'AssumedRole',
      'Radiant',
    ],
    // A malformed arn (`arn:aws::sts:…`) still ends in the session name.
    [`${CUSTODIAN}event-cloud-trail-create-db.json`, undefined, 'AssumedRole', 'userid'],
    // Anonymised principalId (`AROA…:User`) disagrees with the arn; the arn wins.
    [`${TRAILDISCOVER}DescribeDBProxies.json.cloudtrail`, undefined, 'AssumedRole', 'AdanAlvarez'],
    // Root without an alias, also when a service acted for it (EventBridge-wrapped and bare).
    [`${CUSTODIAN}event-cloud-trail-create-bucket.json`, undefined, 'Root', 'root'],
    [`${CUSTODIAN}event-cloud-trail-run-instances.json`, undefined, 'Root', 'root'],
    // AWSService: the service principal.
    [SNITCH_ORG, '7eb865ec-dd1e-300a-8931-e8fb04013f3b', 'AWSService', 'logs.amazonaws.com'],
    [
      SNITCH_ACCOUNT,
      '5fd2008b-c3e3-333b-8638-c324e76b51d1',
      'AWSService',
      'cloudfront.amazonaws.com',
    ],
    [INVICTUS_TRAIL, '2e59bbc2-ff35-43a5-835a-ba9239af22b1', 'AWSService', 'ec2.amazonaws.com'],
    // FederatedUser: the name after federated-user/.
    [
      STRATUS_FEDERATION,
      '91529247-c4c4-4793-afc8-d70bbcfe9d19',
      'FederatedUser',
      'stratus_red_team',
    ],
    // Unknown without a userName: nothing the derivation order may use.
    [`${TRAILDISCOVER}AcceptAgreementRequest.json.cloudtrail`, undefined, 'Unknown', ''],
    // AwsServiceEvent whose userIdentity has no type, only accountId and invokedBy.
    [
      INVICTUS_SG,
      'dee00220-14e7-4b85-b76f-3a7c1afae272',
      undefined,
      'secretsmanager.amazonaws.com',
    ],
    // No userIdentity at all.
    [
      `${CUSTODIAN}event-cloud-trail-bedrock-create-customization-jobs.json`,
      undefined,
      undefined,
      '',
    ],
  ])('%s %s (%s) → %j', (path, eventID, type, expected) => {
    const r = record(path, eventID);
    expect(identityType(r)).toBe(type);
    expect(deriveUserName(r)).toBe(expected);
  });

  it('returns a string for every record in the fixtures', () => {
    const paths = [
      SNITCH_ORG,
      SNITCH_ACCOUNT,
      INVICTUS_SG,
      INVICTUS_TRAIL,
      STRATUS_FEDERATION,
      `${TRAILDISCOVER}AcceptAgreementRequest.json.cloudtrail`,
      `${CUSTODIAN}event-cloud-trail-run-instances.json`,
    ];
    for (const r of paths.flatMap(recordsIn)) expect(typeof deriveUserName(r)).toBe('string');
  });
});

describe('deriveUserName on hand-made identities', () => {
  const withIdentity = (userIdentity: unknown, extra: JsonObject = {}): JsonObject => ({
    eventTime: '2024-01-01T00:00:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    userIdentity,
    ...extra,
  });

  it('keeps HIDDEN_DUE_TO_SECURITY_REASONS verbatim (failed sign-in with a bad user name)', () => {
    const identity = {
      type: 'IAMUser',
      accountId: '111122223333',
      accessKeyId: '',
      userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    };
    expect(deriveUserName(withIdentity(identity))).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
  });

  it('uses a Root account alias when one is set', () => {
    const identity = {
      type: 'Root',
      principalId: '111122223333',
      arn: 'arn:aws:iam::111122223333:root',
      userName: 'my-alias',
    };
    expect(deriveUserName(withIdentity(identity))).toBe('my-alias');
  });

  it('uses accountId, else principalId, for AWSAccount', () => {
    expect(
      deriveUserName(
        withIdentity({ type: 'AWSAccount', principalId: 'AIDAEXAMPLE', accountId: '444455556666' }),
      ),
    ).toBe('444455556666');
    expect(deriveUserName(withIdentity({ type: 'AWSAccount', principalId: 'AIDAEXAMPLE' }))).toBe(
      'AIDAEXAMPLE',
    );
  });

  it('uses onBehalfOf.userId, else additionalEventData.userName, for IdentityCenterUser', () => {
    const onBehalfOf = {
      userId: '906744b8-1234',
      identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-1',
    };
    expect(
      deriveUserName(withIdentity({ type: 'IdentityCenterUser', accountId: '1', onBehalfOf })),
    ).toBe('906744b8-1234');
    const record = withIdentity(
      { type: 'IdentityCenterUser', accountId: '1' },
      { additionalEventData: { userName: 'jane' } },
    );
    expect(deriveUserName(record)).toBe('jane');
  });

  it('uses userName for SAMLUser and WebIdentityUser', () => {
    expect(deriveUserName(withIdentity({ type: 'SAMLUser', userName: 'jane@example.com' }))).toBe(
      'jane@example.com',
    );
    expect(
      deriveUserName(withIdentity({ type: 'WebIdentityUser', userName: 'amzn1.account.X' })),
    ).toBe('amzn1.account.X');
  });

  it('falls back to principalId after ":" when an AssumedRole arn is missing or not a string', () => {
    expect(
      deriveUserName(
        withIdentity({ type: 'AssumedRole', arn: 42, principalId: 'AROAEXAMPLE:my-session' }),
      ),
    ).toBe('my-session');
    expect(deriveUserName(withIdentity({ type: 'AssumedRole', principalId: 'AROAEXAMPLE' }))).toBe(
      '',
    );
    expect(
      deriveUserName(withIdentity({ type: 'FederatedUser', principalId: '111122223333:bob' })),
    ).toBe('bob');
  });

  it('skips an empty userName and applies the type rule', () => {
    expect(deriveUserName(withIdentity({ type: 'Root', userName: '' }))).toBe('root');
  });

  it('returns "" for missing, null or malformed identities and never throws', () => {
    const bad: unknown[] = [
      undefined,
      null,
      42,
      'IAMUser',
      [],
      [{ type: 'IAMUser', userName: 'x' }],
      {},
      { type: null },
      { type: 'IAMUser', userName: 123 },
      { type: 'IAMUser', userName: null, arn: 'arn:aws:iam::1:user/x' },
      { type: 'AWSService', invokedBy: ['ec2.amazonaws.com'] },
      { type: 'AssumedRole', arn: null, principalId: null },
      { type: 'IdentityCenterUser', onBehalfOf: 'x' },
      { type: 'SomethingNew', userName: undefined },
    ];
    for (const identity of bad) expect(deriveUserName(withIdentity(identity))).toBe('');
    expect(deriveUserName({})).toBe('');
  });
});

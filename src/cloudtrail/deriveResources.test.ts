import { describe, expect, it } from 'vitest';
import { record, recordsIn, SAMPLE } from '../../test/sampleRecords';
import type { JsonObject } from '../lib/isObject';
import { deriveResources } from './deriveResources';

const {
  custodian: CUSTODIAN,
  snitchOrg: SNITCH_ORG,
  snitchAccount: SNITCH_ACCOUNT,
  invictusSg: INVICTUS_SG,
  invictusTrail: INVICTUS_TRAIL,
} = SAMPLE;

describe('deriveResources from resources[] in real records', () => {
  it('lists the STS AssumeRole target role by its full ARN', () => {
    expect(deriveResources(record(SNITCH_ORG, '7eb865ec-dd1e-300a-8931-e8fb04013f3b'))).toEqual([
      {
        type: 'AWS::IAM::Role',
        name: 'arn:aws:iam::222222222222:role/Honeycomb-Logs-LogStreamRole-1234567890a',
      },
    ]);
  });

  it('lists the KMS key of a Decrypt, then the ARNs its encryption context names', () => {
    expect(deriveResources(record(SNITCH_ACCOUNT, '5fd2008b-c3e3-333b-8638-c324e76b51d1'))).toEqual(
      [
        {
          type: 'AWS::KMS::Key',
          name: 'arn:aws:kms:us-east-1:333333333333:key/3f1d977a-29b6-4273-b92b-ac226d361b65',
        },
        {
          type: 'AWS::CertificateManager::Certificate',
          name: 'arn:aws:acm:us-east-1:333333333333:certificate/a10f0478-e2b7-4641-a563-7a9f12cb9e70',
        },
        {
          type: 'AWS::CloudFront::Distribution',
          name: 'arn:aws:cloudfront::392220576650:distribution/E2JZ539O0D8LNI',
        },
      ],
    );
  });

  it('does not repeat a bucketName already named by a resources[] ARN', () => {
    expect(deriveResources(record(SNITCH_ORG, '2bf4ef67-66d9-3597-a68b-2d9272fc4e27'))).toEqual([
      { type: 'AWS::S3::Bucket', name: 'arn:aws:s3:::aws-cloudtrail-logs-222222222222-abcdefab' },
    ]);
  });

  it('keeps a bucketName that differs from the ARN (anonymised apart in this record)', () => {
    expect(deriveResources(record(SNITCH_ORG, '39b3a22d-ed11-3843-bc2d-1e133bc86a97'))).toEqual([
      { type: 'AWS::S3::Bucket', name: 'arn:aws:s3:::aws-cloudtrail-logs-222222222222-12345678' },
      { type: 'AWS::S3::Bucket', name: 'aws-cloudtrail-logs-222222222222-abcdefab' },
    ]);
  });

  it("keeps an entry without a type as type ''", () => {
    expect(deriveResources(record(INVICTUS_SG, '6be113f6-9a2a-4a3e-aec4-acb72c303d6c'))).toEqual([
      {
        type: '',
        name: 'arn:aws:ssm:us-east-1:123837392027:parameter/credentials/stratus-red-team/credentials-12',
      },
    ]);
  });
});

describe('deriveResources heuristics on real records', () => {
  it('finds the bucket of an S3 CreateBucket (EventBridge-wrapped)', () => {
    expect(deriveResources(record(`${CUSTODIAN}event-cloud-trail-create-bucket.json`))).toEqual([
      { type: 'AWS::S3::Bucket', name: 'custodian-create-bucket-v4' },
    ]);
  });

  it('finds subnet, AMI, both instances and the VPC of a RunInstances', () => {
    expect(deriveResources(record(`${CUSTODIAN}event-cloud-trail-run-instances.json`))).toEqual([
      { type: 'AWS::EC2::Subnet', name: 'subnet-5f7a3106' },
      { type: 'AWS::EC2::Image', name: 'ami-06116566' },
      { type: 'AWS::EC2::Instance', name: 'i-784cdacd' },
      { type: 'AWS::EC2::VPC', name: 'vpc-1b4a1b7e' },
      { type: 'AWS::EC2::Instance', name: 'i-7b4cdace' },
    ]);
    expect(deriveResources(record(INVICTUS_TRAIL, '8c9d5d59-f65e-4d38-a71b-6d712487cd91'))).toEqual(
      [
        { type: 'AWS::EC2::Image', name: 'ami-029eb80bc237bec6f' },
        { type: 'AWS::EC2::Instance', name: 'i-05c30218156bcc246' },
        { type: 'AWS::EC2::VPC', name: 'vpc-04ae35a334cd7ef4f' },
        { type: 'AWS::EC2::Subnet', name: 'subnet-08752c8d74ae2c324' },
      ],
    );
  });

  it('finds instance IDs in a request instancesSet and in an SSM call', () => {
    const instance = [{ type: 'AWS::EC2::Instance', name: 'i-06125b883c50e9d63' }];
    expect(deriveResources(record(SNITCH_ORG, '95038abb-11da-4d6b-8744-2cc6da9f44e7'))).toEqual(
      instance,
    );
    expect(deriveResources(record(SNITCH_ORG, 'be170ced-ba43-4a02-9b70-f18127034945'))).toEqual(
      instance,
    );
  });

  it("finds the VPC and new group ID of CreateSecurityGroup, not EC2's groupName as an IAM group", () => {
    expect(deriveResources(record(INVICTUS_SG, '7475937c-a863-44ce-9878-81e8a268e966'))).toEqual([
      { type: 'AWS::EC2::VPC', name: 'vpc-0e568b18707c87afa' },
      { type: 'AWS::EC2::SecurityGroup', name: 'sg-04cfb7a4712d75b00' },
    ]);
  });

  it('lists a name found in both request and response once', () => {
    expect(deriveResources(record(INVICTUS_TRAIL, '3a1acb39-c13b-4e73-a0e3-dcd8ce5c1a3a'))).toEqual(
      [{ type: 'AWS::CloudTrail::Trail', name: 'stratus-red-team-ctlr-trail-zqfsvooxqj' }],
    );
    expect(deriveResources(record(`${CUSTODIAN}event-cloud-trail-create-db.json`))).toEqual([
      { type: 'AWS::RDS::DBInstance', name: 'onenessdb' },
    ]);
    expect(deriveResources(record(`${CUSTODIAN}event-cloud-trail-create-volume.json`))).toEqual([
      { type: 'AWS::EC2::Snapshot', name: 'snap-37beda4c' },
    ]);
  });

  it('finds IAM roles and policies', () => {
    expect(deriveResources(record(INVICTUS_TRAIL, '34818442-af89-4e9c-9240-9dda8bf922f7'))).toEqual(
      [{ type: 'AWS::IAM::Role', name: 'stratus-red-team-remove-flow-logs-role' }],
    );
    expect(deriveResources(record(INVICTUS_SG, 'd3019d75-55d8-44a7-96dd-24144836aa22'))).toEqual([
      {
        type: 'AWS::IAM::Policy',
        name: 'arn:aws:iam::123837392027:policy/stratus-red-team-ec2lui-policy-wuzemnoeqa',
      },
    ]);
  });

  it('returns [] when a record names nothing (GetUser with null requestParameters)', () => {
    expect(deriveResources(record(INVICTUS_TRAIL, '245ed136-9b54-4159-853c-580ca3ea8f7c'))).toEqual(
      [],
    );
  });

  it('returns well-formed resources for every record in the fixtures', () => {
    for (const r of [SNITCH_ORG, SNITCH_ACCOUNT, INVICTUS_SG, INVICTUS_TRAIL].flatMap(recordsIn)) {
      for (const res of deriveResources(r)) {
        expect(typeof res.type).toBe('string');
        expect(res.name).not.toBe('');
      }
    }
  });
});

const make = (fields: JsonObject): JsonObject => ({
  eventTime: '2024-01-01T00:00:00Z',
  eventSource: 'example.amazonaws.com',
  eventName: 'Example',
  ...fields,
});

describe('deriveResources on hand-made records', () => {
  it('accepts the arn / ARNPrefix / resourceType / ResourceName spellings', () => {
    const resources = [
      { arn: 'arn:aws:sns:us-east-1:1:topic', resourceType: 'AWS::SNS::Topic' },
      { ARNPrefix: 'arn:aws:s3:::bucket/', type: 'AWS::S3::Object' },
      { ResourceName: 'i-0123', ResourceType: 'AWS::EC2::Instance' },
      { resourceName: 'my-trail' },
    ];
    expect(deriveResources(make({ resources }))).toEqual([
      { type: 'AWS::SNS::Topic', name: 'arn:aws:sns:us-east-1:1:topic' },
      { type: 'AWS::S3::Object', name: 'arn:aws:s3:::bucket/' },
      { type: 'AWS::EC2::Instance', name: 'i-0123' },
      { type: '', name: 'my-trail' },
    ]);
  });

  it('skips malformed entries and de-duplicates identical (type, name) pairs', () => {
    const arn = 'arn:aws:kms:us-east-1:1:key/k';
    const resources = [null, 1, 'x', [], { ARN: 42 }, { type: 'AWS::KMS::Key' }, { ARN: '' }];
    const more = [
      { ARN: arn, type: 7 },
      { ARN: arn, type: 'AWS::KMS::Key' },
      { ARN: arn, type: 'AWS::KMS::Key' },
    ];
    expect(deriveResources(make({ resources: [...resources, ...more] }))).toEqual([
      { type: '', name: arn },
      { type: 'AWS::KMS::Key', name: arn },
    ]);
  });

  it('caps the list at 50', () => {
    const resources = Array.from({ length: 80 }, (_, i) => ({
      ARN: `arn:aws:s3:::b${i}`,
      type: 'AWS::S3::Bucket',
    }));
    const out = deriveResources(make({ resources, requestParameters: { bucketName: 'another' } }));
    expect(out).toHaveLength(50);
    expect(out.at(-1)).toEqual({ type: 'AWS::S3::Bucket', name: 'arn:aws:s3:::b49' });
  });

  it.each([
    ['lambda.amazonaws.com', 'functionName', 'f', 'AWS::Lambda::Function'],
    ['kms.amazonaws.com', 'keyId', 'alias/aws/secretsmanager', 'AWS::KMS::Key'],
    ['sns.amazonaws.com', 'topicArn', 'arn:aws:sns:us-east-1:1:t', 'AWS::SNS::Topic'],
    ['secretsmanager.amazonaws.com', 'secretId', 's', 'AWS::SecretsManager::Secret'],
    ['cloudformation.amazonaws.com', 'stackName', 'st', 'AWS::CloudFormation::Stack'],
    ['iam.amazonaws.com', 'userName', 'alice', 'AWS::IAM::User'],
    ['iam.amazonaws.com', 'groupName', 'admins', 'AWS::IAM::Group'],
    ['cloudtrail.amazonaws.com', 'trailName', 'tr', 'AWS::CloudTrail::Trail'],
  ])('%s %s → %s', (eventSource, key, name, type) => {
    expect(deriveResources(make({ eventSource, requestParameters: { [key]: name } }))).toEqual([
      { type, name },
    ]);
  });

  it('ignores generic keys outside the service they belong to', () => {
    const requestParameters = {
      userName: 'u',
      groupName: 'g',
      groupId: '114bd550-8061',
      name: 'n',
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    };
    // The EKS policy ARN is still named (every request ARN is), but untyped: not an IAM policy.
    expect(
      deriveResources(make({ eventSource: 'sso-directory.amazonaws.com', requestParameters })),
    ).toEqual([{ type: '', name: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy' }]);
  });

  it('ignores non-string values and never throws on odd shapes', () => {
    const requestParameters = {
      bucketName: 42,
      instanceId: null,
      vpcId: ['vpc-1'],
      subnetId: '',
      instancesSet: { items: [null, 1, { instanceId: 5 }, { instanceId: 'i-ok' }] },
    };
    expect(deriveResources(make({ requestParameters }))).toEqual([
      { type: 'AWS::EC2::Instance', name: 'i-ok' },
    ]);
    const odd: unknown[] = [
      null,
      'x',
      3,
      [],
      [{ bucketName: 'b' }],
      { instancesSet: { items: 'x' } },
    ];
    for (const value of odd) {
      expect(
        deriveResources(
          make({ resources: value, requestParameters: value, responseElements: value }),
        ),
      ).toEqual([]);
    }
    expect(deriveResources({})).toEqual([]);
  });
});

const INVICTUS = 'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T';

describe('deriveResources for more calls, the console way', () => {
  it("lists SSM SendCommand's instances", () => {
    const send = record(
      `${INVICTUS}1210Z_6CICdbJQM3beT7n3.json.gz`,
      '22d1e206-17fd-4a52-9923-e86605f3dd7f',
    );
    expect(deriveResources(send)).toEqual([
      { type: 'AWS::EC2::Instance', name: 'i-05c30218156bcc246' },
    ]);
  });

  it('lists the snapshot of a ModifyDBSnapshotAttribute', () => {
    const share = record(
      `${INVICTUS}1225Z_vMAR90Iiaqr6M5sR.json.gz`,
      '2d19ab1e-82e9-4302-ad10-a405b50c8d49',
    );
    expect(deriveResources(share)).toEqual([
      { type: 'AWS::RDS::DBSnapshot', name: 'exfiltration' },
    ]);
  });

  it("lists BatchGetSecretValue's secrets, by list and by name filter", () => {
    // The shape of https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html
    const batch = (requestParameters: unknown) =>
      deriveResources(
        make({
          eventSource: 'secretsmanager.amazonaws.com',
          eventName: 'BatchGetSecretValue',
          requestParameters,
        }),
      );
    expect(
      batch({ secretIdList: ['prod/db', 'arn:aws:secretsmanager:us-east-1:1:secret:api-AbCdEf'] }),
    ).toEqual([
      { type: 'AWS::SecretsManager::Secret', name: 'prod/db' },
      {
        type: 'AWS::SecretsManager::Secret',
        name: 'arn:aws:secretsmanager:us-east-1:1:secret:api-AbCdEf',
      },
    ]);
    expect(
      batch({
        filters: [
          { key: 'tag-key', values: ['env'] },
          { key: 'name', values: ['prod/', 7] },
        ],
      }),
    ).toEqual([{ type: 'AWS::SecretsManager::Secret', name: 'prod/' }]);
  });

  it('lists every ARN a request names, typed by its service where known', () => {
    // A real AssumeRole: its roleArn is the role assumed.
    const assume = record(
      `${INVICTUS}1205Z_SjF3IkuNXJkoHyar.json`,
      '2e59bbc2-ff35-43a5-835a-ba9239af22b1',
    );
    expect(deriveResources(assume)).toEqual([
      {
        type: 'AWS::IAM::Role',
        name: 'arn:aws:iam::123837392027:role/stratus-red-team-ec2-enumerate-role',
      },
    ]);
    expect(
      deriveResources(
        make({
          eventSource: 'sns.amazonaws.com',
          requestParameters: {
            nested: {
              list: ['arn:aws:sqs:us-east-1:1:q', 'arn:aws:s3:::b/k', 'arn:aws:foo:r:1:bar/x'],
            },
            notArn: 'arn:aws',
            text: 'arn:aws:iam::1:role/has space',
          },
        }),
      ),
    ).toEqual([
      { type: 'AWS::SQS::Queue', name: 'arn:aws:sqs:us-east-1:1:q' },
      { type: 'AWS::S3::Object', name: 'arn:aws:s3:::b/k' },
      { type: '', name: 'arn:aws:foo:r:1:bar/x' },
    ]);
  });
});

import { isObject, objectAt, stringAt } from '../lib/isObject';
import type { CloudTrailRecord, EventResource } from './types';

/** More than this is noise in a table cell, and bounds the work on hostile input. */
const MAX_RESOURCES = 50;

const IAM = 'iam.amazonaws.com';
const EC2 = 'ec2.amazonaws.com';
const CLOUDTRAIL = 'cloudtrail.amazonaws.com';

/** A request or response key whose string value names a resource; `source` limits it to one service. */
interface Rule {
  readonly key: string;
  readonly type: string;
  readonly source?: string;
}

// Keys that are generic words (userName, groupName, groupId, name, policyArn) are tied to the one
// service where they mean this type: EC2's groupName is a security group, SSO's groupId is not
// an EC2 one, EKS's policyArn is an access policy, and most services have a `name`.
const RULES: readonly Rule[] = [
  { key: 'bucketName', type: 'AWS::S3::Bucket' },
  { key: 'instanceId', type: 'AWS::EC2::Instance' },
  { key: 'imageId', type: 'AWS::EC2::Image' },
  { key: 'snapshotId', type: 'AWS::EC2::Snapshot' },
  { key: 'groupId', type: 'AWS::EC2::SecurityGroup', source: EC2 },
  { key: 'vpcId', type: 'AWS::EC2::VPC' },
  { key: 'subnetId', type: 'AWS::EC2::Subnet' },
  { key: 'userName', type: 'AWS::IAM::User', source: IAM },
  { key: 'roleName', type: 'AWS::IAM::Role' },
  { key: 'groupName', type: 'AWS::IAM::Group', source: IAM },
  { key: 'policyArn', type: 'AWS::IAM::Policy', source: IAM },
  { key: 'functionName', type: 'AWS::Lambda::Function' },
  { key: 'keyId', type: 'AWS::KMS::Key' },
  { key: 'dBInstanceIdentifier', type: 'AWS::RDS::DBInstance' },
  { key: 'name', type: 'AWS::CloudTrail::Trail', source: CLOUDTRAIL },
  { key: 'trailName', type: 'AWS::CloudTrail::Trail', source: CLOUDTRAIL },
  { key: 'topicArn', type: 'AWS::SNS::Topic' },
  { key: 'secretId', type: 'AWS::SecretsManager::Secret' },
  { key: 'stackName', type: 'AWS::CloudFormation::Stack' },
];

// Trail files spell it `ARN` (S3 list calls use `ARNPrefix`); LookupEvents and hand-made exports
// use the other spellings.
const NAME_KEYS = ['ARN', 'arn', 'ARNPrefix', 'resourceName', 'ResourceName'] as const;
const TYPE_KEYS = ['type', 'resourceType', 'ResourceType'] as const;

/**
 * The resources one record references, for the console's Resource type / Resource name columns.
 *
 * First the record's own `resources[]` (`{ARN, accountId, type}`), in order, with the full ARN as
 * the name and `type` as given ('' when absent). Then a small, fixed set of per-service guesses
 * from top-level string values of `requestParameters` and `responseElements` and of their
 * `instancesSet.items[]` (EC2), e.g. `bucketName` → `AWS::S3::Bucket`, `instanceId` →
 * `AWS::EC2::Instance`. A guessed name that already appears, whole or as a segment of an ARN
 * listed earlier, is skipped; identical (type, name) pairs appear once; at most 50 come back.
 * The console's own extraction is unpublished, so the guesses will not always match it.
 *
 * Never throws: non-object entries, non-string values and odd shapes are skipped.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Resource.html
 */
export function deriveResources(record: CloudTrailRecord): EventResource[] {
  const out: EventResource[] = [];
  const pairs = new Set<string>();
  const knownNames = new Set<string>();
  const add = (type: string, name: string): void => {
    const pair = `${type}\n${name}`;
    if (out.length >= MAX_RESOURCES || pairs.has(pair)) return;
    pairs.add(pair);
    out.push({ type, name });
    knownNames.add(name);
    // So that `i-…` or a bucket name is not listed again next to the ARN that contains it.
    if (name.startsWith('arn:')) for (const part of name.split(/[:/]/)) knownNames.add(part);
  };

  for (const item of arrayAt(record, 'resources')) {
    if (!isObject(item)) continue;
    const name = firstString(item, NAME_KEYS);
    if (name !== undefined) add(firstString(item, TYPE_KEYS) ?? '', name);
  }

  const source = stringAt(record, 'eventSource');
  const guess = (params: unknown): void => {
    for (const rule of RULES) {
      if (rule.source !== undefined && rule.source !== source) continue;
      const name = stringAt(params, rule.key);
      if (name !== undefined && name !== '' && !knownNames.has(name)) add(rule.type, name);
    }
  };
  for (const part of ['requestParameters', 'responseElements']) {
    const params = objectAt(record, part);
    if (params === undefined) continue;
    guess(params);
    for (const item of arrayAt(objectAt(params, 'instancesSet'), 'items')) guess(item);
  }
  return out;
}

function arrayAt(value: unknown, key: string): readonly unknown[] {
  if (!isObject(value)) return [];
  const v: unknown = value[key];
  return Array.isArray(v) ? v : [];
}

function firstString(value: unknown, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = stringAt(value, key);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

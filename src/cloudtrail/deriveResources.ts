import { isObject, objectAt, stringAt } from '../lib/isObject';
import type { JsonObject } from '../lib/isObject';
import { arnResourceType, isArn } from './arnResourceType';
import type { CloudTrailRecord, EventResource } from './types';

/** More than this is noise in a table cell, and bounds the work on hostile input. */
const MAX_RESOURCES = 50;

const IAM = 'iam.amazonaws.com';
const EC2 = 'ec2.amazonaws.com';
const CLOUDTRAIL = 'cloudtrail.amazonaws.com';
const SECRETS = 'secretsmanager.amazonaws.com';

/**
 * A request or response key whose string value names a resource (with `list`, whose value is a list
 * of names); `source` limits it to one service.
 */
export interface ResourceRule {
  readonly key: string;
  readonly type: string;
  readonly source?: string;
  readonly list?: true;
}

// Keys that are generic words (userName, groupName, groupId, name, policyArn) are tied to the one
// service where they mean this type: EC2's groupName is a security group, SSO's groupId is not
// an EC2 one, EKS's policyArn is an access policy, and most services have a `name`.
/** The keys that name resources (sql/ prints the same rules as SQL). */
export const RESOURCE_RULES: readonly ResourceRule[] = [
  { key: 'bucketName', type: 'AWS::S3::Bucket' },
  { key: 'instanceId', type: 'AWS::EC2::Instance' },
  // SSM SendCommand and other calls that take a list of instances.
  { key: 'instanceIds', type: 'AWS::EC2::Instance', list: true },
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
  { key: 'dBSnapshotIdentifier', type: 'AWS::RDS::DBSnapshot' },
  { key: 'name', type: 'AWS::CloudTrail::Trail', source: CLOUDTRAIL },
  { key: 'trailName', type: 'AWS::CloudTrail::Trail', source: CLOUDTRAIL },
  { key: 'topicArn', type: 'AWS::SNS::Topic' },
  { key: 'secretId', type: 'AWS::SecretsManager::Secret' },
  { key: 'secretIdList', type: 'AWS::SecretsManager::Secret', source: SECRETS, list: true },
  { key: 'stackName', type: 'AWS::CloudFormation::Stack' },
];

// Trail files spell it `ARN` (S3 list calls use `ARNPrefix`); LookupEvents and hand-made exports
// use the other spellings.
export const NAME_KEYS = ['ARN', 'arn', 'ARNPrefix', 'resourceName', 'ResourceName'] as const;
export const TYPE_KEYS = ['type', 'resourceType', 'ResourceType'] as const;

/**
 * The resources one record references, for the console's Resource type / Resource name columns.
 *
 * First the record's own `resources[]` (`{ARN, accountId, type}`), in order, with the full ARN as
 * the name and `type` as given ('' when absent). Then a small, fixed set of per-service guesses
 * from top-level string values of `requestParameters` and `responseElements` and of their
 * `instancesSet.items[]` (EC2), e.g. `bucketName` → `AWS::S3::Bucket`, `instanceId` →
 * `AWS::EC2::Instance`; a key whose value is a list of strings gives each (SSM SendCommand's
 * `instanceIds`, BatchGetSecretValue's `secretIdList`, and the values of its `filters` with
 * key `name`). Last, every string anywhere in `requestParameters` that is an ARN
 * (`arn:partition:service:region:account:resource`), typed by its service and resource type
 * (see arnResourceType: `arn:aws:iam::1:role/x` → `AWS::IAM::Role`), or '' when the pair is not
 * one Cairn knows: the name is still listed, as the record's own `resources[]` entries without a
 * type are. A guessed name that already appears, whole or as a segment of an ARN listed earlier,
 * is skipped; identical (type, name) pairs appear once; at most 50 come back. The console's own
 * extraction is unpublished, so the guesses will not always match it.
 *
 * Never throws: non-object entries, non-string values and odd shapes are skipped.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Resource.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html
 */
export function deriveResources(record: CloudTrailRecord): EventResource[] {
  // Runs for every event at ingest: no Sets or closures unless a record names something.
  const out: EventResource[] = [];
  for (const item of arrayAt(record, 'resources')) {
    if (!isObject(item)) continue;
    const name = firstString(item, NAME_KEYS);
    if (name !== undefined) add(out, firstString(item, TYPE_KEYS) ?? '', name);
  }
  const source = stringAt(record, 'eventSource');
  for (const part of PARAM_PARTS) {
    const params = objectAt(record, part);
    if (params === undefined) continue;
    guess(out, params, source);
    for (const item of arrayAt(objectAt(params, 'instancesSet'), 'items')) guess(out, item, source);
  }
  const request = objectAt(record, 'requestParameters');
  if (request !== undefined) {
    if (source === SECRETS) secretNameFilters(out, request);
    requestArns(out, request);
  }
  return out;
}

const PARAM_PARTS = ['requestParameters', 'responseElements'] as const;

const RULES_BY_KEY = new Map<string, readonly ResourceRule[]>();
for (const rule of RESOURCE_RULES)
  RULES_BY_KEY.set(rule.key, [...(RULES_BY_KEY.get(rule.key) ?? []), rule]);

// Walks the object's own keys (usually a handful) rather than every rule, then adds what matched
// in rule order, so the listing does not depend on the order keys were written in.
function guess(out: EventResource[], params: unknown, source: string | undefined): void {
  if (!isObject(params)) return;
  let found: { rule: ResourceRule; name: string }[] | undefined;
  // for…in: JSON.parse objects have only own keys, and it allocates no key array.
  for (const key in params) {
    const rules = RULES_BY_KEY.get(key);
    if (rules === undefined) continue;
    const value = params[key];
    for (const rule of rules) {
      if (rule.source !== undefined && rule.source !== source) continue;
      // A list rule takes only a list of names; a plain rule only a string.
      const names: readonly unknown[] =
        rule.list === true ? (Array.isArray(value) ? value.slice(0, MAX_RESOURCES) : []) : [value];
      for (const name of names) {
        if (typeof name === 'string' && name !== '') (found ??= []).push({ rule, name });
      }
    }
  }
  if (found === undefined) return;
  found.sort((a, b) => RESOURCE_RULES.indexOf(a.rule) - RESOURCE_RULES.indexOf(b.rule));
  for (const { rule, name } of found) if (!named(out, name)) add(out, rule.type, name);
}

function add(out: EventResource[], type: string, name: string): void {
  if (out.length >= MAX_RESOURCES || out.some((r) => r.type === type && r.name === name)) return;
  out.push({ type, name });
}

// So that `i-…` or a bucket name is not listed again next to the ARN that contains it.
function named(out: readonly EventResource[], name: string): boolean {
  return out.some((r) => r.name === name || (r.name.startsWith('arn:') && isSegment(r.name, name)));
}

/** True when `name` is a whole `:`- or `/`-separated segment of `arn` (no split: runs per event). */
function isSegment(arn: string, name: string): boolean {
  for (let at = arn.indexOf(name); at >= 0; at = arn.indexOf(name, at + 1)) {
    const before = at === 0 ? ':' : arn[at - 1];
    const after = arn[at + name.length] ?? ':';
    if ((before === ':' || before === '/') && (after === ':' || after === '/')) return true;
  }
  return false;
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

// BatchGetSecretValue names secrets by list or by filters; a `name` filter's values are names.
function secretNameFilters(out: EventResource[], request: JsonObject): void {
  for (const filter of arrayAt(request, 'filters')) {
    if (stringAt(filter, 'key') !== 'name') continue;
    for (const name of arrayAt(filter, 'values')) {
      if (typeof name === 'string' && name !== '' && !named(out, name)) {
        add(out, 'AWS::SecretsManager::Secret', name);
      }
    }
  }
}

/** Bounds the walk for ARNs: request parameters are small, hostile ones must stay cheap. */
const MAX_DEPTH = 6;
const MAX_NODES = 1000;

// Every ARN anywhere in the request (a role to assume, a policy to attach, a topic to publish to).
function requestArns(out: EventResource[], request: JsonObject): void {
  let budget = MAX_NODES;
  const visit = (value: unknown, depth: number): void => {
    if (--budget < 0 || out.length >= MAX_RESOURCES) return;
    if (typeof value === 'string') {
      if (isArn(value) && !named(out, value)) add(out, arnResourceType(value), value);
    } else if (depth < MAX_DEPTH && typeof value === 'object' && value !== null) {
      for (const child of Array.isArray(value) ? value : Object.values(value))
        visit(child, depth + 1);
    }
  };
  visit(request, 0);
}

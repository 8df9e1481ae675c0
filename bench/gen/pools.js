// The fixed cast of the synthetic data set, derived from the seed alone: accounts, Regions, users,
// roles, session names, IPs, buckets, keys, functions and user agents. Every generator worker builds
// the same pools, so files can be generated independently.
import { Rng, mixSeed } from './prng.js';

/** Regions of the data set, with the share of log files each gets (global services log to us-east-1). */
export const REGIONS = /** @type {const} */ ([
  ['us-east-1', 0.4],
  ['us-west-2', 0.25],
  ['eu-west-1', 0.2],
  ['ap-southeast-2', 0.15],
]);

const FIRST = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'victor',
  'walter',
  'yusuf',
  'zoe',
  'amir',
  'bea',
  'chen',
  'dmitri',
  'elena',
  'farah',
  'goran',
  'hana',
  'ines',
];
const LAST = [
  'smith',
  'jones',
  'garcia',
  'muller',
  'rossi',
  'tanaka',
  'kowalski',
  'dubois',
  'silva',
  'nguyen',
  'okafor',
  'larsen',
  'novak',
  'haddad',
  'schmidt',
  'moreau',
  'ivanova',
  'patel',
];
const APPS = [
  'checkout',
  'billing',
  'search',
  'catalog',
  'auth',
  'orders',
  'inventory',
  'reports',
  'ingest',
  'notify',
  'payments',
  'profile',
  'etl',
  'ml-train',
  'web',
  'api',
];
const ENVS = ['prod', 'staging', 'dev'];
const SERVICES_ASSUMING = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'config.amazonaws.com',
  'cloudformation.amazonaws.com',
  'elasticloadbalancing.amazonaws.com',
];

/** User agents as CloudTrail records them (S3 wraps them in brackets itself). */
export const USER_AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/5.10.210-201.852.amzn2.x86_64 exe/x86_64.amzn.2 prompt/off command/s3.cp',
  'aws-cli/2.15.17 Python/3.11.6 Darwin/23.3.0 exe/x86_64 prompt/off command/sts.get-caller-identity',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
  'Boto3/1.26.90 Python/3.9.16 Linux/4.14.255-332-253.539.amzn2.x86_64 exec-env/AWS_Lambda_python3.9 Botocore/1.29.90',
  'aws-sdk-go-v2/1.25.3 os/linux lang/go#1.21.8 md/GOOS#linux md/GOARCH#amd64 api/s3#1.51.4',
  'aws-sdk-java/2.25.11 Linux/5.10.209-198.858.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy',
  'aws-sdk-js/3.529.1 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 lang/js md/nodejs#20.11.1 api/dynamodb#3.529.1',
  'APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.0 md/GOOS#linux md/GOARCH#amd64',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0',
  'AWS Internal',
  'amazon-ssm-agent/3.3.40.0',
  'aws-sdk-go/1.50.30 (go1.21.8; linux; amd64)',
  'aws-cli/1.32.69 Python/3.11.8 Linux/6.1.79 botocore/1.34.69',
  'Go-http-client/1.1',
];
export const CONSOLE_UA = 'AWS Internal';

/**
 * @typedef {{ name: string, id: string, keys: string[] }} IamUser
 * @typedef {{ name: string, id: string, kind: 'sso'|'ec2'|'lambda'|'ci'|'app'|'svc', service?: string }} Role
 * @typedef {{ id: string, regionKmsKeys: Record<string, string[]>, users: IamUser[], roles: Role[],
 *   buckets: string[], functions: string[], tables: string[], instances: string[] }} Account
 * @typedef {{ accounts: Account[], ips: string[], emails: string[], prefixes: string[],
 *   assumingServices: string[] }} Pools
 */

/**
 * Builds the pools for a seed.
 * @param {number} seed
 * @returns {Pools}
 */
export function buildPools(seed) {
  const rng = new Rng(mixSeed(seed, 0x700150));
  const ips = [];
  while (ips.length < 3500) {
    const a = rng.range(3, 223);
    if (a === 10 || a === 127 || a === 172 || a === 192) continue;
    ips.push(`${a}.${rng.int(256)}.${rng.int(256)}.${rng.range(1, 254)}`);
  }
  const emails = [];
  for (let i = 0; i < 180; i++)
    emails.push(`${rng.pick(FIRST)}.${rng.pick(LAST)}${i < 90 ? '' : i}@example.com`);
  const prefixes = [];
  for (const app of APPS)
    for (const kind of ['logs', 'exports', 'uploads', 'backups', 'assets'])
      prefixes.push(`${kind}/${app}`);
  const accounts = [0, 1].map(() => buildAccount(rng));
  return { accounts, ips, emails, prefixes, assumingServices: SERVICES_ASSUMING };
}

/**
 * @param {Rng} rng
 * @returns {Account}
 */
function buildAccount(rng) {
  const id = `${rng.range(100000, 999999)}${rng.range(100000, 999999)}`;
  const users = [];
  for (let u = 0; u < 120; u++) {
    const name = u < 30 ? `svc-${rng.pick(APPS)}-${u}` : `${rng.pick(FIRST)}.${rng.pick(LAST)}${u}`;
    const keys = [`AKIA${rng.upperAlnum(16)}`];
    if (rng.chance(0.3)) keys.push(`AKIA${rng.upperAlnum(16)}`);
    users.push({ name, id: `AIDA${rng.upperAlnum(17)}`, keys });
  }
  /** @type {Role[]} */
  const roles = [];
  /** @param {string} name @param {Role['kind']} kind @param {string} [service] */
  const role = (name, kind, service) =>
    roles.push({ name, id: `AROA${rng.upperAlnum(17)}`, kind, ...(service ? { service } : {}) });
  for (const p of ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'SecurityAudit'])
    role(`AWSReservedSSO_${p}_${rng.hex(8)}`, 'sso');
  for (const app of APPS)
    for (const env of ENVS) {
      role(`${app}-${env}-ec2-role`, 'ec2');
      role(`${app}-${env}-lambda-exec`, 'lambda');
      role(`${app}-${env}-app`, 'app');
    }
  role('GitHubActionsDeploy', 'ci');
  role('terraform-ci', 'ci');
  role('AWSServiceRoleForConfig', 'svc', 'config.amazonaws.com');
  role('AWSServiceRoleForECS', 'svc', 'ecs.amazonaws.com');
  role('AWSServiceRoleForAutoScaling', 'svc', 'autoscaling.amazonaws.com');
  /** @type {Record<string, string[]>} */
  const regionKmsKeys = {};
  for (const [r] of REGIONS) regionKmsKeys[r] = Array.from({ length: 12 }, () => rng.uuid());
  const buckets = APPS.flatMap((app) => ENVS.map((env) => `acme-${app}-${env}-${id.slice(-4)}`));
  buckets.push(`acme-cloudtrail-logs-${id}`, `acme-athena-results-${id}`);
  const functions = APPS.flatMap((app) => ENVS.map((env) => `${app}-${env}-handler`));
  const tables = APPS.map((app) => `${app}-table`);
  const instances = Array.from({ length: 400 }, () => `i-0${rng.hex(8)}`);
  return { id, regionKmsKeys, users, roles, buckets, functions, tables, instances };
}

// Identity, audit and monitoring: STS, IAM (global), console sign-in, Secrets Manager, CloudTrail,
// CloudWatch.

/**
 * @typedef {import('../catalog.js').Ctx} Ctx
 * @typedef {import('../catalog.js').Spec} Spec
 */
import { EXPIRATION, fn, res, roleArn } from './shared.js';

/** @param {string} name @param {number} w @param {(c: Ctx) => Record<string, unknown> | null} rp @param {object} [extra] @returns {Spec} */
const iam = (name, w, rp, extra = {}) => ({
  src: 'iam',
  name,
  w,
  global: true,
  errs: [['NoSuchEntityException', 'The role with name legacy-app cannot be found.']],
  ...extra,
  body: (c) => ({ ro: /^(Get|List)/.test(name), rp: rp(c), re: null }),
});

/** @type {Spec[]} */
export const STS = [
  {
    src: 'sts',
    name: 'AssumeRole',
    w: 6.5,
    svc: 0.5,
    body: (c) => {
      const arn = roleArn(c);
      const session = c.rng.chance(0.5)
        ? `botocore-session-${Math.floor(c.ms / 1000) - c.rng.int(600)}`
        : c.rng.pick(c.pools.emails);
      const key = `ASIA${c.rng.upperAlnum(16)}`;
      const exp = new Date(c.ms + 3600_000);
      return {
        ro: true,
        rp: { roleArn: arn, roleSessionName: session, durationSeconds: 3600 },
        re: {
          credentials: {
            accessKeyId: key,
            sessionToken: `IQoJb3JpZ2luX2Vj${c.rng.base64(160)}`,
            expiration: EXPIRATION.format(exp),
          },
          assumedRoleUser: {
            assumedRoleId: `AROA${c.rng.upperAlnum(17)}:${session}`,
            arn:
              arn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + `/${session}`,
          },
        },
        res: [res(c.acct.id, 'AWS::IAM::Role', arn)],
      };
    },
  },
  { src: 'sts', name: 'GetCallerIdentity', w: 2.5, body: () => ({ ro: true, rp: null, re: null }) },
  {
    src: 'sts',
    name: 'AssumeRoleWithWebIdentity',
    w: 0.8,
    body: (c) => ({
      ro: true,
      rp: {
        roleArn: roleArn(c),
        roleSessionName: `GitHubActions-${c.rng.int(1e9)}`,
        durationSeconds: 3600,
      },
      re: {
        credentials: {
          accessKeyId: `ASIA${c.rng.upperAlnum(16)}`,
          expiration: EXPIRATION.format(c.ms + 3600_000),
        },
        provider: `arn:aws:iam::${c.acct.id}:oidc-provider/token.actions.githubusercontent.com`,
        audience: 'sts.amazonaws.com',
      },
    }),
  },
  {
    src: 'sts',
    name: 'GetSessionToken',
    w: 0.2,
    body: () => ({ ro: true, rp: { durationSeconds: 43200 }, re: null }),
  },
];

/** @type {Spec[]} */
export const IAM = [
  iam('GetRole', 1.2, (c) => ({ roleName: c.rng.pick(c.acct.roles).name })),
  iam('ListRoles', 0.4, () => null),
  iam('GetUser', 0.4, (c) => ({ userName: c.rng.pick(c.acct.users).name })),
  iam('ListAttachedRolePolicies', 0.4, (c) => ({ roleName: c.rng.pick(c.acct.roles).name })),
  iam('GetPolicy', 0.4, (c) => ({
    policyArn: `arn:aws:iam::${c.acct.id}:policy/${c.rng.pick(c.acct.functions)}-policy`,
  })),
  iam('GetPolicyVersion', 0.3, (c) => ({
    policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    versionId: `v${c.rng.range(1, 120)}`,
  })),
  iam('ListUsers', 0.3, () => null),
  iam('CreateRole', 0.03, (c) => ({
    roleName: `tmp-role-${c.rng.hex(3)}`,
    assumeRolePolicyDocument:
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
  })),
  iam('AttachRolePolicy', 0.03, (c) => ({
    roleName: c.rng.pick(c.acct.roles).name,
    policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  })),
  iam('PutRolePolicy', 0.03, (c) => ({
    roleName: c.rng.pick(c.acct.roles).name,
    policyName: 'inline',
    policyDocument:
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
  })),
  iam('CreateAccessKey', 0.02, (c) => ({ userName: c.rng.pick(c.acct.users).name })),
  iam('DeleteAccessKey', 0.02, (c) => ({
    userName: c.rng.pick(c.acct.users).name,
    accessKeyId: c.rng.pick(c.acct.users).keys[0],
  })),
  iam('CreateUser', 0.02, (c) => ({ userName: `contractor-${c.rng.hex(2)}` })),
];

/** @type {Spec[]} */
export const SIGNIN = [
  {
    src: 'signin',
    name: 'ConsoleLogin',
    w: 0.3,
    global: true,
    human: true,
    body: (c) => ({
      ro: false,
      rp: null,
      re: { ConsoleLogin: 'Success' },
      aed: {
        LoginTo:
          'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_' +
          c.rng.hex(8),
        MobileVersion: 'No',
        MFAUsed: c.rng.chance(0.8) ? 'Yes' : 'No',
      },
      type: 'AwsConsoleSignIn',
    }),
  },
];

/** @type {Spec[]} */
export const SECRETS = [
  {
    src: 'secretsmanager',
    name: 'GetSecretValue',
    w: 1,
    body: (c) => ({
      ro: true,
      rp: {
        secretId: `arn:aws:secretsmanager:${c.region}:${c.acct.id}:secret:${c.rng.pick(c.acct.functions)}-db-${c.rng.alnum(6)}`,
      },
      re: null,
    }),
  },
];

/** @type {Spec[]} */
export const CLOUDTRAIL = [
  {
    src: 'cloudtrail',
    name: 'LookupEvents',
    w: 0.2,
    body: () => ({
      ro: true,
      rp: {
        maxResults: 50,
        lookupAttributes: [{ attributeKey: 'ReadOnly', attributeValue: 'false' }],
      },
      re: null,
    }),
  },
  {
    src: 'cloudtrail',
    name: 'DescribeTrails',
    w: 0.2,
    svc: 0.5,
    body: () => ({ ro: true, rp: { trailNameList: [], includeShadowTrails: true }, re: null }),
  },
  {
    src: 'cloudtrail',
    name: 'GetTrailStatus',
    w: 0.2,
    body: (c) => ({
      ro: true,
      rp: { name: `arn:aws:cloudtrail:us-east-1:${c.acct.id}:trail/org-trail` },
      re: null,
    }),
  },
];

/** @type {Spec[]} */
export const MONITORING = [
  {
    src: 'monitoring',
    name: 'GetMetricData',
    w: 1,
    body: (c) => ({
      ro: true,
      rp: {
        startTime: new Date(c.ms - 3600_000).toISOString(),
        endTime: new Date(c.ms).toISOString(),
        maxDatapoints: 1440,
      },
      re: null,
    }),
  },
  {
    src: 'monitoring',
    name: 'DescribeAlarms',
    w: 0.5,
    svc: 0.3,
    body: () => ({ ro: true, rp: { maxRecords: 100 }, re: null }),
  },
  {
    src: 'monitoring',
    name: 'PutMetricAlarm',
    w: 0.05,
    body: (c) => ({
      ro: false,
      rp: {
        alarmName: `${fn(c)}-errors`,
        metricName: 'Errors',
        namespace: 'AWS/Lambda',
        statistic: 'Sum',
        period: 300,
        threshold: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        evaluationPeriods: 1,
      },
      re: null,
    }),
  },
];

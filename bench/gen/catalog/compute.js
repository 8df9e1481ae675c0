// Compute and operations services: EC2, Lambda, CloudWatch Logs and SSM.

/**
 * @typedef {import('../catalog.js').Ctx} Ctx
 * @typedef {import('../catalog.js').Spec} Spec
 */
import { fn, res } from './shared.js';

/** @param {string} name @param {number} w @param {(c: Ctx) => Record<string, unknown>} rp @param {object} [extra] @returns {Spec} */
const ec2 = (name, w, rp, extra = {}) => ({
  src: 'ec2',
  name,
  w,
  ...extra,
  body: (c) => ({ ro: name.startsWith('Describe'), rp: rp(c), re: null }),
});
const tagFilter = (/** @type {Ctx} */ c) => ({
  filterSet: {
    items: [
      {
        name: 'tag:Environment',
        valueSet: { items: [{ value: c.rng.pick(['prod', 'staging', 'dev']) }] },
      },
    ],
  },
});
const instanceSet = (/** @type {Ctx} */ c) => ({
  instancesSet: { items: [{ instanceId: c.rng.pick(c.acct.instances) }] },
});

/** @type {Spec[]} */
export const EC2 = [
  ec2('DescribeInstances', 5, (c) =>
    c.rng.chance(0.5)
      ? { instancesSet: {}, ...tagFilter(c) }
      : { ...instanceSet(c), filterSet: {} },
  ),
  ec2('DescribeSecurityGroups', 2, (c) => ({
    securityGroupSet: {},
    securityGroupIdSet: { items: [{ groupId: `sg-0${c.rng.hex(8)}` }] },
    filterSet: {},
  })),
  ec2('DescribeVpcs', 1.2, () => ({ vpcSet: {}, filterSet: {} })),
  ec2('DescribeSubnets', 1.2, (c) => ({ subnetSet: {}, ...tagFilter(c) })),
  ec2('DescribeVolumes', 1, () => ({ volumeSet: {}, filterSet: {} })),
  ec2('DescribeNetworkInterfaces', 1.5, () => ({ networkInterfaceIdSet: {}, filterSet: {} }), {
    svc: 0.4,
  }),
  ec2('DescribeImages', 0.6, () => ({
    executableBySet: {},
    ownersSet: { items: [{ owner: 'amazon' }] },
    filterSet: {},
  })),
  ec2('DescribeInstanceStatus', 1, (c) => ({
    ...instanceSet(c),
    filterSet: {},
    includeAllInstances: false,
  })),
  ec2('RunInstances', 0.15, (c) => ({
    instancesSet: { items: [{ imageId: `ami-0${c.rng.hex(8)}`, minCount: 1, maxCount: 1 }] },
    instanceType: 't3.medium',
    blockDeviceMapping: {},
    monitoring: { enabled: false },
    disableApiTermination: false,
  })),
  ec2('TerminateInstances', 0.1, instanceSet),
  ec2('StartInstances', 0.1, instanceSet),
  ec2('StopInstances', 0.1, (c) => ({ ...instanceSet(c), force: false })),
  ec2(
    'CreateTags',
    0.4,
    (c) => ({
      resourcesSet: { items: [{ resourceId: c.rng.pick(c.acct.instances) }] },
      tagSet: { items: [{ key: 'Owner', value: c.rng.pick(c.pools.emails) }] },
    }),
    { svc: 0.3 },
  ),
  ec2('AuthorizeSecurityGroupIngress', 0.05, (c) => ({
    groupId: `sg-0${c.rng.hex(8)}`,
    ipPermissions: {
      items: [
        {
          ipProtocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] },
        },
      ],
    },
  })),
];

/** @type {Spec[]} */
export const LAMBDA = [
  {
    src: 'lambda',
    name: 'Invoke',
    w: 3,
    data: true,
    svc: 0.4,
    body: (c) => {
      const arn = `arn:aws:lambda:${c.region}:${c.acct.id}:function:${fn(c)}`;
      return {
        ro: false,
        rp: { functionName: arn, invocationType: 'Event' },
        re: null,
        aed: { functionVersion: `${arn}:$LATEST` },
        res: [res(c.acct.id, 'AWS::Lambda::Function', arn)],
      };
    },
  },
  {
    src: 'lambda',
    name: 'ListFunctions20150331',
    w: 0.4,
    body: () => ({ ro: true, rp: null, re: null }),
  },
  {
    src: 'lambda',
    name: 'GetFunction20150331v2',
    w: 0.4,
    body: (c) => ({ ro: true, rp: { functionName: fn(c) }, re: null }),
  },
  {
    src: 'lambda',
    name: 'UpdateFunctionCode20150331v2',
    w: 0.1,
    body: (c) => ({
      ro: false,
      rp: { functionName: fn(c), publish: false, dryRun: false },
      re: {
        functionName: fn(c),
        runtime: 'nodejs20.x',
        codeSize: c.rng.range(1e4, 5e6),
        lastModified: new Date(c.ms).toISOString(),
      },
    }),
  },
];

/** @type {Spec[]} */
export const LOGS = [
  {
    src: 'logs',
    name: 'CreateLogStream',
    w: 2,
    svc: 0.2,
    body: (c) => ({
      ro: false,
      rp: {
        logGroupName: `/aws/lambda/${fn(c)}`,
        logStreamName: `2024/03/${c.rng.range(10, 30)}/[$LATEST]${c.rng.hex(16)}`,
      },
      re: null,
    }),
  },
  {
    src: 'logs',
    name: 'DescribeLogGroups',
    w: 0.8,
    body: () => ({ ro: true, rp: { limit: 50 }, re: null }),
  },
  {
    src: 'logs',
    name: 'CreateLogGroup',
    w: 0.1,
    body: (c) => ({ ro: false, rp: { logGroupName: `/aws/lambda/${fn(c)}` }, re: null }),
  },
];

/** @type {Spec[]} */
export const SSM = [
  {
    src: 'ssm',
    name: 'UpdateInstanceInformation',
    w: 2,
    body: (c) => ({
      ro: false,
      rp: {
        instanceId: c.rng.pick(c.acct.instances),
        agentVersion: '3.3.40.0',
        agentStatus: 'Active',
        platformType: 'Linux',
        platformName: 'Amazon Linux',
        platformVersion: '2023',
        iPAddress: `172.31.${c.rng.int(256)}.${c.rng.int(256)}`,
        computerName: `ip-172-31-${c.rng.int(256)}-${c.rng.int(256)}.${c.region}.compute.internal`,
        agentName: 'amazon-ssm-agent',
      },
      re: null,
    }),
  },
  {
    src: 'ssm',
    name: 'GetParameter',
    w: 1.5,
    body: (c) => ({
      ro: true,
      rp: { name: `/${c.rng.pick(c.acct.functions)}/db-password`, withDecryption: true },
      re: null,
      res: [],
    }),
    errs: [['ParameterNotFound', '']],
  },
  {
    src: 'ssm',
    name: 'GetParameters',
    w: 0.8,
    body: (c) => ({
      ro: true,
      rp: {
        names: [`/${c.rng.pick(c.acct.functions)}/api-key`, '/shared/endpoint'],
        withDecryption: true,
      },
      re: null,
    }),
  },
];

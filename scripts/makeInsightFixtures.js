// Builds e2e/fixtures-insights: CloudTrail Insights files and the management events they are about.
// There are no real Insights files in the samples (test/fixtures/samples/), so the records follow
// the AWS docs' examples
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html,
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-events.html#cloudtrail-insights-events)
// with our own values. Run by hand (`node scripts/makeInsightFixtures.js`); the output is committed.
//
// Two insights in account 123456789012, us-east-1, on 2025-11-04:
// - ApiCallRateInsight on ec2 RunInstances, 13:42 → 13:47 UTC: 8 calls in the window;
// - ApiErrorRateInsight on sts AssumeRole with AccessDenied, 14:10 → 14:14 UTC: 6 denied calls.
// Around them: the same calls just before, exactly at and after each window, a successful AssumeRole
// and a DescribeInstances inside a window, and a RunInstances in us-west-2 inside the window; none of
// these belong to an insight's window pivot. The Start of the first insight and its End arrive in
// different files, as Insights files are delivered when each record is ready.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('../e2e/fixtures-insights/', import.meta.url).pathname;
const ACCOUNT = '123456789012';
const DAY = '2025-11-04';

/** A stable lower-case UUID (v4 layout) from a seed, so reruns write the same bytes. */
function uuid(seed) {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const at = (hms) => `${DAY}T${hms}Z`;

const BUILD_BOT = {
  type: 'IAMUser',
  principalId: 'AIDAZ3EXAMPLEBUILDBOT',
  arn: `arn:aws:iam::${ACCOUNT}:user/build-bot`,
  accountId: ACCOUNT,
  accessKeyId: 'AKIAZ3EXAMPLEBLDBOT7',
  userName: 'build-bot',
};
const CLI_UA =
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64 exe/x86_64.debian.12 prompt/off command/ec2.run-instances';
const STS_CLI_UA =
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0-18-amd64 exe/x86_64.debian.12 prompt/off command/sts.assume-role';
const CI_ROLE_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/ci-deployer/GitHubActions-5132`;
const CI = {
  type: 'AssumedRole',
  principalId: 'AROAZ3EXAMPLECIDEPLOY:GitHubActions-5132',
  arn: CI_ROLE_ARN,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAZ3EXAMPLECIDEP42',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAZ3EXAMPLECIDEPLOY',
      arn: `arn:aws:iam::${ACCOUNT}:role/ci-deployer`,
      accountId: ACCOUNT,
      userName: 'ci-deployer',
    },
    attributes: { creationDate: at('13:30:12'), mfaAuthenticated: 'false' },
  },
};
const TF_UA =
  'APN/1.0 HashiCorp/1.0 Terraform/1.9.5 (+https://www.terraform.io) terraform-provider-aws/5.72.1 aws-sdk-go-v2/1.32.2 os/linux lang/go#1.23.1 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.187.0';

function managementEvent({ time, region = 'us-east-1', identity, userAgent, ip, source, name }) {
  return {
    eventVersion: '1.11',
    userIdentity: identity,
    eventTime: at(time),
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: ip,
    userAgent,
  };
}

function runInstances(time, who, region = 'us-east-1') {
  const bot = who === 'bot';
  const seed = `RunInstances ${region} ${time}`;
  const instanceId = `i-0${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`;
  return {
    ...managementEvent({
      time,
      region,
      identity: bot ? BUILD_BOT : CI,
      userAgent: bot ? CLI_UA : TF_UA,
      ip: bot ? '198.51.100.23' : '192.0.2.140',
      source: 'ec2.amazonaws.com',
      name: 'RunInstances',
    }),
    requestParameters: {
      instancesSet: { items: [{ imageId: 'ami-0c7217cdde317cfec', minCount: 1, maxCount: 1 }] },
      instanceType: bot ? 'p3.8xlarge' : 't3.medium',
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: uuid(`${seed} token`),
    },
    responseElements: {
      requestId: uuid(`${seed} request`),
      reservationId: `r-0${createHash('sha256').update(`${seed} r`).digest('hex').slice(0, 16)}`,
      ownerId: ACCOUNT,
      groupSet: {},
      instancesSet: {
        items: [
          {
            instanceId,
            imageId: 'ami-0c7217cdde317cfec',
            currentInstanceBootMode: 'legacy-bios',
            instanceState: { code: 0, name: 'pending' },
            instanceType: bot ? 'p3.8xlarge' : 't3.medium',
            launchTime: Date.parse(at(time)),
            placement: { availabilityZone: `${region}a`, tenancy: 'default' },
          },
        ],
      },
    },
    requestID: uuid(`${seed} request`),
    eventID: uuid(`${seed} event`),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `ec2.${region}.amazonaws.com`,
    },
  };
}

function describeInstances(time) {
  const seed = `DescribeInstances ${time}`;
  return {
    ...managementEvent({
      time,
      identity: BUILD_BOT,
      userAgent: CLI_UA.replace('ec2.run-instances', 'ec2.describe-instances'),
      ip: '198.51.100.23',
      source: 'ec2.amazonaws.com',
      name: 'DescribeInstances',
    }),
    requestParameters: { instancesSet: {}, filterSet: {} },
    responseElements: null,
    requestID: uuid(`${seed} request`),
    eventID: uuid(`${seed} event`),
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
  };
}

function assumeRole(time, role, denied = true) {
  const seed = `AssumeRole ${time}`;
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/${role}`;
  const base = {
    ...managementEvent({
      time,
      identity: BUILD_BOT,
      userAgent: STS_CLI_UA,
      ip: '198.51.100.23',
      source: 'sts.amazonaws.com',
      name: 'AssumeRole',
    }),
  };
  const outcome = denied
    ? {
        errorCode: 'AccessDenied',
        errorMessage: `User: ${BUILD_BOT.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        requestParameters: { roleArn, roleSessionName: 'probe' },
        responseElements: null,
      }
    : {
        requestParameters: { roleArn, roleSessionName: 'probe' },
        responseElements: {
          credentials: {
            accessKeyId: 'ASIAZ3EXAMPLEPROBE01',
            sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
            expiration: 'Nov 4, 2025, 3:12:41 PM',
          },
          assumedRoleUser: {
            assumedRoleId: 'AROAZ3EXAMPLEREADONLY:probe',
            arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/probe`,
          },
        },
        resources: [{ accountId: ACCOUNT, type: 'AWS::IAM::Role', ARN: roleArn }],
      };
  return {
    ...base,
    ...outcome,
    requestID: uuid(`${seed} request`),
    eventID: uuid(`${seed} event`),
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: 'sts.us-east-1.amazonaws.com',
    },
  };
}

function insightEvent({ id, state, time, source, name, type, errorCode, stats, attributions }) {
  return {
    eventVersion: '1.08',
    eventTime: at(time),
    awsRegion: 'us-east-1',
    eventID: uuid(`insight ${id} ${state}`),
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: ACCOUNT,
    sharedEventID: uuid(`insight ${id}`),
    insightDetails: {
      state,
      eventSource: source,
      eventName: name,
      insightType: type,
      ...(errorCode === undefined ? {} : { errorCode }),
      insightContext: {
        statistics: {
          baseline: { average: stats.baseline },
          insight: { average: stats.insight },
          insightDuration: stats.duration,
          baselineDuration: stats.baselineDuration,
        },
        attributions,
      },
    },
    eventCategory: 'Insight',
  };
}

const attribution = (attribute, insight, baseline) => ({
  attribute,
  insight: insight.map(([value, average]) => ({ value, average })),
  baseline: baseline.map(([value, average]) => ({ value, average })),
});

// ---- Insight A: RunInstances call rate, 13:42:00 → 13:47:00 (8 calls: 1.6 a minute).
const RUN_BASELINE = 4.93097e-4; // 5 calls in the 10,140 baseline minutes
const callRate = (state, time, stats, attributions) =>
  insightEvent({
    id: 'A',
    state,
    time,
    source: 'ec2.amazonaws.com',
    name: 'RunInstances',
    type: 'ApiCallRateInsight',
    stats: { baseline: RUN_BASELINE, baselineDuration: 10140, ...stats },
    attributions,
  });
const insightAStart = callRate('Start', '13:42:00', { insight: 2.0, duration: 1 }, [
  attribution('userIdentityArn', [[BUILD_BOT.arn, 2.0]], [[CI_ROLE_ARN, RUN_BASELINE]]),
  attribution('userAgent', [[CLI_UA, 2.0]], [[TF_UA, RUN_BASELINE]]),
  attribution('errorCode', [['null', 2.0]], [['null', RUN_BASELINE]]),
]);
const insightAEnd = callRate('End', '13:47:00', { insight: 1.6, duration: 5 }, [
  attribution(
    'userIdentityArn',
    [
      [BUILD_BOT.arn, 1.2],
      [CI_ROLE_ARN, 0.4],
    ],
    [[CI_ROLE_ARN, RUN_BASELINE]],
  ),
  attribution(
    'userAgent',
    [
      [CLI_UA, 1.2],
      [TF_UA, 0.4],
    ],
    [[TF_UA, RUN_BASELINE]],
  ),
  attribution('errorCode', [['null', 1.6]], [['null', RUN_BASELINE]]),
]);

// ---- Insight B: AssumeRole AccessDenied error rate, 14:10:00 → 14:14:00 (6 errors: 1.5 a minute).
const DENIED_BASELINE = 9.82222e-5;
const errorRate = (state, time, stats, attributions) =>
  insightEvent({
    id: 'B',
    state,
    time,
    source: 'sts.amazonaws.com',
    name: 'AssumeRole',
    type: 'ApiErrorRateInsight',
    errorCode: 'AccessDenied',
    stats: { baseline: DENIED_BASELINE, baselineDuration: 10181, ...stats },
    attributions,
  });
const bInsight = (average) => [
  attribution('userIdentityArn', [[BUILD_BOT.arn, average]], [[CI_ROLE_ARN, DENIED_BASELINE]]),
  attribution(
    'userAgent',
    [[STS_CLI_UA, average]],
    [['Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#6.1.0', DENIED_BASELINE]],
  ),
  attribution('errorCode', [['AccessDenied', average]], [['AccessDenied', DENIED_BASELINE]]),
];
const insightBStart = errorRate('Start', '14:10:00', { insight: 2.0, duration: 1 }, bInsight(2.0));
const insightBEnd = errorRate('End', '14:14:00', { insight: 1.5, duration: 4 }, bInsight(1.5));

// ---- Management events.
const runA1 = [
  runInstances('13:41:30', 'ci'), // before the window
  runInstances('13:42:05', 'bot'),
  runInstances('13:42:40', 'bot'),
  runInstances('13:43:10', 'ci'),
  describeInstances('13:43:30'), // another API
  runInstances('13:44:02', 'bot'),
];
const runA2 = [
  runInstances('13:44:30', 'bot'),
  runInstances('13:45:15', 'ci'),
  runInstances('13:46:20', 'bot'),
  runInstances('13:46:59', 'bot'),
  runInstances('13:47:00', 'bot'), // at the end: the window is [start, end)
  runInstances('13:52:10', 'bot'), // after
];
const westRun = [runInstances('13:44:45', 'bot', 'us-west-2')]; // another Region
const roles = ['admin', 'OrganizationAccountAccessRole', 'prod-deploy', 'billing', 'Administrator'];
const denied = [
  assumeRole('14:08:30', 'backup'), // before the window
  assumeRole('14:10:04', roles[0]),
  assumeRole('14:10:31', roles[1]),
  assumeRole('14:11:12', roles[2]),
  assumeRole('14:11:40', 'readonly', false), // succeeded: not an error
  assumeRole('14:12:25', roles[3]),
  assumeRole('14:13:02', roles[4]),
  assumeRole('14:13:58', 'security-audit'),
  assumeRole('14:15:10', 'ops'), // after
];

function write(rel, records) {
  const path = join(root, 'AWSLogs', ACCOUNT, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzipSync(JSON.stringify({ Records: records })));
}

rmSync(join(root, 'AWSLogs'), { recursive: true, force: true });
const east = 'CloudTrail/us-east-1/2025/11/04';
write(`${east}/${ACCOUNT}_CloudTrail_us-east-1_20251104T1345Z_Q7mB2xKc9LrT4vNa.json.gz`, runA1);
write(`${east}/${ACCOUNT}_CloudTrail_us-east-1_20251104T1355Z_h3VtR8pLw2ZcY6dE.json.gz`, runA2);
write(`${east}/${ACCOUNT}_CloudTrail_us-east-1_20251104T1420Z_Xk4Nf9sQ1bJm7GaP.json.gz`, denied);
write(
  `CloudTrail/us-west-2/2025/11/04/${ACCOUNT}_CloudTrail_us-west-2_20251104T1350Z_pW6cE2yT8uLr3KdM.json.gz`,
  westRun,
);
const insights = 'CloudTrail-Insight/us-east-1/2025/11/04';
write(
  `${insights}/${ACCOUNT}_CloudTrail-Insight_us-east-1_20251104T1411Z_KL5e9VCV2SS7IqzB.json.gz`,
  [insightAStart],
);
write(
  `${insights}/${ACCOUNT}_CloudTrail-Insight_us-east-1_20251104T1441Z_Rb8sD3nW7fQk1XeZ.json.gz`,
  [insightAEnd, insightBStart, insightBEnd],
);

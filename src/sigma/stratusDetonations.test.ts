import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRule } from './matchRule';
import type { RecordTest } from './matchRule';
import { readSigmaRule } from './readSigmaRule';

// Every shipped SigmaHQ CloudTrail rule over every Stratus Red Team detonation log (35 techniques,
// test/fixtures/samples/stratus-red-team/). Each rule written for a technique must hit its events;
// every other hit is listed too, so a rule that starts or stops firing names itself.

const PACK = new URL('../../rules/sigma/cloudtrail/', import.meta.url).pathname;
const LOGS = new URL(
  '../../test/fixtures/samples/stratus-red-team/detonation-logs/',
  import.meta.url,
).pathname;

interface ShippedRule {
  readonly file: string;
  readonly title: string;
  readonly test: RecordTest;
}

const RULES: ReadonlyMap<string, ShippedRule> = new Map(
  readdirSync(PACK)
    .filter((f) => f.endsWith('.yml'))
    .map((file) => {
      const reading = readSigmaRule(readFileSync(join(PACK, file), 'utf8'));
      if (!reading.ok) throw new Error(`${file}: ${JSON.stringify(reading.problems)}`);
      const { rule } = reading;
      return [rule.id, { file, title: rule.title, test: matchRule(rule) }] as const;
    }),
);

const DETONATIONS: ReadonlyMap<string, readonly unknown[]> = new Map(
  readdirSync(LOGS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const events: unknown = JSON.parse(readFileSync(join(LOGS, f), 'utf8'));
      if (!Array.isArray(events)) throw new Error(`${f} is not a JSON array`);
      return [f.replace(/\.json$/, ''), events] as const;
    }),
);

/** The hits of one rule in one detonation: eventNames in log order. */
function hits(technique: string, ruleId: string): string[] {
  const rule = RULES.get(ruleId);
  const events = DETONATIONS.get(technique);
  if (rule === undefined) throw new Error(`no shipped rule ${ruleId}`);
  if (events === undefined) throw new Error(`no detonation ${technique}`);
  return events.filter(rule.test).map((e) => {
    const name: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'eventName') : '';
    return String(name);
  });
}

/**
 * Detonation → the rule written for what it does → the events it must hit (eventName per hit).
 * The rule's title follows its id, so a failure names the rule.
 */
const WRITTEN_FOR: readonly (readonly [string, string, string, readonly string[]])[] = [
  [
    'aws.defense-evasion.cloudtrail-stop',
    '4db60cc0-36fb-42b7-9b58-a5b53019fb74',
    'AWS CloudTrail Important Change',
    ['StopLogging'],
  ],
  [
    'aws.defense-evasion.cloudtrail-delete',
    '4db60cc0-36fb-42b7-9b58-a5b53019fb74',
    'AWS CloudTrail Important Change',
    ['DeleteTrail'],
  ],
  [
    'aws.defense-evasion.vpc-remove-flow-logs',
    'e386b9b5-af12-450e-afff-761730fb8a98',
    'AWS VPC Flow Logs Deleted',
    ['DeleteFlowLogs'],
  ],
  [
    'aws.exfiltration.ec2-share-ebs-snapshot',
    'abae8fec-57bd-4f87-aff6-6e3db989843d',
    'AWS Snapshot Backup Exfiltration',
    ['ModifySnapshotAttribute'],
  ],
  [
    'aws.exfiltration.ec2-security-group-open-port-22-ingress',
    '6fb77778-040f-4015-9440-572aa9b6b580',
    'Ingress/Egress Security Group Modification',
    ['AuthorizeSecurityGroupIngress'],
  ],
  [
    'aws.execution.ssm-send-command',
    '38e7f511-3f74-41d4-836e-f57dfa18eead',
    'Potential Malicious Usage of CloudTrail System Manager',
    ['SendCommand'],
  ],
  // The technique reaches the instance through SSM before it uses the stolen credentials.
  [
    'aws.credential-access.ec2-steal-instance-credentials',
    '38e7f511-3f74-41d4-836e-f57dfa18eead',
    'Potential Malicious Usage of CloudTrail System Manager',
    ['SendCommand'],
  ],
  [
    'aws.initial-access.console-login-without-mfa',
    '77caf516-34e5-4df9-b4db-20744fea0a60',
    'AWS Successful Console Login Without MFA',
    ['ConsoleLogin'],
  ],
  [
    'aws.persistence.iam-backdoor-user',
    '0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2',
    'AWS IAM Backdoor Users Keys',
    ['CreateAccessKey'],
  ],
  [
    'aws.persistence.iam-create-admin-user',
    '0a5177f4-6ca9-44c2-aacf-d3f3d8b6e4d2',
    'AWS IAM Backdoor Users Keys',
    ['CreateAccessKey'],
  ],
  [
    'aws.persistence.lambda-layer-extension',
    '97fbabf8-8e1b-47a2-b7d5-a418d2b95e3d',
    'AWS New Lambda Layer Attached',
    ['UpdateFunctionConfiguration20150331v2'],
  ],
  [
    'aws.privilege-escalation.iam-update-user-login-profile',
    '055fb148-60f8-462d-ad16-26926ce050f1',
    'AWS User Login Profile Was Modified',
    ['UpdateLoginProfile'],
  ],
];

/**
 * "AWS STS AssumeRole Misuse" (905d389b…) fires on every call made in a role session whose issuer
 * is a role; its own false positives say so. Not written for any technique: the number of such
 * calls in each detonation.
 */
const ASSUME_ROLE_MISUSE = '905d389b-b853-46d0-9d3d-dea0d3a3cd49';
const INCIDENTAL: readonly (readonly [string, number])[] = [
  ['aws.credential-access.ec2-get-password-data', 30],
  ['aws.credential-access.ec2-steal-instance-credentials', 2],
  ['aws.defense-evasion.organizations-leave', 1],
  ['aws.discovery.ec2-download-user-data', 15],
  ['aws.execution.ec2-launch-unusual-instances', 1],
  ['aws.impact.bedrock-invoke-model', 15],
  ['aws.lateral-movement.ec2-serial-console-send-ssh-public-key', 4],
];

/**
 * Rules that look as if they apply but are not written for what the detonation logs; the evaluator
 * is right not to fire (checked by hand against each rule's detection):
 * - ec2-user-data: "AWS EC2 Startup Shell Script Change" tests `requestParameters.attribute:
 *   userData` (the `--attribute userData` form); Stratus sends `userData` as its own parameter.
 * - iam-create-user-login-profile: "AWS IAM S3Browser LoginProfile Creation" needs the S3 Browser
 *   user agent.
 * - ec2-steal-instance-credentials: "Malicious Usage Of IMDS Credentials Outside Of AWS
 *   Infrastructure" looks for `assumed-role/aws:…` sessions; the stolen role is named
 *   `stratus-red-team-…`.
 * - cloudtrail-event-selectors: "AWS CloudTrail Important Change" lists StopLogging, UpdateTrail and
 *   DeleteTrail, not PutEventSelectors.
 * - ec2-share-ami: "AWS Snapshot Backup Exfiltration" tests ModifySnapshotAttribute, not
 *   ModifyImageAttribute.
 */
const NEAR_MISSES: readonly (readonly [string, string, string])[] = [
  [
    'aws.execution.ec2-user-data',
    '1ab3c5ed-5baf-417b-bb6b-78ca33f6c3df',
    'AWS EC2 Startup Shell Script Change',
  ],
  [
    'aws.persistence.iam-create-user-login-profile',
    'db014773-b1d3-46bd-ba26-133337c0ffee',
    'AWS IAM S3Browser LoginProfile Creation',
  ],
  [
    'aws.credential-access.ec2-steal-instance-credentials',
    '352a918a-34d8-4882-8470-44830c507aa3',
    'Malicious Usage Of IMDS Credentials Outside Of AWS Infrastructure',
  ],
  [
    'aws.defense-evasion.cloudtrail-event-selectors',
    '4db60cc0-36fb-42b7-9b58-a5b53019fb74',
    'AWS CloudTrail Important Change',
  ],
  [
    'aws.exfiltration.ec2-share-ami',
    'abae8fec-57bd-4f87-aff6-6e3db989843d',
    'AWS Snapshot Backup Exfiltration',
  ],
];

// Detonations no shipped SigmaHQ CloudTrail rule is written for (at commit 8eaafff):
//
// | detonation                                          | its calls                                    |
// | --------------------------------------------------- | -------------------------------------------- |
// | credential-access.ec2-get-password-data             | GetPasswordData                              |
// | credential-access.secretsmanager-batch-retrieve-... | BatchGetSecretValue                          |
// | credential-access.secretsmanager-retrieve-secrets   | ListSecrets, GetSecretValue                  |
// | credential-access.ssm-retrieve-securestring-params  | DescribeParameters, GetParameters            |
// | defense-evasion.cloudtrail-event-selectors          | PutEventSelectors (see NEAR_MISSES)          |
// | defense-evasion.dns-delete-logs                     | DeleteResolverQueryLogConfig                 |
// | defense-evasion.organizations-leave                 | LeaveOrganization                            |
// | discovery.ec2-download-user-data                    | DescribeInstanceAttribute                    |
// | execution.ec2-launch-unusual-instances              | RunInstances                                 |
// | execution.ec2-user-data                             | ModifyInstanceAttribute (see NEAR_MISSES)    |
// | execution.ssm-start-session                         | StartSession (the SSM rule is SendCommand)   |
// | exfiltration.ec2-share-ami                          | ModifyImageAttribute (see NEAR_MISSES)       |
// | exfiltration.rds-share-snapshot                     | ModifyDBSnapshotAttribute                    |
// | impact.bedrock-invoke-model                         | InvokeModel and model-access calls           |
// | lateral-movement.ec2-instance-connect               | SendSSHPublicKey                             |
// | lateral-movement.ec2-serial-console-send-ssh-...    | EnableSerialConsoleAccess, SendSerial...Key  |
// | persistence.iam-backdoor-role                       | UpdateAssumeRolePolicy                       |
// | persistence.iam-create-backdoor-role                | CreateRole, AttachRolePolicy                 |
// | persistence.iam-create-user-login-profile           | CreateLoginProfile (see NEAR_MISSES)         |
// | persistence.lambda-backdoor-function                | AddPermission20150331v2                      |
// | persistence.lambda-overwrite-code                   | UpdateFunctionCode20150331v2                 |
// | persistence.rolesanywhere-create-trust-anchor       | CreateTrustAnchor, CreateProfile             |
// | persistence.sts-federation-token                    | GetFederationToken                           |
const UNCOVERED: readonly string[] = [
  'aws.credential-access.ec2-get-password-data',
  'aws.credential-access.secretsmanager-batch-retrieve-secrets',
  'aws.credential-access.secretsmanager-retrieve-secrets',
  'aws.credential-access.ssm-retrieve-securestring-parameters',
  'aws.defense-evasion.cloudtrail-event-selectors',
  'aws.defense-evasion.dns-delete-logs',
  'aws.defense-evasion.organizations-leave',
  'aws.discovery.ec2-download-user-data',
  'aws.execution.ec2-launch-unusual-instances',
  'aws.execution.ec2-user-data',
  'aws.execution.ssm-start-session',
  'aws.exfiltration.ec2-share-ami',
  'aws.exfiltration.rds-share-snapshot',
  'aws.impact.bedrock-invoke-model',
  'aws.lateral-movement.ec2-instance-connect',
  'aws.lateral-movement.ec2-serial-console-send-ssh-public-key',
  'aws.persistence.iam-backdoor-role',
  'aws.persistence.iam-create-backdoor-role',
  'aws.persistence.iam-create-user-login-profile',
  'aws.persistence.lambda-backdoor-function',
  'aws.persistence.lambda-overwrite-code',
  'aws.persistence.rolesanywhere-create-trust-anchor',
  'aws.persistence.sts-federation-token',
];

describe('shipped SigmaHQ rules on the Stratus Red Team detonations', () => {
  it('reads all 35 detonations (310 events) and every shipped rule', () => {
    expect(DETONATIONS.size).toBe(35);
    expect([...DETONATIONS.values()].reduce((n, e) => n + e.length, 0)).toBe(310);
    expect(RULES.size).toBe(57);
  });

  it.each(WRITTEN_FOR)('%s: %s (%s) hits %j', (technique, ruleId, title, expected) => {
    expect(RULES.get(ruleId)?.title).toBe(title);
    expect(hits(technique, ruleId)).toEqual(expected);
  });

  it.each(INCIDENTAL)('%s: "AWS STS AssumeRole Misuse" hits %i role-session calls', (t, n) => {
    expect(hits(t, ASSUME_ROLE_MISUSE)).toHaveLength(n);
  });

  it.each(NEAR_MISSES)('%s: %s (%s) is not written for it and does not hit', (t, ruleId, title) => {
    expect(RULES.get(ruleId)?.title).toBe(title);
    expect(hits(t, ruleId)).toEqual([]);
  });

  it('every detonation is either hit by a rule written for it or listed as uncovered', () => {
    const covered = new Set(WRITTEN_FOR.map(([t]) => t));
    expect(UNCOVERED.filter((t) => covered.has(t))).toEqual([]);
    expect([...covered, ...UNCOVERED].sort()).toEqual([...DETONATIONS.keys()].sort());
  });

  it('no rule hits a detonation other than those listed above', () => {
    const listed = new Set([
      ...WRITTEN_FOR.map(([t, id]) => `${t} ${id}`),
      ...INCIDENTAL.map(([t]) => `${t} ${ASSUME_ROLE_MISUSE}`),
    ]);
    const unlisted: string[] = [];
    for (const technique of DETONATIONS.keys())
      for (const [id, rule] of RULES)
        if (!listed.has(`${technique} ${id}`) && hits(technique, id).length > 0)
          unlisted.push(`${technique}: ${rule.title} (${rule.file})`);
    expect(unlisted).toEqual([]);
  });
});

// Who makes each call: an AWS service, the root user, an IAM user, or (mostly) a role session from
// the file's pool, with the source IP, user agent and console flag that go with that caller.
import { USER_AGENTS } from './pools.js';

/**
 * @typedef {import('./catalog.js').Spec} Spec
 * @typedef {import('./catalog.js').Ctx} Ctx
 * @typedef {import('./pools.js').Role} Role
 * @typedef {{ role: Role, name: string, key: string, created: string, ua: string, ip: string,
 *   console: boolean }} Session
 */

const BROWSERS = USER_AGENTS.filter((u) => u.startsWith('Mozilla'));
// Shortest first: `skewed` picks the short CLI/agent strings most often.
const SDKS = USER_AGENTS.filter((u) => !u.startsWith('Mozilla') && u !== 'AWS Internal').sort(
  (a, b) => a.length - b.length,
);
/** @type {Record<string, string[]>} */
const INVOKERS = {
  s3: ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'access-analyzer.amazonaws.com'],
  kms: ['s3.amazonaws.com', 'secretsmanager.amazonaws.com', 'dynamodb.amazonaws.com'],
  ec2: ['autoscaling.amazonaws.com', 'elasticloadbalancing.amazonaws.com'],
  lambda: ['events.amazonaws.com', 'sqs.amazonaws.com', 'apigateway.amazonaws.com'],
  logs: ['lambda.amazonaws.com'],
  cloudtrail: ['config.amazonaws.com'],
  monitoring: ['config.amazonaws.com', 'application-autoscaling.amazonaws.com'],
};

/** @param {number} ms @returns {string} ISO time to the second, as CloudTrail writes it */
export const iso = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** @param {Ctx} c @returns {Session} */
export function newSession(c) {
  const { rng, acct, pools } = c;
  const role = rng.skewed(acct.roles, 1.3);
  let name = `botocore-session-${1709251200 + rng.int(5000)}`;
  let ua = rng.skewed(SDKS, 1.6);
  let ip = rng.skewed(pools.ips, 1.5);
  if (role.kind === 'sso') {
    name = rng.pick(pools.emails);
    ua = rng.pick(BROWSERS);
  } else if (role.kind === 'ec2') name = rng.pick(acct.instances);
  else if (role.kind === 'lambda') name = role.name.replace('-lambda-exec', '-handler');
  else if (role.kind === 'ci') name = `GitHubActions-${rng.int(1e9)}`;
  else if (role.kind === 'svc') {
    name = role.name.replace('AWSServiceRoleFor', '') + '-session';
    ua = ip = role.service ?? 'AWS Internal';
  }
  return {
    role,
    name,
    key: `ASIA${rng.upperAlnum(16)}`,
    created: iso(c.ms - rng.int(3_600_000)),
    ua,
    ip,
    console: role.kind === 'sso',
  };
}

/**
 * Who made the call: the userIdentity plus the IP and user agent that go with it.
 * @param {Ctx} c @param {Spec} spec @param {() => Session} session
 * @returns {{ id: Record<string, unknown>, ip: string, ua: string, tls: boolean, console: boolean }}
 */
export function caller(c, spec, session) {
  const { rng, acct, pools } = c;
  const a = acct.id;
  if (spec.svc !== undefined && rng.chance(spec.svc)) {
    const svc =
      spec.src === 'sts'
        ? rng.pick(pools.assumingServices)
        : rng.pick(INVOKERS[spec.src] ?? ['AWS Internal']);
    return {
      id: { type: 'AWSService', invokedBy: svc },
      ip: svc,
      ua: svc,
      tls: false,
      console: false,
    };
  }
  const r = rng.next();
  const human = spec.human === true;
  if (r < (human ? 0.1 : 0.002) && spec.data !== true) {
    const id = {
      type: 'Root',
      principalId: a,
      arn: `arn:aws:iam::${a}:root`,
      accountId: a,
      ...(human
        ? {}
        : {
            accessKeyId: `ASIA${rng.upperAlnum(16)}`,
            sessionContext: {
              attributes: { creationDate: iso(c.ms - 600_000), mfaAuthenticated: 'true' },
            },
          }),
    };
    return {
      id,
      ip: rng.pick(pools.ips.slice(0, 20)),
      ua: rng.pick(BROWSERS),
      tls: true,
      console: true,
    };
  }
  // The high-cardinality mode is a trail of Lambda and role sessions: few calls signed with an IAM
  // user's long-term key.
  if (r < (human ? 0.7 : c.high ? 0.04 : 0.35)) {
    const ui = Math.floor(Math.pow(rng.next(), 2) * acct.users.length);
    const u = acct.users[human ? Math.max(30, ui) : ui];
    const ip = pools.ips[(ui * 7 + rng.int(3)) % pools.ips.length];
    const id = {
      type: 'IAMUser',
      principalId: u.id,
      arn: `arn:aws:iam::${a}:user/${u.name}`,
      accountId: a,
      ...(human ? {} : { accessKeyId: rng.pick(u.keys) }),
      userName: u.name,
    };
    return {
      id,
      ip,
      ua: human ? rng.pick(BROWSERS) : rng.skewed(SDKS, 1.6),
      tls: true,
      console: human,
    };
  }
  const s = session();
  const role = s.role;
  const path = role.kind === 'sso' ? `aws-reserved/sso.amazonaws.com/${role.name}` : role.name;
  const id = {
    type: 'AssumedRole',
    principalId: `${role.id}:${s.name}`,
    arn: `arn:aws:sts::${a}:assumed-role/${role.name}/${s.name}`,
    accountId: a,
    accessKeyId: s.key,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: role.id,
        arn: `arn:aws:iam::${a}:role/${path}`,
        accountId: a,
        userName: role.name,
      },
      webIdFederationData: {},
      attributes: { creationDate: s.created, mfaAuthenticated: 'false' },
    },
  };
  return { id, ip: s.ip, ua: s.ua, tls: role.kind !== 'svc', console: s.console };
}

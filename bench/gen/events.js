// Turns a file task (account, Region, time window, count, seed) into the JSON text of one CloudTrail
// log file. Callers are drawn from a per-file pool of role sessions, so access keys, session names
// and IPs repeat the way they do in a real trail. In the high-cardinality mode (task.high) nearly
// every role call is a session of its own, with its own temporary access key, and nearly every S3
// object event names its own object (see generate.js).
import { CATALOG } from './catalog.js';
import { Rng, weighted } from './prng.js';
import { caller, iso, newSession } from './callers.js';

/**
 * @typedef {import('./catalog.js').Spec} Spec
 * @typedef {import('./catalog.js').Ctx} Ctx
 * @typedef {import('./pools.js').Pools} Pools
 * @typedef {{ seed: number, account: number, region: string, count: number, start: number,
 *   end: number, high?: boolean }} FileTask
 * @typedef {import('./callers.js').Session} Session
 */

const pickAny = weighted(CATALOG.map((s) => [s, s.w]));
const pickRegional = weighted(CATALOG.filter((s) => s.global !== true).map((s) => [s, s.w]));
// The high-cardinality mode's mix: each spec's weight times its `hc` multiplier.
const pickAnyHigh = weighted(CATALOG.map((s) => [s, s.w * (s.hc ?? 1)]));
const pickRegionalHigh = weighted(
  CATALOG.filter((s) => s.global !== true).map((s) => [s, s.w * (s.hc ?? 1)]),
);
/** High-cardinality mode: the share of role calls that start a new session (a new key). */
const NEW_SESSION_HIGH = 0.93;
/** High-cardinality mode: recent sessions kept for the other calls to reuse. */
const RECENT_SESSIONS_HIGH = 64;
/** @type {Record<string, string>} */
const DENY = {
  s3: 'AccessDenied',
  ec2: 'Client.UnauthorizedOperation',
  iam: 'AccessDenied',
  sts: 'AccessDenied',
};
const ERROR_RATE = 0.05;

/**
 * Generates one log file.
 * @param {Pools} pools
 * @param {FileTask} task
 * @returns {{ json: string, events: number, records: Array<Record<string, unknown>> }}
 */
export function generateFile(pools, task) {
  const rng = new Rng(task.seed);
  const acct = pools.accounts[task.account];
  const times = Array.from(
    { length: task.count },
    () => Math.floor((task.start + rng.next() * (task.end - task.start)) / 1000) * 1000,
  );
  times.sort((a, b) => a - b);
  /** @type {Session[]} */
  const sessions = [];
  const maxSessions = Math.max(20, Math.round(task.count / 5));
  const high = task.high === true;
  /** @type {Ctx} */
  const c = { rng, acct, region: task.region, pools, ms: 0, objectKeys: [], high };
  const pick =
    task.region === 'us-east-1'
      ? high
        ? pickAnyHigh
        : pickAny
      : high
        ? pickRegionalHigh
        : pickRegional;
  const records = times.map((ms) => {
    c.ms = ms;
    return buildEvent(c, pick(rng), () => {
      if (high) {
        if (sessions.length < 10 || rng.chance(NEW_SESSION_HIGH)) {
          const s = newSession(c);
          if (sessions.length < RECENT_SESSIONS_HIGH) sessions.push(s);
          else sessions[rng.int(RECENT_SESSIONS_HIGH)] = s;
          return s;
        }
        return rng.skewed(sessions, 1.5);
      }
      if (sessions.length < maxSessions && (sessions.length < 10 || rng.chance(0.45))) {
        const s = newSession(c);
        sessions.push(s);
        return s;
      }
      return rng.skewed(sessions, 1.5);
    });
  });
  return { json: JSON.stringify({ Records: records }), events: records.length, records };
}

/**
 * @param {Ctx} c @param {Spec} spec @param {() => Session} session
 * @returns {Record<string, unknown>}
 */
function buildEvent(c, spec, session) {
  const { rng, acct, region } = c;
  const who = caller(c, spec, session);
  const body = spec.body(c);
  const src = `${spec.src}.amazonaws.com`;
  const failed = rng.chance(spec.human === true ? 0.08 : ERROR_RATE);
  /** @type {Record<string, unknown>} */
  const e = {
    eventVersion: spec.data === true ? '1.10' : '1.09',
    userIdentity: who.id,
    eventTime: iso(c.ms),
    eventSource: src,
    eventName: spec.name,
    awsRegion: region,
    sourceIPAddress: who.ip,
    userAgent: spec.src === 's3' && who.tls ? `[${who.ua}]` : who.ua,
  };
  if (failed) {
    const alt = spec.errs !== undefined && rng.chance(0.4) ? rng.pick(spec.errs) : undefined;
    if (spec.human === true) {
      e.errorMessage = 'Failed authentication';
    } else if (alt !== undefined) {
      e.errorCode = alt[0];
      if (alt[1] !== '') e.errorMessage = alt[1];
    } else {
      const action = `${spec.src === 'monitoring' ? 'cloudwatch' : spec.src}:${spec.name}`;
      e.errorCode = DENY[spec.src] ?? 'AccessDenied';
      e.errorMessage =
        spec.src === 's3'
          ? 'Access Denied'
          : `User: ${String(who.id.arn ?? who.ip)} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
    }
  }
  e.requestParameters = body.rp ?? null;
  e.responseElements =
    spec.human === true
      ? { ConsoleLogin: failed ? 'Failure' : 'Success' }
      : failed
        ? null
        : (body.re ?? null);
  if (body.aed !== undefined) e.additionalEventData = body.aed;
  if (spec.human !== true) e.requestID = spec.src === 's3' ? rng.upperAlnum(16) : rng.uuid();
  e.eventID = rng.uuid();
  e.readOnly = body.ro;
  if (body.res !== undefined) e.resources = body.res;
  e.eventType = body.type ?? 'AwsApiCall';
  e.managementEvent = spec.data !== true;
  e.recipientAccountId = acct.id;
  if (who.id.type === 'AWSService' && rng.chance(0.5)) e.sharedEventID = rng.uuid();
  e.eventCategory = spec.data === true ? 'Data' : 'Management';
  if (who.tls) {
    const host =
      spec.global === true || (spec.src === 'sts' && rng.chance(0.5))
        ? src.replace('signin.amazonaws.com', 'signin.aws.amazon.com')
        : typeof body.rp?.Host === 'string'
          ? body.rp.Host
          : `${spec.src}.${region}.amazonaws.com`;
    const v13 = rng.chance(0.8);
    e.tlsDetails = {
      tlsVersion: v13 ? 'TLSv1.3' : 'TLSv1.2',
      cipherSuite: v13 ? 'TLS_AES_128_GCM_SHA256' : 'ECDHE-RSA-AES128-GCM-SHA256',
      clientProvidedHostHeader: host,
    };
  }
  if (who.console && spec.human !== true) e.sessionCredentialFromConsole = 'true';
  return e;
}

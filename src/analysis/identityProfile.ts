import { STRING_FIELDS } from '../cloudtrail/types';
import { firstNonZero } from '../lib/firstNonZero';
import type { EventIndex } from '../index/EventIndex';
import { hasRow } from '../index/RuleHits';
import type { RuleHits } from '../index/RuleHits';
import { compileFilter } from '../search/compileFilter';
import { histogramOf } from '../search/histogramOf';
import { lowerBound, selectRows } from '../search/selectRows';
import type {
  IdentityProfile,
  KeyUse,
  ProfileHistogram,
  RuleUse,
  SessionUse,
} from './identityTypes';
import { identityRelations } from './identityRelations';
import { persistenceUses } from './persistenceUses';
import { profileQuery } from './profileQuery';
import { resolveIdentity } from './resolveIdentity';
import { serviceUses } from './serviceUses';
import { valueUses } from './valueUses';
import type { ProfileRows } from './valueUses';

/** Bins of the profile's activity chart, at most. */
const BINS = 60;

/**
 * The profile of one identity value over the whole case (IdentityProfile): resolveIdentity picks
 * its events (a filter the index answers: one pass per clause over a column of codes), then each
 * panel is one counting pass over those rows' typed arrays; related identities add passes over
 * the columns they compare (identityRelations, each list cut to its RELATED_LIMIT first). Reads
 * no record. `baseline` (ms since epoch) splits its activity for
 * "new": values it used only from then on, while it had events before; absent, the middle of its
 * activity. `hits` gives the detection hits (active ones only, as `rule:` finds them).
 */
export function identityProfile(
  index: EventIndex,
  value: string,
  options: { readonly baseline?: number; readonly hits?: RuleHits } = {},
): IdentityProfile {
  const started = performance.now();
  const identity = resolveIdentity(index, value);
  const base = identity.query;
  const rows = selectRows(index, compileFilter(index, base).rowTests, {});
  const time = index.time.data;
  const firstSeen = rows.length === 0 ? undefined : time[rows[0] ?? 0];
  const lastSeen = rows.length === 0 ? undefined : time[rows[rows.length - 1] ?? 0];
  const baseline =
    options.baseline ??
    (firstSeen === undefined || lastSeen === undefined
      ? undefined
      : Math.floor(firstSeen + (lastSeen - firstSeen) / 2));
  const split = baseline === undefined ? 0 : lowerBound(rows, time, baseline);
  const profileRows: ProfileRows = { rows, split };
  const uses = (column: (typeof STRING_FIELDS)[number], field: string) =>
    valueUses(index, column, field, profileRows, base);
  const keys = uses('accessKeyId', 'accessKeyId').filter((k) => k.value !== '');
  const accessKeys: KeyUse[] = keys.map((k) => ({ ...k, kind: keyKind(k.value) }));
  const mark = new Uint8Array(index.size);
  for (const row of rows) mark[row] = 1;
  const errorCount = countErrors(index, rows);
  return {
    value,
    kind: identity.kind,
    events: { count: rows.length, q: identity.q },
    errors: { count: errorCount, q: profileQuery(base, { field: 'errorCode', any: true }) },
    ...(firstSeen === undefined ? {} : { firstSeen }),
    ...(lastSeen === undefined ? {} : { lastSeen }),
    ...(baseline === undefined ? {} : { baseline }),
    ...histogram(index, rows, firstSeen, lastSeen),
    identityTypes: uses('identityType', 'identityType'),
    arns: uses('arn', 'userIdentity.arn'),
    services: serviceUses(index, rows, base),
    regions: uses('awsRegion', 'awsRegion'),
    accounts: uses('recipientAccountId', 'recipientAccountId'),
    sourceIps: uses('sourceIPAddress', 'sourceIPAddress'),
    userAgents: uses('userAgent', 'userAgent'),
    accessKeys,
    sessions: accessKeys.filter((k) => k.kind === 'temporary').map((k) => sessionOf(index, k)),
    related: identityRelations(index, {
      rows,
      mark,
      base,
      ...(identity.kind === 'role' ? { roleArn: value } : {}),
    }),
    persistence: persistenceUses(index, rows, base),
    detections: ruleUses(options.hits, rows, mark, base),
    elapsedMs: performance.now() - started,
  };
}

/**
 * AKIA… is a long-term IAM user key, ASIA… a temporary STS one.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
function keyKind(key: string): KeyUse['kind'] {
  return key.startsWith('AKIA') ? 'long-term' : key.startsWith('ASIA') ? 'temporary' : 'other';
}

function sessionOf(index: EventIndex, key: KeyUse): SessionUse {
  const issuer = index.issuedKeys.get(key.value);
  if (issuer === undefined) return key;
  const arn = index.value('arn', issuer);
  return {
    ...key,
    issuedAt: index.time.data[issuer] ?? 0,
    issuedBy: arn === '' ? index.value('userName', issuer) : arn,
    issuedByEvent: index.value('eventName', issuer),
  };
}

function countErrors(index: EventIndex, rows: Uint32Array): number {
  const errors = index.cols[STRING_FIELDS.indexOf('errorCode')]?.data ?? new Uint32Array(0);
  let n = 0;
  for (let i = 0; i < rows.length; i++) if ((errors[rows[i] ?? 0] ?? 0) !== 0) n++;
  return n;
}

function histogram(
  index: EventIndex,
  rows: Uint32Array,
  first: number | undefined,
  last: number | undefined,
): { histogram?: ProfileHistogram } {
  if (first === undefined || last === undefined) return {};
  const h = histogramOf(index, rows, first, last + 1, BINS);
  if (h === undefined) return {};
  return { histogram: { start: h.start, step: h.step, ok: [...h.ok], errors: [...h.errors] } };
}

/**
 * The rules with active hits on the identity's events (`rows`, marked 1 in `mark`), most hits
 * first. Per rule, the shorter side is walked: its hits against the marks, or, for a rule with far
 * more hits than the identity has events, each event looked up in the hits (ascending).
 */
function ruleUses(
  hits: RuleHits | undefined,
  rows: Uint32Array,
  mark: Uint8Array,
  base: ProfileBase,
): RuleUse[] {
  const out: RuleUse[] = [];
  for (const rule of hits?.rules() ?? []) {
    let count = 0;
    const active = hits?.activeRows(rule.id) ?? new Uint32Array(0);
    if (rows.length * 32 < active.length) {
      for (let i = 0; i < rows.length; i++) if (hasRow(active, rows[i] ?? 0)) count++;
    } else {
      for (let i = 0; i < active.length; i++) if (mark[active[i] ?? 0] === 1) count++;
    }
    if (count === 0) continue;
    out.push({
      ruleId: rule.id,
      title: rule.title,
      level: rule.level,
      hits: { count, q: profileQuery(base, { field: 'rule', value: rule.id }) },
    });
  }
  return out.sort((a, b) =>
    firstNonZero(
      levelRank(a.level) - levelRank(b.level),
      b.hits.count - a.hits.count,
      a.title.localeCompare(b.title),
    ),
  );
}

/** Sigma levels, most severe first; an unknown level sorts last. */
const LEVELS = ['critical', 'high', 'medium', 'low', 'informational'];
const levelRank = (level: string) => {
  const i = LEVELS.indexOf(level.toLowerCase());
  return i < 0 ? LEVELS.length : i;
};

type ProfileBase = Parameters<typeof profileQuery>[0];

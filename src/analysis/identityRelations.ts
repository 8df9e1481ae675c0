import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { Query } from '../querylang/types';
import { largestFirst } from '../lib/largestFirst';
import { caseFold } from '../search/caseFold';
import { isAwsServiceName } from './awsServicePrincipal';
import { CanonicalKeys } from './identityCounts';
import type { IdentityRelations, RelatedIdentity } from './identityTypes';
import { profileQuery } from './profileQuery';
import { canonicalQuery, roleOfSession, roleSessionPrefix } from './resolveIdentity';

const ASSUME = 'AssumeRole';
const ROLE_TYPE = 'AWS::IAM::Role';

/** Related identities kept per list, most events first (each list's total is given beside). */
export const RELATED_LIMIT = 50;

/** What identityRelations reads of the profiled identity. */
export interface RelationInput {
  readonly rows: Uint32Array;
  /** One byte per index row, 1 for the identity's rows. */
  readonly mark: Uint8Array;
  readonly base: Query;
  /** The role ARN asked for (kind `role`), if any. */
  readonly roleArn?: string;
}

/**
 * The identities related to one identity (IdentityRelations): roles it assumed (the role ARN in the
 * resources of its AssumeRole… calls, and the roles of the sessions its issued keys signed),
 * identities that assumed it (AssumeRole… calls naming its role, and the issuers of its sessions'
 * keys, index.issuedKeys), and identities sharing its source IPs (AWS service addresses left out)
 * or its access keys. An identity is named canonically: userIdentity.arn, else userName. Each list
 * keeps its RELATED_LIMIT identities with most events; `totals` counts them all. Passes over the
 * index's columns, counted in typed arrays; no record is read, and only the identities kept get
 * a name list and a query.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
export function identityRelations(index: EventIndex, input: RelationInput): IdentityRelations {
  const ctx = new Context(index);
  const ownKeys = ctx.canonicalKeys(input.rows);
  const own = new Set<string>();
  for (const key of ownKeys) own.add(ctx.keyName(key).toLowerCase());
  const ownKey = ctx.ownMarks(ownKeys, own);
  const rolesFound = cut(rolesAssumed(ctx, input));
  const assumers = cut(assumedBy(ctx, input, own));
  const ips = sharing(ctx, input, ownKey, 'sourceIPAddress', 'sourceIPAddress');
  const keys = sharing(ctx, input, ownKey, 'accessKeyId', 'accessKeyId');
  return {
    rolesAssumed: rolesFound.kept,
    assumedBy: assumers.kept,
    sharingIps: ips.kept,
    sharingKeys: keys.kept,
    totals: {
      rolesAssumed: rolesFound.total,
      assumedBy: assumers.total,
      sharingIps: ips.total,
      sharingKeys: keys.total,
    },
  };
}

/** A list cut to its RELATED_LIMIT identities with most events, and how many there were. */
interface Found {
  readonly kept: RelatedIdentity[];
  readonly total: number;
}

/** A related identity found; it is made a RelatedIdentity (query printed) only if kept. */
interface Candidate {
  readonly identity: string;
  readonly count: number;
  readonly related: () => RelatedIdentity;
}

function cut(all: readonly Candidate[]): Found {
  const kept = largestFirst(
    all,
    RELATED_LIMIT,
    (c) => c.count,
    (a, b) => a.identity.localeCompare(b.identity),
  );
  return { kept: kept.map((c) => c.related()), total: all.length };
}

class Context {
  readonly col: (f: StringField) => Uint16Array | Uint32Array;
  readonly value: (f: StringField, row: number) => string;
  readonly assumeCodes: Uint8Array;
  readonly index: EventIndex;
  /** Canonical identities as numbers, ignoring case (CanonicalKeys). */
  readonly keys: CanonicalKeys;
  constructor(index: EventIndex) {
    this.index = index;
    this.keys = new CanonicalKeys(index);
    this.col = (f) => index.cols[STRING_FIELDS.indexOf(f)]?.data ?? new Uint32Array(0);
    this.value = (f, row) => index.value(f, row);
    const names = index.dicts[STRING_FIELDS.indexOf('eventName')];
    this.assumeCodes = new Uint8Array(names?.size ?? 0);
    names?.forEach((v, code) => {
      if (v.toLowerCase().startsWith(ASSUME.toLowerCase())) this.assumeCodes[code] = 1;
    });
  }
  /** The distinct canonical keys of `rows`. */
  canonicalKeys(rows: Uint32Array): Set<number> {
    const keys = new Set<number>();
    for (let i = 0; i < rows.length; i++) keys.add(this.keys.key(rows[i] ?? 0));
    keys.delete(0);
    return keys;
  }
  /**
   * A byte per canonical key, 1 for the identity's own: `ownKeys` (the keys of its rows), and its
   * names (`own`, lower-cased) under the other dictionary (a user name spelled as one of its ARNs).
   */
  ownMarks(ownKeys: ReadonlySet<number>, own: ReadonlySet<string>): Uint8Array {
    const { arnDict, userDict, arnSize, size } = this.keys;
    const marks = new Uint8Array(size);
    for (const key of ownKeys) marks[key] = 1;
    for (const name of own) {
      const arn = arnDict === undefined ? -1 : caseFold(arnDict, 'arn').find(name);
      if (arn > 0) marks[arn] = 1;
      const user = userDict === undefined ? -1 : caseFold(userDict, 'userName').find(name);
      if (user > 0) marks[arnSize + user] = 1;
    }
    return marks;
  }
  /** The canonical name of a canonical key (its first spelling in the dictionary). */
  keyName(key: number): string {
    const { arnDict, userDict, arnSize } = this.keys;
    return key < arnSize ? (arnDict?.get(key) ?? '') : (userDict?.get(key - arnSize) ?? '');
  }
  canonical(row: number): string {
    const arn = this.value('arn', row);
    return arn === '' ? this.value('userName', row) : arn;
  }
  isAssume(row: number): boolean {
    return this.assumeCodes[this.col('eventName')[row] ?? 0] === 1;
  }
  /** Role ARNs (lower-cased → as logged) among the resources of `row`. */
  roles(row: number): Map<string, string> {
    const { index } = this;
    const out = new Map<string, string>();
    const offsets = index.resOffsets.data;
    for (let r = offsets[row] ?? 0; r < (offsets[row + 1] ?? 0); r++) {
      const name = index.resNameDict.get(index.resName.data[r] ?? 0);
      const type = index.resTypeDict.get(index.resType.data[r] ?? 0);
      if (type === ROLE_TYPE || roleSessionPrefix(name) !== undefined)
        out.set(name.toLowerCase(), name);
    }
    return out;
  }
}

interface Tally {
  identity: string;
  rows: number[];
  via: Set<string>;
  /** The role ARNs its AssumeRole… calls named (assumedBy). */
  named: Set<string>;
}

function add(map: Map<string, Tally>, identity: string, row: number, via: string): Tally {
  const key = identity.toLowerCase();
  let t = map.get(key);
  if (t === undefined) map.set(key, (t = { identity, rows: [], via: new Set(), named: new Set() }));
  if (t.rows.at(-1) !== row) t.rows.push(row);
  t.via.add(via);
  return t;
}

function rolesAssumed(ctx: Context, input: RelationInput): Candidate[] {
  const byRole = new Map<string, Tally>();
  for (const row of input.rows) {
    if (!ctx.isAssume(row)) continue;
    for (const arn of ctx.roles(row).values()) add(byRole, arn, row, 'AssumeRole');
  }
  const found: Candidate[] = [...byRole.values()].map((t) =>
    candidate(t, () =>
      profileQuery(
        input.base,
        { field: 'eventName', prefix: ASSUME },
        { field: 'resourceName', value: t.identity },
      ),
    ),
  );
  // Roles seen only through the sessions of keys this identity's calls issued.
  const bySession = new Map<string, Tally>();
  const arnCodes = ctx.col('arn');
  const keyRows = issuedBy(ctx, input.mark);
  if (keyRows.size > 0) {
    const keys = ctx.col('accessKeyId');
    const keyDict = ctx.index.dicts[STRING_FIELDS.indexOf('accessKeyId')];
    const wanted = new Map<number, number>();
    for (const [key, row] of keyRows) {
      const code = keyDict?.find(key) ?? -1;
      if (code > 0) wanted.set(code, row);
    }
    const isWanted = new Uint8Array(keyDict?.size ?? 0);
    for (const code of wanted.keys()) isWanted[code] = 1;
    const seenArn = new Set<number>();
    for (let row = 0; row < ctx.index.size; row++) {
      if (isWanted[keys[row] ?? 0] !== 1) continue;
      const issuer = wanted.get(keys[row] ?? 0);
      if (issuer === undefined || seenArn.has(arnCodes[row] ?? 0)) continue;
      seenArn.add(arnCodes[row] ?? 0);
      const role = roleOfSession(ctx.value('arn', row));
      if (role === undefined || byRole.has(role.toLowerCase())) continue;
      add(bySession, role, issuer, 'session');
    }
  }
  for (const t of bySession.values()) found.push(byEventIds(ctx, input.base, t));
  return found;
}

function assumedBy(ctx: Context, input: RelationInput, own: Set<string>): Candidate[] {
  const roleArns = new Set<string>();
  if (input.roleArn !== undefined) roleArns.add(input.roleArn.toLowerCase());
  for (const name of own) {
    const role = roleOfSession(name);
    if (role !== undefined) roleArns.add(role.toLowerCase());
  }
  const byIssuer = new Map<string, Tally>();
  if (roleArns.size > 0) {
    const { index } = ctx;
    const names = ctx.col('eventName');
    const offsets = index.resOffsets.data;
    const resNames = index.resName.data;
    // Per resource name code: is it one of the role ARNs (ignoring case)? Every one of those is
    // a role ARN, so no resource type needs reading. Memoised: AssumeRole calls name few roles.
    const named = new Map<number, boolean>();
    const isNamed = (code: number) => {
      let yes = named.get(code);
      if (yes === undefined) {
        yes = roleArns.has(index.resNameDict.get(code).toLowerCase());
        named.set(code, yes);
      }
      return yes;
    };
    for (let row = 0; row < index.size; row++) {
      if (ctx.assumeCodes[names[row] ?? 0] !== 1) continue;
      let t: Tally | undefined;
      for (let r = offsets[row] ?? 0; r < (offsets[row + 1] ?? 0); r++) {
        const code = resNames[r] ?? 0;
        if (code === 0 || !isNamed(code)) continue;
        t ??= add(byIssuer, ctx.canonical(row), row, 'AssumeRole');
        const arn = index.resNameDict.get(code);
        // As the logged spellings of one ARN are one role, the first spelling met names it.
        if (![...t.named].some((n) => n.toLowerCase() === arn.toLowerCase())) t.named.add(arn);
      }
    }
  }
  const out: Candidate[] = [...byIssuer.values()].map((t) =>
    candidate(t, () =>
      profileQuery(
        canonicalQuery(t.identity),
        { field: 'eventName', prefix: ASSUME },
        { field: 'resourceName', values: [...t.named] },
      ),
    ),
  );
  // Issuers of the keys its sessions signed with, not already found by the role they name.
  const bySession = new Map<string, Tally>();
  const keyCodes = new Set<string>();
  for (const row of input.rows) {
    const key = ctx.value('accessKeyId', row);
    if (key !== '' && !keyCodes.has(key)) keyCodes.add(key);
  }
  for (const key of keyCodes) {
    const issuer = ctx.index.issuedKeys.get(key);
    if (issuer === undefined || input.mark[issuer] === 1) continue;
    const who = ctx.canonical(issuer);
    if (byIssuer.has(who.toLowerCase())) continue;
    add(bySession, who, issuer, 'session');
  }
  for (const t of bySession.values()) out.push(byEventIds(ctx, canonicalQuery(t.identity), t));
  return out;
}

/**
 * Identities other than this one with events carrying one of its values of `column` ('' and AWS
 * service names left out): one pass over the column counts each identity's events in a typed
 * array; a second pass, only over the rows of the identities kept, collects what they share.
 * Names and values are read only for those.
 */
function sharing(
  ctx: Context,
  input: RelationInput,
  ownKey: Uint8Array,
  column: StringField,
  field: string,
): Found {
  const dict = ctx.index.dicts[STRING_FIELDS.indexOf(column)];
  const codes = ctx.col(column);
  const used = new Uint8Array(dict?.size ?? 0);
  for (const row of input.rows) used[codes[row] ?? 0] = 1;
  for (let c = 0; c < used.length; c++) {
    if (used[c] !== 1) continue;
    const value = dict?.get(c) ?? '';
    if (value === '' || isAwsServiceName(value)) used[c] = 0;
  }
  const events = new Uint32Array(ctx.keys.size);
  const { mark } = input;
  const size = ctx.index.size;
  for (let row = 0; row < size; row++) {
    if (used[codes[row] ?? 0] !== 1 || mark[row] === 1) continue;
    const key = ctx.keys.key(row);
    if (ownKey[key] === 1) continue;
    events[key] = (events[key] ?? 0) + 1;
  }
  const found: number[] = [];
  for (let key = 1; key < events.length; key++) if ((events[key] ?? 0) > 0) found.push(key);
  const name = (key: number) => ctx.keyName(key);
  const kept = largestFirst(
    found,
    RELATED_LIMIT,
    (k) => events[k] ?? 0,
    (a, b) => name(a).localeCompare(name(b)),
  );
  // What each kept identity shares, in the order met: a second pass over their rows only.
  const shared = kept.map(() => new Set<number>());
  if (kept.length > 0) {
    const keptAt = new Int32Array(ctx.keys.size).fill(-1);
    kept.forEach((key, i) => (keptAt[key] = i));
    for (let row = 0; row < size; row++) {
      const code = codes[row] ?? 0;
      if (used[code] !== 1 || mark[row] === 1) continue;
      const at = keptAt[ctx.keys.key(row)] ?? -1;
      if (at >= 0) shared[at]?.add(code);
    }
  }
  return {
    total: found.length,
    kept: kept.map((key, i) => {
      const identity = name(key);
      const count = events[key] ?? 0;
      const via = [...(shared[i] ?? [])].map((c) => dict?.get(c) ?? '');
      return {
        identity,
        via,
        events: {
          count,
          q: profileQuery(canonicalQuery(identity, ctx.keys.isArn(key)), { field, values: via }),
        },
      };
    }),
  };
}

/** Temporary keys issued by the identity's events: key → issuing row. */
function issuedBy(ctx: Context, mark: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, row] of ctx.index.issuedKeys) if (mark[row] === 1) out.set(key, row);
  return out;
}

function candidate(t: Tally, q: () => string): Candidate {
  return {
    identity: t.identity,
    count: t.rows.length,
    related: () => ({
      identity: t.identity,
      via: [...t.via],
      events: { count: t.rows.length, q: q() },
    }),
  };
}

/** A relation counted by its events' IDs (few: the AssumeRole calls that issued session keys). */
function byEventIds(ctx: Context, base: Query, t: Tally): Candidate {
  return candidate(t, () =>
    profileQuery(base, {
      field: 'eventID',
      values: [...new Set(t.rows.map((r) => ctx.index.eventId(r)))],
    }),
  );
}

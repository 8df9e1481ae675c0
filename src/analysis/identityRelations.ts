import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';
import { GrowableArray } from '../index/GrowableArray';
import type { Query } from '../querylang/types';
import { largestFirst } from '../lib/largestFirst';
import { caseFold } from '../search/caseFold';
import { isAwsServiceName } from './awsServicePrincipal';
import { issuedKeyRows } from './issuedKeyRows';
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
  const [ips, keys] = sharing(ctx, input, ownKey);
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
  // Roles seen only through the sessions of keys this identity's calls issued: the session ARN
  // of each key's first use names its role (a temporary key belongs to one session). Keys are
  // taken in the order of their first use, so a role reached by two keys is credited to the
  // issuer of the one used first, as a pass over the rows would.
  const bySession = new Map<string, Tally>();
  const { issuers, firstUse } = issuedKeyRows(ctx.index);
  const arnCodes = ctx.col('arn');
  const mine: number[] = [];
  for (let i = 0; i < issuers.length; i++) {
    if (input.mark[issuers[i] ?? 0] === 1 && (firstUse[i] ?? -1) >= 0) mine.push(i);
  }
  mine.sort((a, b) => (firstUse[a] ?? 0) - (firstUse[b] ?? 0));
  const seenArn = new Set<number>();
  for (const i of mine) {
    const row = firstUse[i] ?? 0;
    if (seenArn.has(arnCodes[row] ?? 0)) continue;
    seenArn.add(arnCodes[row] ?? 0);
    const role = roleOfSession(ctx.value('arn', row));
    if (role === undefined || byRole.has(role.toLowerCase())) continue;
    add(bySession, role, issuers[i] ?? 0, 'session');
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
  const { issuerOf } = issuedKeyRows(ctx.index);
  const keys = ctx.col('accessKeyId');
  const keyCodes = new Set<number>();
  for (let i = 0; i < input.rows.length; i++) keyCodes.add(keys[input.rows[i] ?? 0] ?? 0);
  for (const code of keyCodes) {
    const issuer = issuerOf[code] ?? -1;
    if (issuer < 0 || input.mark[issuer] === 1) continue;
    const who = ctx.canonical(issuer);
    if (byIssuer.has(who.toLowerCase())) continue;
    add(bySession, who, issuer, 'session');
  }
  for (const t of bySession.values()) out.push(byEventIds(ctx, canonicalQuery(t.identity), t));
  return out;
}

/** One column the sharing pass compares: its codes, dictionary, and the identity's values. */
interface Shared {
  readonly field: string;
  readonly codes: Uint16Array | Uint32Array;
  readonly dict: Dictionary | undefined;
  /** A byte per code, 1 for the identity's own values ('' and AWS service names left out). */
  readonly used: Uint8Array;
  /** Events per canonical key carrying one of those values. */
  readonly events: Uint32Array;
}

/** The rows a sharing pass met (other identities' rows carrying a shared value), with their keys. */
interface Met {
  readonly rows: GrowableArray<Uint32Array>;
  readonly keys: GrowableArray<Uint32Array>;
}

/**
 * Identities other than this one with events carrying one of its source IPs or access keys
 * ('' and AWS service names left out). One pass over the two columns counts each identity's
 * events per column in typed arrays and notes the rows met; a second pass, over those rows only,
 * collects what each identity kept shares. Names and values are read only for those.
 */
function sharing(ctx: Context, input: RelationInput, ownKey: Uint8Array): [Found, Found] {
  const ip = sharedColumn(ctx, input, 'sourceIPAddress', 'sourceIPAddress');
  const key = sharedColumn(ctx, input, 'accessKeyId', 'accessKeyId');
  const { mark } = input;
  const size = ctx.index.size;
  // Grown as met, so a profile holds memory for the rows it meets, not for every row of the case.
  const met: Met = {
    rows: new GrowableArray((n) => new Uint32Array(n)),
    keys: new GrowableArray((n) => new Uint32Array(n)),
  };
  const [ipCodes, ipUsed, ipEvents] = [ip.codes, ip.used, ip.events];
  const [keyCodes, keyUsed, keyEvents] = [key.codes, key.used, key.events];
  for (let row = 0; row < size; row++) {
    const byIp = ipUsed[ipCodes[row] ?? 0] ?? 0;
    const byKey = keyUsed[keyCodes[row] ?? 0] ?? 0;
    if ((byIp | byKey) === 0 || mark[row] === 1) continue;
    const k = ctx.keys.key(row);
    if (ownKey[k] === 1) continue;
    ipEvents[k] = (ipEvents[k] ?? 0) + byIp;
    keyEvents[k] = (keyEvents[k] ?? 0) + byKey;
    met.rows.push(row);
    met.keys.push(k);
  }
  return [collect(ctx, ip, met), collect(ctx, key, met)];
}

/** One column's list: the identities kept, and what each shares, from the rows `met`. */
function collect(ctx: Context, column: Shared, met: Met): Found {
  const kept = keptOf(ctx, column.events);
  // What each kept identity shares, in the order met.
  const shared = kept.keys.map(() => new Set<number>());
  if (shared.length > 0) {
    const at = new Int32Array(ctx.keys.size).fill(-1);
    kept.keys.forEach((k, i) => (at[k] = i));
    const rows = met.rows.data;
    const keys = met.keys.data;
    for (let j = 0; j < met.rows.length; j++) {
      const i = at[keys[j] ?? 0] ?? -1;
      if (i < 0) continue;
      const code = column.codes[rows[j] ?? 0] ?? 0;
      if (column.used[code] === 1) shared[i]?.add(code);
    }
  }
  return found(ctx, column, kept, shared);
}

function sharedColumn(
  ctx: Context,
  input: RelationInput,
  column: StringField,
  field: string,
): Shared {
  const dict = ctx.index.dicts[STRING_FIELDS.indexOf(column)];
  const codes = ctx.col(column);
  const used = new Uint8Array(dict?.size ?? 0);
  for (const row of input.rows) used[codes[row] ?? 0] = 1;
  for (let c = 0; c < used.length; c++) {
    if (used[c] !== 1) continue;
    const value = dict?.get(c) ?? '';
    if (value === '' || isAwsServiceName(value)) used[c] = 0;
  }
  return { field, codes, dict, used, events: new Uint32Array(ctx.keys.size) };
}

/** The canonical keys with events, cut to RELATED_LIMIT (most events, then by name). */
function keptOf(ctx: Context, events: Uint32Array): { keys: number[]; total: number } {
  const all: number[] = [];
  for (let key = 1; key < events.length; key++) if ((events[key] ?? 0) > 0) all.push(key);
  const name = (key: number) => ctx.keyName(key);
  return {
    keys: largestFirst(
      all,
      RELATED_LIMIT,
      (k) => events[k] ?? 0,
      (a, b) => name(a).localeCompare(name(b)),
    ),
    total: all.length,
  };
}

function found(
  ctx: Context,
  column: Shared,
  kept: { keys: number[]; total: number },
  shared: Set<number>[],
): Found {
  return {
    total: kept.total,
    kept: kept.keys.map((key, i) => {
      const identity = ctx.keyName(key);
      const via = [...(shared[i] ?? [])].map((c) => column.dict?.get(c) ?? '');
      return {
        identity,
        via,
        events: {
          count: column.events[key] ?? 0,
          q: profileQuery(canonicalQuery(identity, ctx.keys.isArn(key)), {
            field: column.field,
            values: via,
          }),
        },
      };
    }),
  };
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

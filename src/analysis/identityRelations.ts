import { STRING_FIELDS } from '../cloudtrail/types';
import { firstNonZero } from '../lib/firstNonZero';
import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { Query } from '../querylang/types';
import { isAwsServiceName } from './awsServicePrincipal';
import type { IdentityRelations, RelatedIdentity } from './identityTypes';
import { profileQuery } from './profileQuery';
import { canonicalQuery, roleOfSession, roleSessionPrefix } from './resolveIdentity';

const ASSUME = 'AssumeRole';
const ROLE_TYPE = 'AWS::IAM::Role';

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
 * or its access keys. An identity is named canonically: userIdentity.arn, else userName. One pass
 * over the index's columns for the shared values; no record is read.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
export function identityRelations(index: EventIndex, input: RelationInput): IdentityRelations {
  const ctx = new Context(index);
  const own = new Set<string>();
  for (const key of ctx.canonicalKeys(input.rows)) own.add(ctx.keyName(key).toLowerCase());
  return {
    rolesAssumed: rolesAssumed(ctx, input),
    assumedBy: assumedBy(ctx, input, own),
    sharingIps: sharing(ctx, input, own, 'sourceIPAddress', 'sourceIPAddress'),
    sharingKeys: sharing(ctx, input, own, 'accessKeyId', 'accessKeyId'),
  };
}

class Context {
  readonly col: (f: StringField) => Uint16Array | Uint32Array;
  readonly value: (f: StringField, row: number) => string;
  readonly assumeCodes: Uint8Array;
  readonly index: EventIndex;
  private readonly arns: Uint16Array | Uint32Array;
  private readonly users: Uint16Array | Uint32Array;
  constructor(index: EventIndex) {
    this.index = index;
    this.arns = index.cols[STRING_FIELDS.indexOf('arn')]?.data ?? new Uint32Array(0);
    this.users = index.cols[STRING_FIELDS.indexOf('userName')]?.data ?? new Uint32Array(0);
    this.col = (f) => index.cols[STRING_FIELDS.indexOf(f)]?.data ?? new Uint32Array(0);
    this.value = (f, row) => index.value(f, row);
    const names = index.dicts[STRING_FIELDS.indexOf('eventName')];
    this.assumeCodes = new Uint8Array(names?.size ?? 0);
    names?.forEach((v, code) => {
      if (v.toLowerCase().startsWith(ASSUME.toLowerCase())) this.assumeCodes[code] = 1;
    });
  }
  /**
   * A number per canonical identity: the ARN's code, or the user name's code + 2^32 on an event
   * without an ARN (0: neither), so rows are grouped without reading strings.
   */
  canonicalKey(row: number): number {
    const arn = this.arns[row] ?? 0;
    return arn !== 0 ? arn : (this.users[row] ?? 0) === 0 ? 0 : (this.users[row] ?? 0) + 2 ** 32;
  }
  /** The distinct canonicalKeys of `rows`. */
  canonicalKeys(rows: Uint32Array): Set<number> {
    const keys = new Set<number>();
    for (let i = 0; i < rows.length; i++) keys.add(this.canonicalKey(rows[i] ?? 0));
    keys.delete(0);
    return keys;
  }
  /** The canonical name of a canonicalKey. */
  keyName(key: number): string {
    const { index } = this;
    return key < 2 ** 32
      ? (index.dicts[STRING_FIELDS.indexOf('arn')]?.get(key) ?? '')
      : (index.dicts[STRING_FIELDS.indexOf('userName')]?.get(key - 2 ** 32) ?? '');
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

function rolesAssumed(ctx: Context, input: RelationInput): RelatedIdentity[] {
  const byRole = new Map<string, Tally>();
  for (const row of input.rows) {
    if (!ctx.isAssume(row)) continue;
    for (const arn of ctx.roles(row).values()) add(byRole, arn, row, 'AssumeRole');
  }
  const found: RelatedIdentity[] = [...byRole.values()].map((t) => ({
    identity: t.identity,
    via: [...t.via],
    events: {
      count: t.rows.length,
      q: profileQuery(
        input.base,
        { field: 'eventName', prefix: ASSUME },
        { field: 'resourceName', value: t.identity },
      ),
    },
  }));
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
    const seenArn = new Set<number>();
    for (let row = 0; row < ctx.index.size; row++) {
      const issuer = wanted.get(keys[row] ?? 0);
      if (issuer === undefined || seenArn.has(arnCodes[row] ?? 0)) continue;
      seenArn.add(arnCodes[row] ?? 0);
      const role = roleOfSession(ctx.value('arn', row));
      if (role === undefined || byRole.has(role.toLowerCase())) continue;
      add(bySession, role, issuer, 'session');
    }
  }
  for (const t of bySession.values()) found.push(byEventIds(ctx, input.base, t));
  return found.sort(byEvents);
}

function assumedBy(ctx: Context, input: RelationInput, own: Set<string>): RelatedIdentity[] {
  const roleArns = new Set<string>();
  if (input.roleArn !== undefined) roleArns.add(input.roleArn.toLowerCase());
  for (const name of own) {
    const role = roleOfSession(name);
    if (role !== undefined) roleArns.add(role.toLowerCase());
  }
  const byIssuer = new Map<string, Tally>();
  if (roleArns.size > 0) {
    const names = ctx.col('eventName');
    for (let row = 0; row < ctx.index.size; row++) {
      if (ctx.assumeCodes[names[row] ?? 0] !== 1) continue;
      const named = [...ctx.roles(row).entries()]
        .filter(([k]) => roleArns.has(k))
        .map(([, v]) => v);
      if (named.length === 0) continue;
      const t = add(byIssuer, ctx.canonical(row), row, 'AssumeRole');
      for (const arn of named) t.named.add(arn);
    }
  }
  const out: RelatedIdentity[] = [...byIssuer.values()].map((t) => ({
    identity: t.identity,
    via: [...t.via],
    events: {
      count: t.rows.length,
      q: profileQuery(
        canonicalQuery(t.identity),
        { field: 'eventName', prefix: ASSUME },
        { field: 'resourceName', values: [...t.named] },
      ),
    },
  }));
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
  return out.sort(byEvents);
}

function sharing(
  ctx: Context,
  input: RelationInput,
  own: Set<string>,
  column: StringField,
  field: string,
): RelatedIdentity[] {
  const dict = ctx.index.dicts[STRING_FIELDS.indexOf(column)];
  const codes = ctx.col(column);
  const used = new Uint8Array(dict?.size ?? 0);
  for (const row of input.rows) used[codes[row] ?? 0] = 1;
  for (let c = 0; c < used.length; c++) {
    if ((used[c] === 1 && (dict?.get(c) ?? '') === '') || isAwsServiceName(dict?.get(c) ?? ''))
      used[c] = 0;
  }
  // Grouped by canonicalKey and value code while scanning; names are read once per group.
  const groups = new Map<number, { rows: number; codes: Set<number> }>();
  const ownKeys = ctx.canonicalKeys(input.rows);
  for (let row = 0; row < ctx.index.size; row++) {
    if (input.mark[row] === 1 || used[codes[row] ?? 0] !== 1) continue;
    const key = ctx.canonicalKey(row);
    if (key === 0 || ownKeys.has(key)) continue;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { rows: 0, codes: new Set() }));
    g.rows++;
    g.codes.add(codes[row] ?? 0);
  }
  const others = new Map<string, { identity: string; count: number; via: Set<string> }>();
  for (const [key, g] of groups) {
    const identity = ctx.keyName(key);
    if (own.has(identity.toLowerCase())) continue;
    const o = others.get(identity.toLowerCase()) ?? { identity, count: 0, via: new Set<string>() };
    others.set(identity.toLowerCase(), o);
    o.count += g.rows;
    for (const c of g.codes) o.via.add(dict?.get(c) ?? '');
  }
  return [...others.values()]
    .map((t) => ({
      identity: t.identity,
      via: [...t.via],
      events: {
        count: t.count,
        q: profileQuery(canonicalQuery(t.identity), { field, values: [...t.via] }),
      },
    }))
    .sort(byEvents);
}

/** Temporary keys issued by the identity's events: key → issuing row. */
function issuedBy(ctx: Context, mark: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, row] of ctx.index.issuedKeys) if (mark[row] === 1) out.set(key, row);
  return out;
}

/** A relation counted by its events' IDs (few: the AssumeRole calls that issued session keys). */
function byEventIds(ctx: Context, base: Query, t: Tally): RelatedIdentity {
  const ids = [...new Set(t.rows.map((r) => ctx.index.eventId(r)))];
  return {
    identity: t.identity,
    via: [...t.via],
    events: { count: t.rows.length, q: profileQuery(base, { field: 'eventID', values: ids }) },
  };
}

const byEvents = (a: RelatedIdentity, b: RelatedIdentity) =>
  firstNonZero(b.events.count - a.events.count, a.identity.localeCompare(b.identity));

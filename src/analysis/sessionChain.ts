import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import { sessionIssuer } from './sessionIssuer';
import type { SessionIssuer } from './sessionTypes';

const KEY = STRING_FIELDS.indexOf('accessKeyId');
/** Deepest chain followed either way: role chaining is a few hops in practice. */
const MAX_DEPTH = 8;
/** Most sessions listed under one node; the rest are counted (`moreChildren`). */
const MAX_CHILDREN = 50;

/** One identity in a credential chain: a key and who used it. */
export interface ChainNode {
  /** The access key ('' when the calls carried none); ASIA… is a session, AKIA… a long-term key. */
  readonly key: string;
  readonly arn: string;
  readonly userName: string;
  readonly identityType: string;
  /** The account the identity acts in: from its ARN, else the recipientAccountId of its events. */
  readonly account: string;
  /** Events signed with `key` in the whole case (0 for '' or when none are in the case). */
  readonly events: number;
  /** The call, signed by the parent, that issued `key`. */
  readonly issuedBy?: SessionIssuer;
  /** Its account differs from its parent's: a cross-account hop. */
  readonly crossAccount: boolean;
  /** The session the story tells. */
  readonly current: boolean;
  /** A temporary key whose issuing event is not in the case: the chain goes on elsewhere. */
  readonly incomplete: boolean;
  /** Sessions this identity issued: every one below the current session; only the path above it. */
  readonly children: readonly ChainNode[];
  /** Sessions it issued that are not listed (above the current session: its siblings). */
  readonly moreChildren: number;
}

/**
 * The credential chain around temporary key `key` as a tree, from the index alone: up through the
 * events that issued each key (index.issuedKeys) to the first identity in the case (an IAM user's
 * long-term key, a federated sign-in, or a key issued outside the case), then down through every
 * session this one and its descendants issued.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
 */
export function sessionChain(index: EventIndex, key: string): ChainNode {
  const keys = index.cols[KEY]?.data ?? new Uint32Array(0);
  const dict = index.dicts[KEY];
  // One pass: events and the first row per key code.
  const counts = new Uint32Array(dict?.size ?? 0);
  const firstRow = new Int32Array(dict?.size ?? 0).fill(-1);
  for (let row = 0; row < index.size; row++) {
    const code = keys[row] ?? 0;
    const before = counts[code] ?? 0;
    counts[code] = before + 1;
    if (before === 0) firstRow[code] = row;
  }
  const issuedBy = new Map<string, [string, number][]>();
  for (const [issued, row] of index.issuedKeys) {
    const signer = index.value('accessKeyId', row);
    const list = issuedBy.get(signer) ?? [];
    list.push([issued, row]);
    issuedBy.set(signer, list);
  }
  const facts = (k: string, fallbackRow: number | undefined) => {
    const code = k === '' ? -1 : (dict?.find(k) ?? -1);
    const row = code >= 0 && (firstRow[code] ?? -1) >= 0 ? (firstRow[code] ?? 0) : fallbackRow;
    const arn = row === undefined ? '' : index.value('arn', row);
    return {
      key: k,
      arn,
      userName: row === undefined ? '' : index.value('userName', row),
      identityType: row === undefined ? '' : index.value('identityType', row),
      account:
        accountOfArn(arn) ?? (row === undefined ? '' : index.value('recipientAccountId', row)),
      events: code >= 0 ? (counts[code] ?? 0) : 0,
    };
  };
  const down = (k: string, parentAccount: string, depth: number, seen: Set<string>): ChainNode => {
    const issuer = sessionIssuer(index, k);
    const node = facts(k, undefined);
    seen.add(k);
    const issued = (issuedBy.get(k) ?? []).filter(([child]) => !seen.has(child));
    const children =
      depth >= MAX_DEPTH
        ? []
        : issued
            .slice(0, MAX_CHILDREN)
            .map(([child]) => down(child, node.account, depth + 1, seen));
    return {
      ...node,
      ...(issuer === undefined ? {} : { issuedBy: issuer }),
      crossAccount: parentAccount !== '' && node.account !== '' && node.account !== parentAccount,
      current: k === key,
      incomplete: issuer === undefined && k.startsWith('ASIA'),
      children,
      moreChildren: issued.length - children.length,
    };
  };
  // Up: the keys from `key` to the first identity in the case, each issued by the next.
  const path: string[] = [key];
  const seen = new Set<string>([key]);
  for (let k = key; path.length <= MAX_DEPTH;) {
    const row = index.issuedKeys.get(k);
    if (row === undefined) break;
    const signer = index.value('accessKeyId', row);
    if (seen.has(signer)) break;
    seen.add(signer);
    path.push(signer);
    k = signer;
    // A long-term key or none: nothing issued it.
    if (!signer.startsWith('ASIA')) break;
  }
  path.reverse();
  let node = down(key, '', 0, new Set(path));
  for (let i = path.length - 2; i >= 0; i--) {
    const k = path[i] ?? '';
    const child = path[i + 1] ?? '';
    const issuerRow = index.issuedKeys.get(child);
    const upper = facts(k, issuerRow);
    const issuer = k === '' ? undefined : sessionIssuer(index, k);
    const siblings = (issuedBy.get(k) ?? []).length - 1;
    node = {
      ...upper,
      ...(issuer === undefined ? {} : { issuedBy: issuer }),
      crossAccount: false,
      current: false,
      incomplete: issuer === undefined && k.startsWith('ASIA'),
      children: [{ ...node, crossAccount: differs(upper.account, node.account) }],
      moreChildren: Math.max(0, siblings),
    };
  }
  return node;
}

function differs(a: string, b: string): boolean {
  return a !== '' && b !== '' && a !== b;
}

/** The account ID of an IAM or STS ARN (`arn:aws:sts::<account>:assumed-role/…`), if any. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';
import { anyClause, valueClause } from './reportQuery';
import { caseFold } from '../search/caseFold';
import type { FieldClause } from '../querylang/types';

/**
 * Events per canonical identity: an event's userIdentity.arn, else (AWS services, some sign-in
 * events) its userName. `counts` has one slot per ARN code (`0 … arnSize-1`, slot 0 unused) then
 * one per userName code (`arnSize + code`, for events without an ARN).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
export interface IdentityCounts {
  readonly counts: Uint32Array;
  readonly arnSize: number;
  readonly arnDict: Dictionary | undefined;
  readonly userDict: Dictionary | undefined;
}

/** The codes of one string column of `index` (a Uint16Array or Uint32Array, one per row). */
export function columnOf(index: EventIndex, field: StringField): Uint16Array | Uint32Array {
  return index.cols[STRING_FIELDS.indexOf(field)]?.data ?? new Uint32Array(0);
}

/** The dictionary of one string column of `index`. */
export function dictOf(index: EventIndex, field: StringField): Dictionary | undefined {
  return index.dicts[STRING_FIELDS.indexOf(field)];
}

/** Events of `rows` per canonical identity, in one pass over the arn and userName columns. */
export function countIdentities(index: EventIndex, rows: Uint32Array): IdentityCounts {
  const arnDict = dictOf(index, 'arn');
  const userDict = dictOf(index, 'userName');
  const arnSize = Math.max(1, arnDict?.size ?? 0);
  const counts = new Uint32Array(arnSize + (userDict?.size ?? 0) + 1);
  const arn = columnOf(index, 'arn');
  const user = columnOf(index, 'userName');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const a = arn[row] ?? 0;
    const k = a !== 0 ? a : arnSize + (user[row] ?? 0);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { counts, arnSize, arnDict, userDict };
}

/** The canonical identity of slot `k` of `ic.counts`: an ARN or a userName ('' for neither). */
export function identityOf(ic: IdentityCounts, k: number): { value: string; byArn: boolean } {
  if (k < ic.arnSize) return { value: ic.arnDict?.get(k) ?? '', byArn: true };
  return { value: ic.userDict?.get(k - ic.arnSize) ?? '', byArn: false };
}

/**
 * The clauses that select the events of one canonical identity: `userIdentity.arn:<arn>`, or for an
 * identity named by its userName, no ARN and that userName (`-userIdentity.arn:* userName:<name>`).
 */
export function identityClauses(value: string, byArn: boolean): FieldClause[] {
  if (byArn) return [valueClause('userIdentity.arn', value)];
  return [anyClause('userIdentity.arn', true), valueClause('userName', value)];
}

/**
 * Canonical identities as numbers, ignoring case: `key(row)` is the row's ARN's folded code
 * (search/caseFold: spellings that differ only in case are one), or `arnSize` + its user name's
 * folded code on an event without an ARN, or 0 for neither; keys run below `size`, so tallies are
 * typed arrays of that length, with no string read per row.
 */
export class CanonicalKeys {
  readonly arnSize: number;
  readonly size: number;
  readonly arnDict: Dictionary | undefined;
  readonly userDict: Dictionary | undefined;
  private readonly arns: Uint16Array | Uint32Array;
  private readonly users: Uint16Array | Uint32Array;
  private readonly arnFold: Uint32Array;
  private readonly userFold: Uint32Array;

  constructor(index: EventIndex) {
    this.arnDict = dictOf(index, 'arn');
    this.userDict = dictOf(index, 'userName');
    this.arns = columnOf(index, 'arn');
    this.users = columnOf(index, 'userName');
    this.arnFold =
      this.arnDict === undefined ? new Uint32Array(1) : caseFold(this.arnDict, 'arn').fold;
    this.userFold =
      this.userDict === undefined ? new Uint32Array(1) : caseFold(this.userDict, 'userName').fold;
    this.arnSize = Math.max(1, this.arnDict?.size ?? 0);
    this.size = this.arnSize + (this.userDict?.size ?? 0) + 1;
  }

  key(row: number): number {
    const arn = this.arnFold[this.arns[row] ?? 0] ?? 0;
    if (arn !== 0) return arn;
    const user = this.userFold[this.users[row] ?? 0] ?? 0;
    return user === 0 ? 0 : this.arnSize + user;
  }

  /** Whether `key` names an ARN (else a user name on events without one). */
  isArn(key: number): boolean {
    return key < this.arnSize;
  }
}

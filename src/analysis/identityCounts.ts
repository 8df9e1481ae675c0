import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';
import { anyClause, valueClause } from './reportQuery';
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

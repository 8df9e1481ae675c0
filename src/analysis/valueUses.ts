import { STRING_FIELDS } from '../cloudtrail/types';
import { firstNonZero } from '../lib/firstNonZero';
import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { Query } from '../querylang/types';
import { firstSeenCodes } from '../search/firstSeen';
import { codeUses } from './codeUses';
import type { ValueUse } from './identityTypes';
import { profileQuery } from './profileQuery';

/** The identity's rows, time-ordered, and where the baseline splits them. */
export interface ProfileRows {
  readonly rows: Uint32Array;
  /** rows[0 … split) are before the baseline; nothing is new when split is 0. */
  readonly split: number;
}

/**
 * Every value of `column` among the identity's rows, as ValueUses: values that differ only in case
 * are one entry (queries match without case, so one link finds them all), spelled as first seen.
 * `isNew` is search/firstSeen's mark: carried by rows after the baseline and by none before it.
 * Most events first, then by first use. `field` is the query field of the column.
 */
export function valueUses(
  index: EventIndex,
  column: StringField,
  field: string,
  { rows, split }: ProfileRows,
  base: Query,
): ValueUse[] {
  const f = STRING_FIELDS.indexOf(column);
  const dict = index.dicts[f];
  const codes = index.cols[f]?.data ?? new Uint32Array(0);
  const size = dict?.size ?? 0;
  const errorCodes = index.cols[STRING_FIELDS.indexOf('errorCode')]?.data ?? new Uint32Array(0);
  const uses = codeUses(codes, size, rows, index.time.data, errorCodes);
  const fresh =
    split === 0
      ? undefined
      : firstSeenCodes({ dict, size, codes }, rows.subarray(0, split), rows.subarray(split));
  const byKey = new Map<
    string,
    { value: string; count: number; errors: number; first: number; last: number; isNew: boolean }
  >();
  uses.codes.forEach((code, i) => {
    const value = dict?.get(code) ?? '';
    const key = value.toLowerCase();
    const isNew = fresh?.[code] === 1;
    const seen = byKey.get(key);
    const count = uses.counts[i] ?? 0;
    const errors = uses.errors[i] ?? 0;
    const first = uses.first[i] ?? 0;
    const last = uses.last[i] ?? 0;
    if (seen === undefined) byKey.set(key, { value, count, errors, first, last, isNew });
    else {
      seen.count += count;
      seen.errors += errors;
      seen.first = Math.min(seen.first, first);
      seen.last = Math.max(seen.last, last);
      seen.isNew &&= isNew;
    }
  });
  return [...byKey.values()]
    .map((u) => ({
      ...u,
      q: profileQuery(base, { field, value: u.value }),
      errorsQ: profileQuery(base, { field, value: u.value }, { field: 'errorCode', any: true }),
    }))
    .sort((a, b) => firstNonZero(b.count - a.count, a.first - b.first));
}

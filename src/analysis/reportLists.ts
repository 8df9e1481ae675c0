import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { Query } from '../querylang/types';
import { topCodes } from '../search/countFacets';
import { columnOf, dictOf, identityClauses, identityOf } from './identityCounts';
import type { IdentityCounts } from './identityCounts';
import { isAwsServiceName } from './awsServicePrincipal';
import { andQuery, valueClause } from './reportQuery';
import type { FieldClause } from '../querylang/types';
import type { IdentityFigure, ReportFigure, TopList } from './reportTypes';

/** Events of `rows` per code of one string column (a Uint32Array of the dictionary's size). */
export function countColumn(index: EventIndex, field: StringField, rows: Uint32Array): Uint32Array {
  const codes = columnOf(index, field);
  const counts = new Uint32Array(Math.max(1, dictOf(index, field)?.size ?? 0));
  for (let i = 0; i < rows.length; i++) {
    const k = codes[rows[i] ?? 0] ?? 0;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** The rows of `rows` whose `field` code is marked in `marks` (a new array, time order kept). */
export function rowsWhere(
  index: EventIndex,
  field: StringField,
  rows: Uint32Array,
  marks: Uint8Array,
): Uint32Array {
  const codes = columnOf(index, field);
  const out = new Uint32Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    if (marks[codes[row] ?? 0] === 1) out[n++] = row;
  }
  return out.slice(0, n);
}

/** A mark per code of `field` whose value passes `test`. */
export function markValues(
  index: EventIndex,
  field: StringField,
  test: (value: string) => boolean,
): Uint8Array {
  const dict = dictOf(index, field);
  const marks = new Uint8Array(Math.max(1, dict?.size ?? 0));
  for (let c = 0; c < marks.length; c++) if (test(dict?.get(c) ?? '')) marks[c] = 1;
  return marks;
}

/**
 * The top `limit` values of `field` in `counts` as figures (`extra` clauses ANDed into each query),
 * leaving out '' when `skipNone`, and service names (isAwsServiceName) unless `services`.
 */
export function topValues(
  index: EventIndex,
  field: StringField,
  queryField: string,
  counts: Uint32Array,
  base: Query,
  options: {
    readonly limit: number;
    readonly services: boolean;
    readonly skipNone?: boolean;
    readonly extra?: readonly FieldClause[];
  },
): TopList {
  const dict = dictOf(index, field);
  const excluded = { values: 0, events: 0 };
  const keep = (c: number) => {
    const value = dict?.get(c) ?? '';
    if (value === '' && options.skipNone === true) return false;
    if (options.services || !isAwsServiceName(value)) return true;
    excluded.values++;
    excluded.events += counts[c] ?? 0;
    return false;
  };
  const top = topCodes(counts, options.limit, keep);
  const extra = options.extra ?? [];
  const figures = top.codes.map((c) => {
    const value = dict?.get(c) ?? '';
    const count = counts[c] ?? 0;
    return { value, count, q: andQuery(base, ...extra, valueClause(queryField, value)) };
  });
  return { figures, distinct: top.distinct, excluded };
}

/**
 * The top `limit` canonical identities of `ic` as figures. Unless `services`, identities that are
 * AWS service principals are left out and tallied: a service name (isAwsServiceName), or an identity
 * without an ARN marked in `serviceUsers` (userName codes seen with identityType AWSService).
 */
export function topIdentities(
  ic: IdentityCounts,
  base: Query,
  options: {
    readonly limit: number;
    readonly services: boolean;
    readonly serviceUsers: Uint8Array | undefined;
    readonly extra?: readonly FieldClause[];
  },
): TopList<IdentityFigure> {
  const excluded = { values: 0, events: 0 };
  const keep = (k: number) => {
    if (options.services) return true;
    const { value, byArn } = identityOf(ic, k);
    const service =
      isAwsServiceName(value) || (!byArn && options.serviceUsers?.[k - ic.arnSize] === 1);
    if (!service) return true;
    excluded.values++;
    excluded.events += ic.counts[k] ?? 0;
    return false;
  };
  const top = topCodes(ic.counts, options.limit, keep);
  const extra = options.extra ?? [];
  const figures = top.codes.map((k) => identityFigure(ic, k, base, extra));
  return { figures, distinct: top.distinct, excluded };
}

/** One canonical identity's figure: its events under `base` and `extra`. */
export function identityFigure(
  ic: IdentityCounts,
  k: number,
  base: Query,
  extra: readonly FieldClause[],
): IdentityFigure {
  const { value, byArn } = identityOf(ic, k);
  return {
    value,
    identity: value,
    count: ic.counts[k] ?? 0,
    q: andQuery(base, ...extra, ...identityClauses(value, byArn)),
  };
}

/** Every value of `counts` (most events first, at most `limit`) as figures; '' included. */
export function allValues(
  index: EventIndex,
  field: StringField,
  queryField: string,
  counts: Uint32Array,
  base: Query,
  limit: number,
): ReportFigure[] {
  return [...topValues(index, field, queryField, counts, base, { limit, services: true }).figures];
}

/** Most events first (`fewest`: fewest first), then by value: a stable order for listed figures. */
export function byCount(fewest = false): (a: ReportFigure, b: ReportFigure) => number {
  return (a, b) => {
    const d = fewest ? a.count - b.count : b.count - a.count;
    if (d !== 0) return d;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  };
}

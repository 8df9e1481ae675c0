import type { EventIndex } from '../index/EventIndex';
import { compilePatterns } from '../querylang/matchPattern';
import type { Query } from '../querylang/types';
import { lowerBound } from '../search/selectRows';
import { columnOf, countIdentities, dictOf, identityOf } from './identityCounts';
import { ACCESS_DENIED_PATTERNS, AWS_SERVICE_TYPE, RARE_LIMIT, RARE_MAX } from './reportCalls';
import { isAwsServiceName } from './awsServicePrincipal';
import { andQuery, anyClause, patternClause, valueClause } from './reportQuery';
import {
  allValues,
  byCount,
  countColumn,
  identityFigure,
  markValues,
  rowsWhere,
  topIdentities,
  topValues,
} from './reportLists';
import { sensitiveGroups } from './sensitiveGroups';
import type {
  IdentityFigure,
  NewInWindow,
  ReportFigure,
  ReportOptions,
  SituationReport,
} from './reportTypes';

const DAY_MS = 86_400_000;

/**
 * The situation report over `rows` (the events of a filter and time range, ascending time, as
 * Searcher.rowsUnder gives them); `base` is that filter's query, ANDed into every figure's query so
 * each count equals its query's match count under the same time range. Counting passes over the
 * index's typed arrays only: no record is read (console login outcomes: ReportService.logins).
 */
export function situationReport(
  index: EventIndex,
  rows: Uint32Array,
  base: Query,
  options: ReportOptions,
): SituationReport {
  const time = index.time.data;
  const services = options.includeServices;
  const { limit } = options;
  const first = rows.length === 0 ? undefined : time[rows[0] ?? 0];
  const last = rows.length === 0 ? undefined : time[rows[rows.length - 1] ?? 0];
  const names = countColumn(index, 'eventName', rows);
  const errorCounts = countColumn(index, 'errorCode', rows);
  const serviceUsers = serviceUserMarks(index, rows);

  const denyTest = compilePatterns(
    ACCESS_DENIED_PATTERNS.map((p) => ({ parts: p.split('*') })),
    'errorCode',
  );
  const deniedRows = rowsWhere(index, 'errorCode', rows, markValues(index, 'errorCode', denyTest));
  const denied = patternClause('errorCode', ACCESS_DENIED_PATTERNS);

  const loginClause = valueClause('eventName', 'ConsoleLogin');
  const logins = sumMarked(names, markValues(index, 'eventName', is('ConsoleLogin')));
  const rootClause = valueClause('identityType', 'Root');
  const rootRows = rowsWhere(
    index,
    'identityType',
    rows,
    markValues(index, 'identityType', is('Root')),
  );

  return {
    events: rows.length,
    first,
    last,
    accounts: allValues(
      index,
      'recipientAccountId',
      'recipientAccountId',
      countColumn(index, 'recipientAccountId', rows),
      base,
      50,
    ),
    regions: allValues(
      index,
      'awsRegion',
      'awsRegion',
      countColumn(index, 'awsRegion', rows),
      base,
      50,
    ),
    identities: topIdentities(countIdentities(index, rows), base, {
      limit,
      services,
      serviceUsers,
    }),
    sourceIPs: topValues(
      index,
      'sourceIPAddress',
      'sourceIPAddress',
      countColumn(index, 'sourceIPAddress', rows),
      base,
      { limit, services },
    ),
    userAgents: topValues(
      index,
      'userAgent',
      'userAgent',
      countColumn(index, 'userAgent', rows),
      base,
      { limit, services },
    ),
    errors: {
      value: 'errors',
      count: rows.length - (errorCounts[0] ?? 0),
      q: andQuery(base, anyClause('errorCode', false)),
    },
    errorCodes: topValues(index, 'errorCode', 'errorCode', errorCounts, base, {
      limit: 15,
      services: true,
      skipNone: true,
    }).figures,
    accessDenied: { value: 'access denied', count: deniedRows.length, q: andQuery(base, denied) },
    deniedIdentities: topIdentities(countIdentities(index, deniedRows), base, {
      limit,
      services: true,
      serviceUsers: undefined,
      extra: [denied],
    }).figures,
    consoleLogins: { value: 'ConsoleLogin', count: logins, q: andQuery(base, loginClause) },
    root: { value: 'Root', count: rootRows.length, q: andQuery(base, rootClause) },
    rootCalls: topValues(
      index,
      'eventName',
      'eventName',
      countColumn(index, 'eventName', rootRows),
      base,
      {
        limit,
        services: true,
        extra: [rootClause],
      },
    ).figures,
    sensitive: sensitiveGroups(index, rows, base),
    rare: rareCalls(index, names, base),
    recent: recentValues(index, rows, base, options, serviceUsers),
  };
}

/** A value test equal to `expected` with case ignored, as a query's exact value matches. */
function is(expected: string): (value: string) => boolean {
  const lower = expected.toLowerCase();
  return (value) => value.toLowerCase() === lower;
}

function sumMarked(counts: Uint32Array, marks: Uint8Array): number {
  let n = 0;
  for (let c = 0; c < counts.length; c++) if (marks[c] === 1) n += counts[c] ?? 0;
  return n;
}

/** userName codes carried by events of identityType AWSService (service principals without an ARN). */
function serviceUserMarks(index: EventIndex, rows: Uint32Array): Uint8Array {
  const types = markValues(index, 'identityType', (v) => v === AWS_SERVICE_TYPE);
  const type = columnOf(index, 'identityType');
  const user = columnOf(index, 'userName');
  const marks = new Uint8Array(Math.max(1, dictOf(index, 'userName')?.size ?? 0));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    if (types[type[row] ?? 0] === 1) marks[user[row] ?? 0] = 1;
  }
  return marks;
}

/** eventNames with 1 … RARE_MAX events, fewest first, then by name; at most RARE_LIMIT. */
function rareCalls(index: EventIndex, names: Uint32Array, base: Query): ReportFigure[] {
  const dict = dictOf(index, 'eventName');
  const out: ReportFigure[] = [];
  for (let c = 1; c < names.length; c++) {
    const n = names[c] ?? 0;
    if (n > 0 && n <= RARE_MAX) out.push({ value: dict?.get(c) ?? '', count: n, q: '' });
  }
  out.sort(byCount(true));
  return out
    .slice(0, RARE_LIMIT)
    .map((f) => ({ ...f, q: andQuery(base, valueClause('eventName', f.value)) }));
}

/**
 * Identities and source IPs first seen in the last part of the span (the last 24 h, or its last
 * 10 %), against the report's earlier events. A new value has no event before the window, so its
 * events under the filter are all in the window: its query needs no time clause.
 */
function recentValues(
  index: EventIndex,
  rows: Uint32Array,
  base: Query,
  options: ReportOptions,
  serviceUsers: Uint8Array,
): NewInWindow | undefined {
  const time = index.time.data;
  const first = time[rows[0] ?? 0];
  const last = time[rows[rows.length - 1] ?? 0];
  if (rows.length === 0 || first === undefined || last === undefined || !(last > first))
    return undefined;
  const from =
    options.recent === '24h' ? Math.max(first, last - DAY_MS) : last - (last - first) / 10;
  const split = lowerBound(rows, time, from);
  const before = rows.subarray(0, split);
  const within = rows.subarray(split);
  if (before.length === 0) return { from, identities: [], sourceIPs: [] };
  const services = options.includeServices;
  const ids = countIdentities(index, within);
  const seen = countIdentities(index, before).counts;
  const identities: IdentityFigure[] = [];
  for (let k = 1; k < ids.counts.length; k++) {
    if ((ids.counts[k] ?? 0) === 0 || (seen[k] ?? 0) !== 0) continue;
    const { value, byArn } = identityOf(ids, k);
    if (value === '') continue;
    const service = isAwsServiceName(value) || (!byArn && serviceUsers[k - ids.arnSize] === 1);
    if (!services && service) continue;
    identities.push(identityFigure(ids, k, base, []));
  }
  const ipDict = dictOf(index, 'sourceIPAddress');
  const ipWithin = countColumn(index, 'sourceIPAddress', within);
  const ipBefore = countColumn(index, 'sourceIPAddress', before);
  const sourceIPs: ReportFigure[] = [];
  for (let c = 1; c < ipWithin.length; c++) {
    const n = ipWithin[c] ?? 0;
    if (n === 0 || (ipBefore[c] ?? 0) !== 0) continue;
    const value = ipDict?.get(c) ?? '';
    if (!services && isAwsServiceName(value)) continue;
    sourceIPs.push({ value, count: n, q: andQuery(base, valueClause('sourceIPAddress', value)) });
  }
  return {
    from,
    identities: identities.sort(byCount()).slice(0, options.limit),
    sourceIPs: sourceIPs.sort(byCount()).slice(0, options.limit),
  };
}

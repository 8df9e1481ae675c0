import { isObject } from '../../lib/isObject';
import { parseRecordText } from './isCloudTrailRecord';
import type { ReadContent } from './LogContent';
import { pickEventColumn } from './pickEventColumn';
import { RecordCollector } from './RecordCollector';
import { clip } from './unwrapItem';

/**
 * Reads CloudTrail Lake query results as `aws cloudtrail get-query-results` prints them:
 * `{"QueryResultRows":[[{"<column>":"<value>"}, …], …]}`, each row a list of one-key objects.
 * The columns are whatever the SQL selected, so the record is read only from a column that holds
 * it (`eventJson`); otherwise the file is skipped with the columns it has.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetQueryResults.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-supported-event-schemas.html
 */
export function readLakeQueryResults(rows: readonly unknown[]): ReadContent {
  const names: string[] = [];
  const table = rows.map((row) => {
    const cells: (string | undefined)[] = [];
    if (!Array.isArray(row)) return cells;
    for (const cell of row) {
      if (!isObject(cell)) continue;
      for (const [key, value] of Object.entries(cell)) {
        let at = names.indexOf(key);
        if (at < 0) at = names.push(key) - 1;
        cells[at] = typeof value === 'string' ? value : undefined;
      }
    }
    return cells;
  });
  if (table.length === 0)
    return { kind: 'other', reason: 'CloudTrail Lake query results with no rows' };
  const col = pickEventColumn(names, table.slice(0, 20));
  if (col < 0) return { kind: 'other', reason: withoutEventJson(names) };
  const into = new RecordCollector();
  for (const cells of table) {
    const record = parseRecordText(cells[col] ?? '');
    if (record === undefined)
      into.skip('a result row whose event column is not a CloudTrail record');
    else into.add(record);
  }
  return into.content(
    'CloudTrail Lake results (JSON)',
    'CloudTrail Lake results holding no events',
  );
}

/** The skip reason for Lake results (or any table) with no column of event JSON. */
export function withoutEventJson(names: readonly string[]): string {
  const shown = names.slice(0, 6).map(clip).join(', ');
  return `query results without the event JSON (columns: ${shown}${names.length > 6 ? ', …' : ''}); select eventJson in the CloudTrail Lake query to read the events`;
}

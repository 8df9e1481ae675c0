import Papa from 'papaparse';
import { parseRecordText } from './isCloudTrailRecord';
import type { ReadContent } from './LogContent';
import type { BaseShape } from './LogShape';
import { columnName, pickEventColumn } from './pickEventColumn';
import { withoutEventJson } from './readLakeQueryResults';
import { RecordCollector } from './RecordCollector';

/**
 * The header of the console's Event history "Download as CSV": the table's 16 columns and no event
 * record (docs/reference/cloudtrail-format.md §1.5, seen identical in real downloads 2021–2024).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
 */
export const EVENT_HISTORY_COLUMNS = [
  'User name',
  'AWS access key',
  'Event time',
  'Event source',
  'Event name',
  'AWS region',
  'Source IP address',
  'User agent',
  'Error code',
  'Resources',
  'Request ID',
  'Event ID',
  'Read-only',
  'Event type',
  'Recipient Account Id',
  'Event category',
] as const;

/**
 * Reads a CSV whose rows each hold a CloudTrail record as JSON in one column (papaparse, which runs
 * in a worker without the DOM): `CloudTrailEvent` (Event history CSV with the record, as
 * LookupEvents names it), `eventJson` (CloudTrail Lake query results), `@message` / `message`
 * (CloudWatch Logs CSV exports), or any column whose cells are records. A CSV without one is
 * 'other', with a reason naming what it is: the console's Event history CSV holds only the table's
 * columns, and a Lake result must select eventJson.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-supported-event-schemas.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
 */
export function readCsvEvents(text: string): ReadContent {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (header === undefined || header.length < 2) {
    return { kind: 'other', reason: 'text that is not JSON, CSV or CloudWatch Logs export lines' };
  }
  const col = pickEventColumn(header, rows.slice(0, 20));
  if (col < 0) {
    return {
      kind: 'other',
      reason: isEventHistoryHeader(header)
        ? "the console's Event history CSV holds only the table's columns, not the event records: download the events as JSON instead"
        : `CSV ${withoutEventJson(header)}`,
    };
  }
  const into = new RecordCollector();
  for (const row of rows) {
    const record = parseRecordText(row[col] ?? '');
    if (record === undefined)
      into.skip(`a row whose ${header[col] ?? ''} cell is not a CloudTrail record`);
    else into.add(record);
  }
  return into.content(csvShape(header, col), 'a CSV holding no CloudTrail event');
}

function csvShape(header: readonly string[], col: number): BaseShape {
  const name = columnName(header, col);
  if (name === 'cloudtrailevent') return 'Event history CSV';
  if (name === 'eventjson') return 'CloudTrail Lake results (CSV)';
  if (name === '@message' || name === 'message') return 'CloudWatch Logs CSV';
  return 'CSV with a column of event JSON';
}

function isEventHistoryHeader(header: readonly string[]): boolean {
  return EVENT_HISTORY_COLUMNS.every((c, i) => header[i]?.trim() === c);
}

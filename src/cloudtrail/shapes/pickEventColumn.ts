import { parseRecordText } from './isCloudTrailRecord';

/** Column names known to hold a whole record as JSON, lower case, best first. */
const KNOWN = ['cloudtrailevent', 'eventjson', '@message', 'message'];

/**
 * The index of the column of a table (CSV, Lake query results) that holds each row's CloudTrail
 * record as JSON text, or -1. A known name wins (`CloudTrailEvent` as LookupEvents names it,
 * `eventJson` in CloudTrail Lake, `@message` / `message` in CloudWatch Logs exports); otherwise the
 * first column whose first non-empty cell in `sample` rows is a record's JSON.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-supported-event-schemas.html
 */
export function pickEventColumn(
  names: readonly string[],
  sample: readonly (readonly (string | undefined)[])[],
): number {
  const lower = names.map((n) => n.trim().toLowerCase());
  for (const name of KNOWN) {
    const at = lower.indexOf(name);
    if (at >= 0) return at;
  }
  return names.findIndex((_, col) => {
    const cell = sample.map((row) => row[col]).find((v) => v !== undefined && v.trim() !== '');
    return cell !== undefined && parseRecordText(cell) !== undefined;
  });
}

/** The lower-cased name of column `at`, for naming a shape. */
export function columnName(names: readonly string[], at: number): string {
  return (names[at] ?? '').trim().toLowerCase();
}

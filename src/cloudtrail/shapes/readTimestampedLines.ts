import { parseRecordText } from './isCloudTrailRecord';
import type { ReadContent } from './LogContent';
import { RecordCollector } from './RecordCollector';

/** A CloudWatch Logs export line: an ISO-8601 UTC timestamp, one space, then the message. */
export const TIMESTAMPED_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z /;

/**
 * Reads a CloudWatch Logs `CreateExportTask` object (`<taskId>/<logStream>/000000.gz` in S3): one
 * log event per line, `2020-09-08T04:00:24.000Z {…record…}`. The timestamp is CloudWatch's, not the
 * event's, so it is dropped and the message read as the record. Lines without the timestamp, or
 * whose message is not a record, are counted as skipped; blank lines are ignored.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3Export.html
 */
export function readTimestampedLines(text: string): ReadContent {
  const into = new RecordCollector();
  let start = 0;
  while (start < text.length) {
    const eol = text.indexOf('\n', start);
    const end = eol < 0 ? text.length : eol;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() === '') continue;
    const prefix = TIMESTAMPED_LINE.exec(line);
    const record = prefix === null ? undefined : parseRecordText(line.slice(prefix[0].length));
    if (prefix === null) into.skip('a line without the export timestamp');
    else if (record === undefined) into.skip('a line whose message is not a CloudTrail record');
    else into.add(record);
  }
  return into.content(
    'CloudWatch Logs export (timestamped lines)',
    'CloudWatch Logs export lines, but none holds a CloudTrail event',
  );
}

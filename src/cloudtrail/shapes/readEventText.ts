import type { ReadContent } from './LogContent';
import { readCsvEvents } from './readCsvEvents';
import { readTimestampedLines, TIMESTAMPED_LINE } from './readTimestampedLines';

/**
 * Reads a text file that does not start like JSON: CloudWatch Logs export lines when the first line
 * starts with an ISO timestamp and a space, otherwise a CSV
 * (docs/reference/cloudtrail-format.md §4.8, steps 2 and 6). Never throws: text of neither kind is
 * 'other' with a reason.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3Export.html
 */
export function readEventText(text: string): ReadContent {
  const start = text.search(/\S/);
  if (start < 0) return { kind: 'other', reason: 'a file of white space only' };
  const body = text.slice(start);
  if (TIMESTAMPED_LINE.test(body)) return readTimestampedLines(body);
  return readCsvEvents(body);
}

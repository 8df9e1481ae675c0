/**
 * What one JSON value of a stream or array was read as (each item yields CloudTrail records):
 * - `events`: bare records (`jq -c '.Records[]'`, SIEM exports);
 * - `EventBridge events`: envelopes whose `detail-type` ends in "via CloudTrail", record in `detail`;
 * - `CloudWatch Logs events`: `{timestamp, message}` or `{@timestamp, @message}`, record as the message;
 * - `CloudWatch Logs subscription payloads`: `{messageType, logEvents:[{message}]}`;
 * - `Records envelopes`: trail files' `{"Records":[…]}` written one after another;
 * - `CloudTrailEvent strings`: records as JSON strings (`lookup-events --query Events[].CloudTrailEvent`).
 */
export type StreamItem =
  | 'events'
  | 'EventBridge events'
  | 'CloudWatch Logs events'
  | 'CloudWatch Logs subscription payloads'
  | 'Records envelopes'
  | 'CloudTrailEvent strings';

/** How the values of a file follow one another: in one array, one per line, or back to back. */
export type Framing = 'JSON array' | 'JSON lines' | 'concatenated JSON';

/** A shape without its gzip layers. Each name is shown to the user as is. */
export type BaseShape =
  /** A trail log file, an Insights file, or the console's Event history JSON download. */
  | 'Records envelope'
  | 'single event'
  | 'EventBridge event'
  | 'CloudWatch Logs event'
  | 'CloudWatch Logs subscription payload'
  | `${Framing} of ${StreamItem}`
  /** `aws logs get-log-events` / `filter-log-events` output: `{"events":[{timestamp, message}]}`. */
  | 'CloudWatch Logs CLI output'
  /** `CreateExportTask` objects in S3: `<ISO timestamp> <message>` per line. */
  | 'CloudWatch Logs export (timestamped lines)'
  | 'CloudWatch Logs CSV'
  | 'lookup-events output'
  | 'Event history CSV'
  | 'CloudTrail Lake results (CSV)'
  | 'CloudTrail Lake results (JSON)'
  | 'CSV with a column of event JSON';

/**
 * How a file's content was read, as shown beside each file: the base shape, with the gzip layers
 * added when the file was gzipped more than once (Firehose re-compressing gzipped payloads).
 * 'JSON array of events' and 'Records envelope' are the names earlier versions stored.
 */
export type LogShape =
  BaseShape | `${BaseShape}, gzipped twice` | `${BaseShape}, gzipped ${number} times`;

/** The shape as shown for a file that was gzipped `layers` times (0 or 1: the base shape alone). */
export function withGzipLayers(shape: BaseShape, layers: number): LogShape {
  if (layers < 2) return shape;
  return layers === 2 ? `${shape}, gzipped twice` : `${shape}, gzipped ${layers} times`;
}

import { isObject } from '../lib/isObject';

/** How a file's JSON was read: the shape is shown to the user beside each file. */
export type LogShape = 'Records envelope' | 'JSON array of events' | 'single event';

/** What a parsed JSON document turned out to be. */
export type LogContent =
  | { readonly kind: 'records'; readonly shape: LogShape; readonly records: readonly unknown[] }
  | { readonly kind: 'digest' }
  | { readonly kind: 'other'; readonly reason: string };

/**
 * Recognises a parsed JSON document by its shape, not its name:
 * - `{"Records":[…]}`: a trail log file (also Insights files and the console's JSON download);
 * - `digestS3Object` + `logFiles`: a digest file, kept aside for integrity validation;
 * - an array of objects with `eventTime`, or one such object: bare events (exports, samples).
 * Anything else is 'other' with a reason a user can act on. Never throws.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export function classifyLogJson(value: unknown): LogContent {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(looksLikeEvent)) {
      return { kind: 'records', shape: 'JSON array of events', records: value };
    }
    return { kind: 'other', reason: 'a JSON array, but not of CloudTrail events' };
  }
  if (!isObject(value)) return { kind: 'other', reason: 'JSON, but not an object or array' };
  const records = value['Records'];
  if (Array.isArray(records)) return { kind: 'records', shape: 'Records envelope', records };
  if ('digestS3Object' in value && 'logFiles' in value) return { kind: 'digest' };
  if (looksLikeEvent(value)) return { kind: 'records', shape: 'single event', records: [value] };
  return { kind: 'other', reason: 'JSON, but not CloudTrail: no Records array' };
}

function looksLikeEvent(value: unknown): boolean {
  return isObject(value) && typeof value['eventTime'] === 'string' && 'eventSource' in value;
}

/** True when a path names a digest file (`CloudTrail-Digest` folder or file-name token). */
export function isDigestPath(path: string): boolean {
  return path.includes('CloudTrail-Digest');
}

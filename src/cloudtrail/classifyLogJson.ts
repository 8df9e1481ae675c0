import { isObject } from '../lib/isObject';
import { readValidationInput } from './digest/readValidationInput';
import type { ReadContent } from './shapes/LogContent';
import { readJsonArray } from './shapes/readJsonArray';
import { readJsonObject } from './shapes/readJsonObject';

export type { LogContent, SkippedItems } from './shapes/LogContent';
export type { LogShape } from './shapes/LogShape';

/**
 * Recognises a parsed JSON document by its shape, not its name (docs/reference/cloudtrail-format.md §4.8):
 * - `{"Records":[…]}`: a trail log file (also Insights files and the console's JSON download),
 *   checked first: it is the ingest hot path;
 * - `digestS3Object` + `logFiles`: a digest file, kept aside for integrity validation;
 * - any other object or an array: lookup-events output, Lake query results, EventBridge events,
 *   CloudWatch Logs payloads and events, bare events (`readJsonObject`, `readJsonArray`).
 * Anything else is 'other' with a reason a user can act on. Never throws.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export function classifyLogJson(value: unknown): ReadContent {
  if (Array.isArray(value)) return readJsonArray(value);
  if (!isObject(value)) return { kind: 'other', reason: 'JSON, but not an object or array' };
  const records = value['Records'];
  if (Array.isArray(records)) return { kind: 'records', shape: 'Records envelope', records };
  if ('digestS3Object' in value && 'logFiles' in value) return { kind: 'digest' };
  const validationInput = readValidationInput(value);
  if (validationInput !== undefined) {
    return {
      kind: 'other',
      reason:
        validationInput.kind === 'publicKeys'
          ? 'CloudTrail public keys (list-public-keys output): found in the evidence, not trusted (Integrity lists them)'
          : 'a digest signature (saved S3 metadata): added to digest validation',
      validationInput,
    };
  }
  return readJsonObject(value);
}

/** True when a path names a digest file (`CloudTrail-Digest` folder or file-name token). */
export function isDigestPath(path: string): boolean {
  return path.includes('CloudTrail-Digest');
}

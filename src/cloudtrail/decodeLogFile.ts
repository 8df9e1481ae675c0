import { gunzip, isGzip } from '../lib/gunzip';
import { classifyLogJson } from './classifyLogJson';
import type { LogContent } from './classifyLogJson';

/** A file's bytes read as far as CloudTrail content. */
export interface DecodedLogFile {
  readonly gzip: boolean;
  /** Bytes after the end of the gzip data (0 when clean or not gzip). */
  readonly trailingBytes: number;
  readonly content: LogContent;
}

/** V8's longest string is 2^29 − 24 characters; JSON text past that cannot be parsed in one piece. */
const MAX_JSON_BYTES = 2 ** 29 - 24;

/**
 * Reads a dropped file's bytes: sniffs gzip by its magic number (never by extension: downloads may be
 * inflated already or renamed), inflates, and parses the JSON. Text that is not JSON comes back as
 * content kind 'other' (skipped), never as an error.
 * @throws Error with a sentence for the user when the file is empty, the gzip is corrupt or truncated,
 *   the JSON is truncated or invalid, or the text is too large to parse.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export async function decodeLogFile(bytes: Uint8Array<ArrayBuffer>): Promise<DecodedLogFile> {
  if (bytes.length === 0) throw new Error('Empty file (0 bytes)');
  const gzip = isGzip(bytes);
  const inflated = gzip ? await gunzip(bytes) : { bytes, trailingBytes: 0 };
  const text = inflated.bytes;
  if (text.length === 0) throw new Error('The gzip data holds an empty file');
  const first = firstNonSpace(text);
  if (first !== 0x7b && first !== 0x5b) {
    return {
      gzip,
      trailingBytes: inflated.trailingBytes,
      content: notJson(gzip),
    };
  }
  if (text.length > MAX_JSON_BYTES) {
    throw new Error(
      `Too large to read in one piece: ${Math.round(text.length / 2 ** 20)} MB of JSON (the browser's limit is 512 MB)`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Truncated or invalid JSON (${detail})`, { cause: error });
  }
  return {
    gzip,
    trailingBytes: inflated.trailingBytes,
    content: classifyLogJson(value),
  };
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  // Skip a UTF-8 byte-order mark and white space.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i];
}

function notJson(gzip: boolean): LogContent {
  return {
    kind: 'other',
    reason: gzip ? 'gzip of something that is not JSON' : 'not JSON or gzip',
  };
}

import { inflateLayers } from '../lib/inflateLayers';
import { classifyLogJson } from './classifyLogJson';
import type { LogContent } from './classifyLogJson';
import type { ReadContent } from './shapes/LogContent';
import { withGzipLayers } from './shapes/LogShape';
import { readWholeRecords } from './readWholeRecords';
import { readEventText } from './shapes/readEventText';
import { readJsonStream } from './shapes/readJsonStream';
import { sniffEventText } from './shapes/sniffEventText';

/** A file's bytes read as far as CloudTrail content. */
export interface DecodedLogFile {
  readonly gzip: boolean;
  /** Gzip layers taken off: 0 plain, 1 a `.gz`, 2 a file gzipped twice (Firehose). */
  readonly gzipLayers: number;
  /** Bytes after the end of the outer gzip data (0 when clean or not gzip). */
  readonly trailingBytes: number;
  readonly content: LogContent;
}

/** V8's longest string is 2^29 − 24 characters; text past that cannot be read in one piece. */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/**
 * Reads a dropped file's bytes: sniffs gzip by its magic number (never by extension: downloads may be
 * inflated already or renamed) and inflates while it is gzip, then reads the text by content. The
 * hot path is one `JSON.parse` and a look at the top level (`{"Records":[…]}`); only when that
 * fails, or the top level is something else, do the slower readers run: JSON lines and concatenated
 * JSON (`readJsonStream`), CSV and CloudWatch Logs export lines (`readEventText`), wrappers
 * (`classifyLogJson`). The records come back in the same order every time for the same bytes.
 * Text that holds no CloudTrail record comes back as content kind 'other' (skipped), never as an error.
 * JSON cut off inside a record comes back as its whole records before the cut, marked `truncated`.
 * @throws Error with a sentence for the user when the file is empty, the gzip is corrupt or truncated,
 *   the JSON is truncated before its first whole record or is invalid, or the text is too large.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export async function decodeLogFile(bytes: Uint8Array<ArrayBuffer>): Promise<DecodedLogFile> {
  if (bytes.length === 0) throw new Error('Empty file (0 bytes)');
  // Inflating stops past the limit: a gzip bomb or a huge file never fills the worker's memory.
  const inflated = await inflateLayers(bytes, MAX_TEXT_BYTES);
  const { layers, trailingBytes } = inflated;
  const text = inflated.bytes;
  if (text.length === 0) throw new Error('The gzip data holds an empty file');
  const gzip = layers > 0;
  const first = firstNonSpace(text);
  const json = first === 0x7b || first === 0x5b;
  if (!json && !sniffEventText(text.subarray(0, 4096))) {
    return { gzip, gzipLayers: layers, trailingBytes, content: notEventText(gzip) };
  }
  if (text.length > MAX_TEXT_BYTES) throw new Error(tooLargeText(text.length));
  const decoded = new TextDecoder().decode(text);
  const content = json ? readJson(decoded, text) : readEventText(decoded);
  return { gzip, gzipLayers: layers, trailingBytes, content: addLayers(content, layers) };
}

/** The reason given for `bytes` of text that cannot become one string. */
export function tooLargeText(bytes: number): string {
  const mb = Math.round(bytes / 2 ** 20).toLocaleString('en-US');
  return `Too large to read in one piece: ${mb} MB of text (the browser's longest string is 512 MB); split the file`;
}

function readJson(text: string, bytes: Uint8Array): ReadContent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    try {
      return readJsonStream(text, error);
    } catch (streamError) {
      // One document cut short: keep its whole records, as the streamed read of a large file does.
      const whole = readWholeRecords(bytes);
      if (whole !== undefined) return whole;
      throw streamError;
    }
  }
  return classifyLogJson(value);
}

function addLayers(content: ReadContent, layers: number): LogContent {
  if (content.kind !== 'records' || layers < 2) return content;
  return { ...content, shape: withGzipLayers(content.shape, layers) };
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

function notEventText(gzip: boolean): LogContent {
  const what = 'JSON, CSV or CloudWatch Logs export lines';
  return {
    kind: 'other',
    reason: gzip ? `gzip of something that is not ${what}` : `not gzip, ${what}`,
  };
}

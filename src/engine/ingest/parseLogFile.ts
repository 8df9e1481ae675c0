import { fileRuleHits } from '../../detect/fileRuleHits';
import type { CompiledRule } from '../../detect/CompiledRule';
import { decodeLogFile, MAX_TEXT_BYTES, tooLargeText } from '../../cloudtrail/decodeLogFile';
import { extractEventFields, isRecordProblem } from '../../cloudtrail/extractEventFields';
import { sniffEventText } from '../../cloudtrail/shapes/sniffEventText';
import { isGzip } from '../../lib/gunzip';
import { startsLikeZip } from '../../lib/readZipDirectory';
import { sha256Hex } from '../../lib/sha256Hex';
import { FileChunkBuilder } from '../../index/encodeFileChunk';
import type { InputFile, ParseResult } from './types';

/** What else a parse does besides parsing. */
export interface ParseOptions {
  /**
   * Detection rules to run on the file's records while they are in hand (fileRuleHits), and the
   * key naming that rule set (PACK_KEY).
   */
  readonly rules?: { readonly rules: readonly CompiledRule[]; readonly key: string };
}

/** Enough of a file to see a CSV header or an export line; a large file that is none of those is never read whole. */
const SNIFF_BYTES = 4096;
/** Files up to this size are read whole at once (trail files are well under 1 MB gzipped). */
const READ_WHOLE_BYTES = 16 * 2 ** 20;

/**
 * Reads one dropped file to a ParseResult: hashes the bytes as given (SHA-256), decodes them, and for a
 * log file extracts and encodes every record's index fields. Records that cannot be indexed are counted
 * with the first reason, not fatal. JSON cut off inside a record keeps its whole records before the
 * cut and is marked `truncated`. A zip archive (by its first bytes) comes back as 'zip', unread.
 * Never throws: problems become 'skipped' or 'failed' with a reason.
 */
export async function parseLogFile(
  { file }: InputFile,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const size = file.size;
  if (size === 0) return { status: 'failed', size, reason: 'Empty file (0 bytes)' };
  // Most files are read whole anyway, and each read of a dropped file costs a round trip to the
  // browser process: read small ones once, and sniff only large ones before reading them.
  const whole = size <= READ_WHOLE_BYTES ? new Uint8Array(await file.arrayBuffer()) : undefined;
  const head =
    whole?.subarray(0, SNIFF_BYTES) ??
    new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (startsLikeZip(head)) return { status: 'zip', size };
  if (!isGzip(head) && !startsLikeJson(head) && !sniffEventText(head)) {
    return {
      status: 'skipped',
      size,
      reason: 'Not a CloudTrail file: neither gzip, JSON, CSV nor CloudWatch Logs export lines',
    };
  }
  // Plain text past a string's limit could never be parsed: say so without reading it at all.
  if (!isGzip(head) && size > MAX_TEXT_BYTES) {
    return { status: 'failed', size, reason: tooLargeText(size) };
  }
  const bytes = whole ?? new Uint8Array(await file.arrayBuffer());
  const [sha256, decoded] = await Promise.all([sha256Hex(bytes), decodeOrReason(bytes)]);
  if (typeof decoded === 'string') return { status: 'failed', size, reason: decoded };
  const { content, gzip, trailingBytes } = decoded;
  if (content.kind === 'digest') return { status: 'digest', size, sha256, gzip, bytes };
  if (content.kind === 'other') {
    if (content.validationInput !== undefined) {
      const { validationInput } = content;
      return { status: 'skipped', size, reason: content.reason, validationInput };
    }
    return { status: 'skipped', size, reason: `Not a CloudTrail log: ${content.reason}` };
  }
  const builder = new FileChunkBuilder(content.records.length);
  // Values that held no record (a non-CloudTrail EventBridge event, a log line that is not JSON).
  let invalidRecords = content.skipped?.count ?? 0;
  let invalidReason = content.skipped?.reason;
  content.records.forEach((record, i) => {
    const fields = extractEventFields(record);
    if (isRecordProblem(fields)) {
      invalidRecords++;
      invalidReason ??= fields.problem;
    } else builder.add(fields, i);
  });
  const chunk = builder.finish();
  if (chunk.count === 0 && invalidRecords > 0) {
    const n = invalidRecords.toLocaleString('en-US');
    return {
      status: 'failed',
      size,
      reason: `None of its ${n} ${invalidRecords === 1 ? 'record' : 'records'} can be indexed: ${invalidReason ?? 'unusable'} (CloudTrail records carry eventTime, eventSource and eventName)`,
    };
  }
  const rules = options.rules;
  return {
    status: 'log',
    ...(rules === undefined
      ? {}
      : {
          ruleHits: fileRuleHits(rules.rules, chunk, content.records),
          rulesKey: rules.key,
        }),
    size,
    sha256,
    gzip,
    shape: content.shape,
    records: content.records.length + (content.skipped?.count ?? 0),
    chunk,
    invalidRecords,
    ...(invalidReason === undefined ? {} : { invalidReason }),
    trailingBytes,
    ...(content.truncated === true ? { truncated: true } : {}),
    bytes,
  };
}

async function decodeOrReason(bytes: Uint8Array<ArrayBuffer>) {
  try {
    return await decodeLogFile(bytes);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function startsLikeJson(head: Uint8Array): boolean {
  for (const b of head) {
    if (
      b === 0x20 ||
      b === 0x0a ||
      b === 0x0d ||
      b === 0x09 ||
      b === 0xef ||
      b === 0xbb ||
      b === 0xbf
    )
      continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

import type { FileCommit } from '../../db/cairnDb';
import type { EventIndex } from '../../index/EventIndex';
import type { RecordReader } from '../../db/RecordReader';
import type { FileMeta, FileReport } from '../../db/types';
import { logFileReport } from './logFileReport';
import { applyLogChunk } from './applyLogChunk';
import type { InputFile, ParseResult } from './types';

/**
 * Turns one parsed file into what to store and what to report. A log file is applied to the index
 * here (applyLogChunk, inside the caller's begin/commit, so a failed store can undo it).
 * Files whose bytes are already stored are reported as duplicates and not stored again.
 * @throws IngestCancelledError when `isCancelled` turns true in the middle of a log file.
 */
export async function prepareCommit(args: {
  readonly input: InputFile;
  readonly result: ParseResult;
  readonly fileId: number;
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly knownFiles: ReadonlyMap<string, string>;
  /** Polled while a log file's eventID collisions are resolved (see applyLogChunk). */
  readonly isCancelled?: () => boolean;
}): Promise<{ report: FileReport; commit?: FileCommit }> {
  const { input, result, fileId, index } = args;
  const base = { path: input.path, size: result.size };
  if (result.status === 'skipped' && result.validationInput !== undefined) {
    const { validationInput } = result;
    return { report: { ...base, status: 'skipped', reason: result.reason, validationInput } };
  }
  if (result.status === 'skipped' || result.status === 'failed') {
    return { report: { ...base, status: result.status, reason: result.reason } };
  }
  if (result.status === 'zip') {
    // InputFeed opens archives in place; one reaching here was not dropped through it.
    return { report: { ...base, status: 'skipped', reason: 'A zip archive that was not opened' } };
  }
  const known = args.knownFiles.get(result.sha256);
  if (result.status === 'known') {
    const reason =
      known === undefined
        ? 'Already stored before the interrupted ingest (same path, size and SHA-256)'
        : `Already stored before the interrupted ingest as ${known} (same SHA-256): not read again`;
    return { report: { ...base, status: 'duplicate', reason } };
  }
  if (known !== undefined) {
    return {
      report: { ...base, status: 'duplicate', reason: `Same bytes as ${known}, already loaded` },
    };
  }
  const meta: FileMeta = {
    fileId,
    path: input.path,
    size: result.size,
    sha256: result.sha256,
    kind: result.status,
    gzip: result.gzip,
    records: 0,
    added: 0,
    duplicates: 0,
    conflicts: 0,
    invalidRecords: 0,
    trailingBytes: 0,
    addedAt: Date.now(),
  };
  if (result.status === 'digest') {
    const commit = { meta, bytes: result.bytes, ...originalOf(args.input, result.bytes) };
    return { report: { ...base, status: 'digest' }, commit };
  }
  const { chunk } = result;
  const outcome = await applyLogChunk({
    index,
    reader: args.reader,
    chunk,
    fileId,
    bytes: result.bytes,
    ...(args.isCancelled === undefined ? {} : { isCancelled: args.isCancelled }),
  });
  const duplicates = outcome.duplicates.length / 2;
  const logMeta: FileMeta = {
    ...meta,
    shape: result.shape,
    records: result.records,
    added: chunk.count - duplicates,
    duplicates,
    conflicts: outcome.conflicts.length / 2,
    invalidRecords: result.invalidRecords,
    ...(result.invalidReason === undefined ? {} : { invalidReason: result.invalidReason }),
    trailingBytes: result.trailingBytes,
    ...(result.truncated === true ? { truncated: true } : {}),
  };
  return {
    report: logFileReport(logMeta),
    commit: {
      meta: logMeta,
      bytes: result.bytes,
      ...originalOf(args.input, result.bytes),
    },
  };
}

/** The dropped Blob to store in place of the bytes read from it (see FileCommit.original). */
function originalOf(input: InputFile, bytes: Uint8Array): { original?: Blob } {
  return input.file.size === bytes.length ? { original: input.file } : {};
}

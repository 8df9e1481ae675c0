import { decodeLogFile } from '../cloudtrail/decodeLogFile';
import type { CairnDatabase } from '../store/cairnDb';
import { commitFile, findFileBySha256, saveLastRun, saveSnapshot } from '../store/cairnDb';
import type { EventIndex } from '../store/EventIndex';
import { takeSnapshot } from '../store/IndexSnapshot';
import type { RecordReader } from '../store/RecordReader';
import type { FileMeta, FileReport } from '../store/types';
import { describeStorageError } from './describeStorageError';
import { logFileReport } from './logFileReport';
import { resolveCollisions } from './resolveCollisions';
import type { IngestProgress, InputFile, ParseFn, ParseResult } from './types';

/** Everything one ingest run works with. */
export interface IngestOptions {
  readonly inputs: readonly InputFile[];
  readonly db: CairnDatabase;
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly parse: ParseFn;
  /** The first fileId to assign; ids only grow. */
  readonly firstFileId: number;
  /** Files parsed ahead of the one being committed. */
  readonly lookahead: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Polled between files; once true, the run stops after the file being committed. */
  readonly isCancelled?: () => boolean;
}

/** The run's per-file reports, in input order, and the next unused fileId. */
export interface IngestOutcome {
  readonly reports: FileReport[];
  readonly nextFileId: number;
}

/**
 * Ingests files: parses up to `lookahead` files ahead (in the parse worker pool) while committing
 * strictly in input order, one IndexedDB transaction per file, then applies each committed chunk to
 * the in-memory index. A file that fails never affects another; a storage failure (full quota) stops
 * the run with every earlier file intact. Ends by saving an index snapshot and the run's reports.
 */
export async function ingestFiles(opts: IngestOptions): Promise<IngestOutcome> {
  const { inputs, index } = opts;
  const started = performance.now();
  const bytesTotal = inputs.reduce((n, i) => n + i.file.size, 0);
  const reports: FileReport[] = [];
  const pending = new Map<number, Promise<ParseResult>>();
  let nextToParse = 0;
  let fileId = opts.firstFileId;
  let bytesDone = 0;
  let eventsDone = 0;
  let lastProgress = 0;
  let stop: string | undefined;
  const refill = () => {
    while (nextToParse < inputs.length && pending.size < opts.lookahead) {
      const input = inputs[nextToParse];
      if (input !== undefined) pending.set(nextToParse, opts.parse(input));
      nextToParse++;
    }
  };
  const progress = (current: string, force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < 100) return;
    lastProgress = now;
    opts.onProgress?.({
      filesDone: reports.length,
      filesTotal: inputs.length,
      bytesDone,
      bytesTotal,
      eventsDone,
      eventCount: index.size,
      elapsedMs: now - started,
      current,
    });
  };

  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    if (input === undefined) continue;
    if (stop === undefined && opts.isCancelled?.() === true)
      stop = 'Cancelled before this file was read';
    if (stop !== undefined) {
      reports.push({ path: input.path, size: input.file.size, status: 'cancelled', reason: stop });
      continue;
    }
    refill();
    const result = await (pending.get(i) ?? opts.parse(input));
    pending.delete(i);
    refill();
    try {
      const report = await commitResult(opts, input, result, fileId);
      if (report.committed) fileId++;
      reports.push(report.report);
    } catch (error) {
      stop = describeStorageError(error);
      reports.push({ path: input.path, size: input.file.size, status: 'failed', reason: stop });
    }
    bytesDone += input.file.size;
    eventsDone += result.status === 'log' ? result.chunk.count : 0;
    progress(input.path);
  }
  progress('', true);
  if (fileId > opts.firstFileId) await saveSnapshot(opts.db, takeSnapshot(index));
  await saveLastRun(opts.db, reports);
  return { reports, nextFileId: fileId };
}

async function commitResult(
  opts: IngestOptions,
  input: InputFile,
  result: ParseResult,
  fileId: number,
): Promise<{ report: FileReport; committed: boolean }> {
  const base = { path: input.path, size: result.size };
  if (result.status === 'skipped' || result.status === 'failed') {
    return { report: { ...base, status: result.status, reason: result.reason }, committed: false };
  }
  const known = await findFileBySha256(opts.db, result.sha256);
  if (known !== undefined) {
    const reason = `Same bytes as ${known.path}, already loaded`;
    return { report: { ...base, status: 'duplicate', reason }, committed: false };
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
    await commitFile(opts.db, { meta, bytes: result.bytes });
    return { report: { ...base, status: 'digest' }, committed: true };
  }
  const { index } = opts;
  const collisions = index.findCollisions(result.chunk);
  let local: Promise<readonly unknown[]> | undefined;
  const localRecords = () => (local ??= decodeRecords(result.bytes));
  const decisions = await resolveCollisions(collisions, {
    stored: (row) =>
      opts.reader.record(index.fileId.data[row] ?? 0, index.recordIndex.data[row] ?? 0),
    local: async (row) => (await localRecords())[result.chunk.recordIndex[row] ?? 0],
  });
  const outcome = index.planChunk(result.chunk, decisions, collisions);
  const duplicates = outcome.duplicates.length / 2;
  const logMeta: FileMeta = {
    ...meta,
    shape: result.shape,
    records: result.records,
    added: result.chunk.count - duplicates,
    duplicates,
    conflicts: outcome.conflicts.length / 2,
    invalidRecords: result.invalidRecords,
    ...(result.invalidReason === undefined ? {} : { invalidReason: result.invalidReason }),
    trailingBytes: result.trailingBytes,
  };
  await commitFile(opts.db, {
    meta: logMeta,
    bytes: result.bytes,
    chunk: { chunk: result.chunk, outcome },
  });
  index.applyChunk(result.chunk, fileId, outcome);
  return { report: logFileReport(logMeta), committed: true };
}

async function decodeRecords(bytes: Uint8Array<ArrayBuffer>): Promise<readonly unknown[]> {
  const { content } = await decodeLogFile(bytes);
  return content.kind === 'records' ? content.records : [];
}

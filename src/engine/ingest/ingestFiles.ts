import type { CairnDatabase, FileCommit } from '../../db/cairnDb';
import { commitFiles, saveLastRun } from '../../db/cairnDb';
import type { EventIndex } from '../../index/EventIndex';
import type { RecordReader } from '../../db/RecordReader';
import type { FileRuleHits } from '../../detect/fileRuleHits';
import type { FileMeta, FileReport } from '../../db/types';
import { storageErrorMessage } from './describeStorageError';
import { expandArchive, expandInputs } from './expandZip';
import type { ExpandedInput } from './expandZip';
import { InputFeed } from './InputFeed';
import { prepareCommit } from './prepareCommit';
import { IngestCancelledError } from './resolveCollisions';
import type { IngestProgress, InputFile, ParseFn, ParseResult } from './types';

/** Everything one ingest run works with. */
export interface IngestOptions {
  readonly inputs: readonly InputFile[];
  readonly db: CairnDatabase;
  readonly index: EventIndex;
  readonly reader: RecordReader;
  readonly parse: ParseFn;
  /** SHA-256 → path of every stored file. NOTE updated as files are stored. */
  readonly knownFiles: Map<string, string>;
  /** The first fileId to assign; ids only grow. */
  readonly firstFileId: number;
  /** Files parsed ahead of the one being committed. */
  readonly lookahead: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  /**
   * Polled between groups and every CANCEL_EVERY eventID collisions inside a file (a flood of one
   * eventID can take long); once true, the run stops: at a file, its group is undone and reported
   * cancelled, and every group stored before it is kept.
   */
  readonly isCancelled?: () => boolean;
  /**
   * Called when a file is applied to the index, before its transaction commits (a failed store is
   * undone: files from the returned nextFileId on are not stored).
   */
  readonly onStaged?: (meta: FileMeta) => void;
  /** Called with the detection hits a parse worker found in a staged file (ParseResult.ruleHits). */
  readonly onRuleHits?: (fileId: number, hits: FileRuleHits, rulesKey: string) => void;
  /**
   * Called with every stored group settled and nothing pending in the index, once per
   * CHECKPOINT_EVENTS new events: the caller saves the index there, so a long run is stored as it
   * goes and a tab closed late in it has little to parse again. The writer waits for it.
   */
  readonly onCheckpoint?: () => Promise<void>;
  /** New events between two checkpoints; CHECKPOINT_EVENTS when absent. */
  readonly checkpointEvents?: number;
}

/** New events between two checkpoints (onCheckpoint). */
export const CHECKPOINT_EVENTS = 2_000_000;

/** The run's per-file reports, in input order, and the next unused fileId. */
export interface IngestOutcome {
  readonly reports: FileReport[];
  readonly nextFileId: number;
}

/** Files committed in one IndexedDB transaction at most, and their bytes at most. */
const GROUP_FILES = 16;
const GROUP_BYTES = 32 * 2 ** 20;

/** A group applied to the index, with its transaction (done) possibly still running. */
interface Staged {
  readonly group: readonly ExpandedInput[];
  readonly reports: FileReport[];
  readonly commits: FileCommit[];
  done: Promise<void>;
}

/**
 * Ingests files, each zip archive among them as the files inside it (expandInputs): parses up to
 * `lookahead` files ahead (in the parse worker pool) while the writer, strictly in input order,
 * applies each parsed file to the index and stores groups of files in one transaction each. A file
 * that fails never affects another. A storage failure (full quota) undoes the group's changes to the
 * index and stops the run, with every earlier file intact. Ends by saving the run's reports; saving
 * saving the index is the caller's (it can wait: the stored files are the truth, parsed again at
 * load when the stored index misses them).
 */
export async function ingestFiles(opts: IngestOptions): Promise<IngestOutcome> {
  const { inputs, index } = opts;
  const started = performance.now();
  const bytesTotal = inputs.reduce((n, i) => n + i.file.size, 0);
  // Grows as archives open; bytes stay those dropped, each file counting for its share (weight).
  let filesTotal = inputs.length;
  const reports: FileReport[] = [];
  let fileId = opts.firstFileId;
  let bytesDone = 0;
  /** Bytes of the files settled (stored, or needing no store): the rest is what a full disk lacks. */
  let bytesSettled = 0;
  let eventsDone = 0;
  let lastProgress = 0;
  let checkpointSize = index.size;
  let stop: string | undefined;
  const expandOptions = {
    // Only once the run has stopped: an entry yielded unread must never reach a group.
    isStopped: () => stop !== undefined,
    onFound: (extra: number) => (filesTotal += extra),
    // The parse reads each dropped file anyway and answers 'zip' for an archive, opened in place.
    sniffDroppedZips: false,
  };
  const feed = new InputFeed(
    expandInputs(inputs, expandOptions),
    opts.parse,
    opts.lookahead,
    (item) => expandArchive(item, expandOptions),
  );
  const progress = (current: string, force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < 250) return;
    lastProgress = now;
    opts.onProgress?.({
      filesDone: reports.length,
      filesTotal,
      bytesDone,
      bytesTotal,
      eventsDone,
      eventCount: index.size,
      elapsedMs: now - started,
      current,
    });
  };

  const unsettled = () => ({
    files: filesTotal - reports.length,
    bytes: bytesTotal - bytesSettled,
  });
  let inFlight: Staged | undefined;
  /** Awaits a group's transaction; on success keeps its changes and reports. Returns the error. */
  const settle = async (staged: Staged): Promise<unknown> => {
    try {
      await staged.done;
    } catch (error) {
      return error;
    } finally {
      for (const c of staged.commits) opts.reader.release(c.meta.fileId);
    }
    index.commit();
    reports.push(...staged.reports);
    bytesSettled += staged.group.reduce((n, item) => n + item.weight, 0);
    return undefined;
  };
  /** Undoes groups whose store failed (or was cancelled): index, known files, fileIds; reports them. */
  const undo = (groups: readonly Staged[], status: 'failed' | 'cancelled' = 'failed') => {
    index.rollback();
    for (const g of groups) {
      for (const c of g.commits) {
        opts.knownFiles.delete(c.meta.sha256);
        opts.reader.release(c.meta.fileId);
      }
      for (const item of g.group) {
        reports.push({
          path: item.input.path,
          size: item.size,
          status,
          reason: stop ?? '',
        });
      }
    }
    fileId = groups.flatMap((g) => g.commits)[0]?.meta.fileId ?? fileId;
  };

  for (;;) {
    if (stop === undefined && opts.isCancelled?.() === true)
      stop = 'Cancelled before this file was read';
    if (stop !== undefined) {
      // Settle the last stored group first, so the reports stay in input order.
      if (inFlight !== undefined) {
        const failure = await settle(inFlight);
        if (failure !== undefined) {
          stop = await storageErrorMessage(failure, unsettled());
          undo([inFlight]);
        }
        inFlight = undefined;
      }
      feed.stop();
      for (let rest = await feed.next(); rest !== undefined; rest = await feed.next()) {
        const { input, size } = rest.item;
        reports.push({ path: input.path, size, status: 'cancelled', reason: stop });
      }
      break;
    }
    // A group: the next file, plus the files after it that are already parsed.
    const group: { item: ExpandedInput; input: InputFile; result: ParseResult }[] = [];
    let groupBytes = 0;
    do {
      const fed = await feed.next();
      if (fed === undefined) break;
      group.push({ item: fed.item, input: fed.item.input, result: await fed.result });
      groupBytes += fed.item.size;
    } while (group.length < GROUP_FILES && groupBytes < GROUP_BYTES && feed.nextIsReady());
    if (group.length === 0) break;

    index.begin();
    const staged: Staged = {
      group: group.map((g) => g.item),
      reports: [],
      commits: [],
      done: Promise.resolve(),
    };
    let failure: unknown;
    try {
      for (const { input, result } of group) {
        const prepared = await prepareCommit({
          ...opts,
          input,
          result,
          fileId: fileId + staged.commits.length,
        });
        staged.reports.push(prepared.report);
        if (prepared.commit === undefined) continue;
        staged.commits.push(prepared.commit);
        opts.knownFiles.set(prepared.commit.meta.sha256, input.path);
        opts.onStaged?.(prepared.commit.meta);
        if (result.status === 'log' && result.ruleHits !== undefined)
          opts.onRuleHits?.(prepared.commit.meta.fileId, result.ruleHits, result.rulesKey ?? '');
        opts.reader.hold(prepared.commit.meta.fileId, prepared.commit.bytes);
      }
    } catch (error) {
      failure = error;
    }
    // The previous group's transaction ran while this group was applied; settle it before the next.
    const previous = inFlight;
    inFlight = undefined;
    if (failure instanceof IngestCancelledError) {
      // Cancelled part way through a file: the group is undone, the groups before it are kept.
      const lost = previous === undefined ? undefined : await settle(previous);
      if (lost === undefined) {
        stop = 'Cancelled before this file was stored';
        undo([staged], 'cancelled');
        stop = 'Cancelled before this file was read';
      } else {
        stop = await storageErrorMessage(lost, unsettled());
        undo([...(previous === undefined ? [] : [previous]), staged]);
      }
      continue;
    }
    failure ??= previous === undefined ? undefined : await settle(previous);
    if (failure === undefined) {
      fileId += staged.commits.length;
      staged.done = commitFiles(opts.db, staged.commits);
      // Handled when settled; this keeps a failure from surfacing as an unhandled rejection meanwhile.
      staged.done.catch(() => undefined);
      inFlight = staged;
    } else {
      stop = await storageErrorMessage(failure, unsettled());
      undo([...(previous === undefined ? [] : [previous]), staged]);
    }
    for (const { item, result } of group) {
      bytesDone += item.weight;
      eventsDone += result.status === 'log' ? result.chunk.count : 0;
    }
    progress(group.at(-1)?.input.path ?? '');
    if (
      opts.onCheckpoint !== undefined &&
      index.size - checkpointSize >= (opts.checkpointEvents ?? CHECKPOINT_EVENTS)
    ) {
      const failure = inFlight === undefined ? undefined : await settle(inFlight);
      if (failure !== undefined && inFlight !== undefined) {
        stop = await storageErrorMessage(failure, unsettled());
        undo([inFlight]);
      }
      inFlight = undefined;
      if (failure === undefined) {
        checkpointSize = index.size;
        await opts.onCheckpoint();
      }
    }
  }
  if (inFlight !== undefined) {
    const failure = await settle(inFlight);
    if (failure !== undefined) {
      stop = await storageErrorMessage(failure, unsettled());
      undo([inFlight]);
    }
  }
  progress('', true);
  // The reports are a convenience for the next load; a full disk must not lose the run's outcome.
  await saveLastRun(opts.db, reports).catch(() => undefined);
  return { reports, nextFileId: fileId };
}

import type { CairnDatabase } from './cairnDb';

/** The meta-store key of the ingest run in progress. */
const KEY = 'pendingRun';

/**
 * An ingest run as planned when it started, kept until it ends. One found at load means the tab was
 * closed or reloaded mid-run: files stored from `firstFileId` on were committed by that run (each in
 * a whole transaction), the rest of `files` never were.
 */
export interface PendingRun {
  readonly kind: 'pendingRun';
  /** When the run started, ms since epoch. */
  readonly startedAt: number;
  /** The first fileId the run could assign; every stored file from it on is the run's. */
  readonly firstFileId: number;
  /** The dropped inputs, in order: path as dropped, size in bytes. */
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

/** Saves the run in progress (replacing any earlier one). */
export async function savePendingRun(db: CairnDatabase, run: PendingRun): Promise<void> {
  await db.put('meta', run, KEY);
}

/** The run that was in progress when the page last closed, if it never ended. */
export async function loadPendingRun(db: CairnDatabase): Promise<PendingRun | undefined> {
  const value = await db.get('meta', KEY);
  return value !== undefined && 'kind' in value && value.kind === 'pendingRun' ? value : undefined;
}

/** Forgets the run in progress: it ended, or the user discarded the rest of it. */
export async function clearPendingRun(db: CairnDatabase): Promise<void> {
  await db.delete('meta', KEY);
}

/** What the UI is told about a run that never ended. Sizes in bytes, times in ms since epoch. */
export interface InterruptedRun {
  readonly startedAt: number;
  readonly filesTotal: number;
  readonly bytesTotal: number;
  /** Files the run committed (logs and digests), and the new events they added. */
  readonly filesStored: number;
  readonly eventsAdded: number;
}

/** Sums up an interrupted run from the files stored at or after its first fileId. */
export function summarizeInterruptedRun(
  run: PendingRun,
  stored: readonly { readonly fileId: number; readonly added: number }[],
): InterruptedRun {
  const mine = stored.filter((f) => f.fileId >= run.firstFileId);
  return {
    startedAt: run.startedAt,
    filesTotal: run.files.length,
    bytesTotal: run.files.reduce((n, f) => n + f.size, 0),
    filesStored: mine.length,
    eventsAdded: mine.reduce((n, f) => n + f.added, 0),
  };
}

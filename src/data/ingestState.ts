import { create } from 'zustand';
import type { FileReport } from '../db/types';
import type { IngestProgress } from '../engine/ingest/types';

/** What the UI knows about ingest: loading the stored dataset, running a drop, or idle. */
export interface IngestState {
  readonly phase: 'loading' | 'ingesting' | 'idle';
  /**
   * What the running (or last) ingest reads: dropped files, or a case bundle, which brings the
   * view it was exported with (so the situation report does not replace it).
   */
  readonly ingesting: 'files' | 'bundle';
  readonly progress: IngestProgress | undefined;
  /** Reports of the last finished run (or the one loaded from storage). */
  readonly reports: readonly FileReport[];
  /** A failure of the worker itself (not of a file). */
  readonly error: string | undefined;
  /** Digest validation is running: the integrity summary is not final yet. */
  readonly validating: boolean;
  /**
   * Detection rules are running over new events (steps done of total): the Detections view and
   * `rule:` counts are not final yet. Undefined when no run is under way.
   */
  readonly detecting: { readonly done: number; readonly total: number } | undefined;
  /**
   * While the stored dataset loads: its files stored after the last index save (an ingest the page
   * closed during) being parsed again, done of total. Undefined when there are none.
   */
  readonly replay:
    { readonly done: number; readonly total: number; readonly why?: string } | undefined;
  /** Another tab deleted (or upgraded) the open case's database: nothing can be read or stored. */
  readonly closedElsewhere: boolean;
  /** The ingest asked for waits for another tab that is writing to the case (CaseWriter). */
  readonly waitingForWriter: boolean;
  /** The case is being read again because another tab changed it: counts are about to change. */
  readonly refreshing: boolean;
}

const useIngestStore = create<IngestState>()(() => ({
  phase: 'loading',
  ingesting: 'files',
  progress: undefined,
  reports: [],
  error: undefined,
  validating: false,
  detecting: undefined,
  replay: undefined,
  closedElsewhere: false,
  waitingForWriter: false,
  refreshing: false,
}));

/** Replaces part of the ingest state and mirrors the phase on `<html data-ingest-state>`. */
export function setIngestState(patch: Partial<IngestState>): void {
  useIngestStore.setState(patch);
  const state = useIngestStore.getState();
  // The automation hook outside checks and our e2e wait on: busy until the dataset is loaded and idle.
  // Validation counts as busy: the validation summary is final when the page says idle.
  // So does reading the case again after another tab changed it, and running detection rules.
  const quiet = !state.validating && !state.refreshing && state.detecting === undefined;
  document.documentElement.dataset['ingestState'] =
    state.phase === 'idle' && quiet ? 'idle' : 'busy';
}

/**
 * A slice of the ingest state, re-rendering only when that slice changes: progress ticks several
 * times a second and must not re-render the whole app.
 */
export function useIngestState<T>(select: (s: IngestState) => T): T {
  return useIngestStore(select);
}

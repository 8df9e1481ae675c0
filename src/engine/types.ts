/** Dataset-wide figures for the header. Times are ms since epoch, undefined when empty. */
export interface DatasetInfo {
  readonly eventCount: number;
  readonly logFiles: number;
  readonly digestFiles: number;
  readonly minTime: number | undefined;
  readonly maxTime: number | undefined;
  /** Approximate bytes of the in-memory index. */
  readonly indexBytes: number;
  /** Log files whose word filter (for fast free-text search) is still being built in the background. */
  readonly wordsPending: number;
}

/** Validation (runValidation): what the page adds to a run, and the verdicts it gets back. */
export type { ValidationExtras, ValidationRun } from './runValidation';
export type {
  LogVerdict,
  TrailTotals,
  ValidationTotals,
} from '../cloudtrail/digest/validateDigests';

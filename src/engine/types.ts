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
  /**
   * Whether the index is stored, so that reopening the case reads it instead of parsing every file
   * again: `pending` while a save is queued or running, `none` when there is nothing to store.
   */
  readonly indexSaved: 'pending' | 'saved' | 'failed' | 'none';
  /** Why the last save of the index failed, when `indexSaved` is `failed`. */
  readonly indexSaveError?: string;
}

/** Validation (runValidation): the verdicts, and the keys and signatures it uses. */
export type { ValidationRun } from './runValidation';
export type { GivenText, KeyListing } from './IntegrityService';
export type { ListedKey } from './caseKeys';
export type {
  DigestConflict,
  DigestVerdict,
  LogVerdict,
  TrailTotals,
  ValidationTotals,
} from '../cloudtrail/digest/validateDigests';

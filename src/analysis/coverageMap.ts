/**
 * The evidence coverage map: for each account × Region (rows) and time bucket (columns, UTC), what
 * the dataset holds (events, log files, digests) and where the record has holes. Computed in the
 * ingest worker by coverageOf; cells are `row * columns + column` in the dense arrays.
 */
export interface CoverageMap {
  /** Start of the first column, ms since epoch (UTC, aligned to the unit). */
  readonly start: number;
  /** Width of one column, ms. */
  readonly step: number;
  /** What one column is, for the legend: an hour, a day, or whole weeks. */
  readonly unit: CoverageUnit;
  readonly columns: number;
  readonly rows: readonly CoverageRow[];
  /** Events by eventTime, per cell. */
  readonly events: Uint32Array;
  /** Log files per cell, by the delivery time in the file name (newest event time otherwise). */
  readonly logFiles: Uint32Array;
  /** Digest files per cell, by digestEndTime (their delivery). */
  readonly digests: Uint32Array;
  /** COVERAGE_FLAG bits per cell. */
  readonly flags: Uint8Array;
  /** Details of every cell with a problem or tampering mark, in cell order. */
  readonly notes: readonly CoverageNote[];
  /** Counts over the whole map, for the summary line. */
  readonly totals: CoverageTotals;
  /** False when no digest file is stored: nothing can be said about digest coverage. */
  readonly hasDigests: boolean;
  /** False when no validation run was available, so missing, modified and uncovered files are unknown. */
  readonly validated: boolean;
  /**
   * Log files named for one account that hold events of another (recipientAccountId differs from
   * the account in the file's S3 key): what an organisation trail or a trail delivering to another
   * account's bucket does. Their files sit on the file account's rows and their events on the event
   * account's, so the views must say why. Most files first.
   */
  readonly crossAccount: readonly CrossAccountFiles[];
  /** Worker time to compute it, ms. */
  readonly elapsedMs: number;
}

/** Files of `fileAccount` (as their S3 keys name it) holding `events` events of `eventAccount`. */
export interface CrossAccountFiles {
  readonly fileAccount: string;
  readonly eventAccount: string;
  /** Files of fileAccount with at least one event of eventAccount. */
  readonly files: number;
  readonly events: number;
}

/**
 * Column width names: `hour` and `day` are one of them; `weeks` is `step / WEEK` weeks; `minutes`
 * is `step / MINUTE` minutes (short spans, so a one-hour incident gets one column a minute).
 */
export type CoverageUnit = 'minutes' | 'hour' | 'day' | 'weeks';

/** One row: an account and a Region, as the events and file names spell them. */
export interface CoverageRow {
  /** recipientAccountId or the account in the file name; '' when events carry none. */
  readonly account: string;
  /** awsRegion or the Region in the file name; '' when none. */
  readonly region: string;
  /**
   * True for the row that gathers account × Region pairs beyond the map's row limit: it cannot be
   * filtered to one pair.
   */
  readonly other?: boolean;
  readonly events: number;
  readonly logFiles: number;
  readonly digests: number;
}

/** Bits of `CoverageMap.flags`. */
export const COVERAGE_FLAG = {
  /** A digest's window (digestStartTime–digestEndTime) overlaps this cell. */
  covered: 1,
  /** Part of this cell lies inside a digest chain's span with no digest covering it. */
  gap: 2,
  /** Log files listed in a digest and not provided, or modified; or a digest that is not valid. */
  problem: 4,
  /** Log files delivered here that no provided digest lists. */
  uncovered: 8,
  /** Trail tampering events (StopLogging, DeleteTrail, …) happened here. */
  tampering: 16,
} as const;

/** Why a cell is marked, with exact counts for its tooltip. */
export interface CoverageNote {
  readonly cell: number;
  /** Listed in a digest, not provided. */
  readonly missingLogs: number;
  /** Provided, and the hash differs from the digest's or bytes follow the gzip data. */
  readonly modifiedLogs: number;
  /** Provided, listed in no provided digest. */
  readonly uncoveredLogs: number;
  /** Digests whose signature or chain link failed. */
  readonly invalidDigests: number;
  /** Keys of digests a later digest names as its previous one, and which are not provided. */
  readonly missingDigests: readonly string[];
  /** Holes in a digest chain overlapping this cell, with what explains each. */
  readonly gaps: readonly CoverageGap[];
  /** Trail tampering events here, by eventName. */
  readonly tampering: readonly TamperingCount[];
}

/** A time no digest covers, inside one trail's chain (ms since epoch, `to` exclusive). */
export interface CoverageGap {
  readonly from: number;
  readonly to: number;
  readonly trailName: string;
  /**
   * missingDigest: the next digest names a previous digest that is not provided; restart: the next
   * digest starts a new chain (logging or validation was off); window: the windows do not meet.
   */
  readonly reason: 'missingDigest' | 'restart' | 'window';
}

/** Trail tampering events of one eventName in a cell; `failed` of them carry an errorCode. */
export interface TamperingCount {
  readonly eventName: string;
  readonly count: number;
  readonly failed: number;
}

/** Totals over the whole map. */
export interface CoverageTotals {
  readonly events: number;
  readonly logFiles: number;
  readonly digests: number;
  readonly missingLogs: number;
  readonly modifiedLogs: number;
  readonly uncoveredLogs: number;
  readonly invalidDigests: number;
  readonly missingDigests: number;
  /** Cells marked as a gap. */
  readonly gapCells: number;
  readonly tamperingEvents: number;
  /** Events whose time or files whose delivery time fall outside the map (none unless capped). */
  readonly unplaced: number;
}

import type { CoverageUnit } from './coverageMap';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Monday 1970-01-05T00:00Z: week columns start on Mondays, UTC. */
const MONDAY = 4 * DAY;

/** Spans up to this many days get one column per hour: digests are hourly, so gaps show exactly. */
export const HOURLY_DAYS = 60;
/**
 * Spans up to this long (a short incident, which hours would show as four columns or fewer) get
 * minute columns, the finest of MINUTE_STEPS that keeps at most MINUTE_COLUMNS of them: one a
 * minute up to two hours, so a one-hour incident reads minute by minute, then five minutes.
 */
export const MINUTE_SPAN = 4 * HOUR;
/** Minute column widths, finest first. */
export const MINUTE_STEPS = [1, 5] as const;
/** The most minute columns a map has before it takes the next wider step. */
export const MINUTE_COLUMNS = 120;
/** The most columns a map has (beyond this, columns widen). */
export const MAX_COLUMNS = 1500;

/** The column grid of a coverage map: start (ms, UTC), width (ms), unit and count. */
export interface CoverageColumns {
  readonly start: number;
  readonly step: number;
  readonly unit: CoverageUnit;
  readonly columns: number;
}

/**
 * Chooses the columns for a span in ms since epoch (`to` exclusive): 1 or 5 minutes up to
 * MINUTE_SPAN, hours up to HOURLY_DAYS days, then days, then whole weeks starting on
 * Mondays, never more than MAX_COLUMNS. Columns start on a UTC multiple of their width. Empty span
 * → one minute at `from`.
 */
export function coverageColumns(from: number, to: number): CoverageColumns {
  const end = Math.max(to, from + 1);
  const span = end - from;
  for (const minutes of span <= MINUTE_SPAN ? MINUTE_STEPS : []) {
    const minuteGrid = grid(from, end, minutes * MINUTE, 0, 'minutes');
    if (minuteGrid.columns <= MINUTE_COLUMNS) return minuteGrid;
  }
  if (span <= HOURLY_DAYS * DAY) return grid(from, end, HOUR, 0, 'hour');
  if (span <= MAX_COLUMNS * DAY) return grid(from, end, DAY, 0, 'day');
  const weeks = Math.ceil(span / WEEK / (MAX_COLUMNS - 1));
  return grid(from, end, weeks * WEEK, MONDAY, 'weeks');
}

function grid(
  from: number,
  end: number,
  step: number,
  anchor: number,
  unit: CoverageUnit,
): CoverageColumns {
  const start = Math.floor((from - anchor) / step) * step + anchor;
  return { start, step, unit, columns: Math.max(1, Math.ceil((end - start) / step)) };
}

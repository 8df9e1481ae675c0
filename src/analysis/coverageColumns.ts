import type { CoverageUnit } from './coverageMap';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Monday 1970-01-05T00:00Z: week columns start on Mondays, UTC. */
const MONDAY = 4 * DAY;

/** Spans up to this many days get one column per hour: digests are hourly, so gaps show exactly. */
export const HOURLY_DAYS = 60;
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
 * Chooses the columns for a span in ms since epoch (`to` exclusive): hours up to HOURLY_DAYS days,
 * then days, then whole weeks starting on Mondays, never more than MAX_COLUMNS. Empty span → one
 * hour at `from`.
 */
export function coverageColumns(from: number, to: number): CoverageColumns {
  const end = Math.max(to, from + 1);
  const span = end - from;
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

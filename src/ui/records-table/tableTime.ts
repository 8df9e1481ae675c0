import { ROW_FLAG } from '../../data/types';
import { formatTime, localOffset } from '../common/formatTime';

/** What the table's time cell shows. */
export interface TableTime {
  /** `YYYY-MM-DD HH:MM:SS`, or "invalid time" for a record whose eventTime does not exist. */
  readonly text: string;
  /**
   * The time's own UTC offset (`+01:00`) in local view when it differs from the offset now, which
   * the header names: across daylight saving, one label cannot be right for every row.
   */
  readonly offset?: string;
  readonly invalid: boolean;
}

/**
 * The table cell for an event at `ms` (ms since epoch) with row `flags` (ROW_FLAG), in `zone`.
 * `now` (ms) sets the offset the header stands for.
 */
export function tableTime(
  ms: number,
  flags: number,
  zone: 'utc' | 'local',
  now: number,
): TableTime {
  if ((flags & ROW_FLAG.invalidTime) !== 0) return { text: INVALID_TIME, invalid: true };
  const text = formatTime(ms, zone);
  if (zone === 'utc') return { text, invalid: false };
  const offset = localOffset(ms);
  return offset === localOffset(now) ? { text, invalid: false } : { text, offset, invalid: false };
}

/** Shown for an eventTime that is not a time that exists (see parseUtcTime). */
export const INVALID_TIME = 'invalid time';

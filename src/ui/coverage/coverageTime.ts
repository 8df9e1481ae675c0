import type { CoverageUnit } from '../../data/types';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** `YYYY-MM-DD` of ms since epoch, UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM` of ms since epoch, UTC. */
export function utcMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** `HH:MM` of ms since epoch, UTC. */
export function utcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/**
 * A column's time span for people, UTC: `2024-03-01 03:00–04:00 UTC` for an hour (and
 * `2024-03-01 03:05–03:06 UTC` for minutes), `2024-03-01 UTC`
 * for a day, `2024-03-04 to 2024-03-17 UTC` for weeks. `from` and `to` are ms, `to` exclusive.
 */
export function describeSpan(from: number, to: number, unit: CoverageUnit): string {
  if (unit === 'hour' || unit === 'minutes') return describeInterval(from, to);
  if (unit === 'day') return `${utcDate(from)} UTC`;
  return `${utcDate(from)} to ${utcDate(to - DAY)} UTC`;
}

/**
 * An interval of any length for people, UTC: the end shows only what differs from the start
 * (`2024-03-01 02:05–03:05 UTC`, `2024-03-01 22:00 to 2024-03-02 01:00 UTC`).
 */
export function describeInterval(from: number, to: number): string {
  return utcDate(from) === utcDate(to)
    ? `${utcMinute(from)}–${utcClock(to)} UTC`
    : `${utcMinute(from)} to ${utcMinute(to)} UTC`;
}

/** What one column is, for the legend: "one minute", "5 minutes", "one hour", "one day", "2 weeks". */
export function unitLabel(unit: CoverageUnit, step: number): string {
  if (unit === 'minutes') {
    const minutes = Math.round(step / MINUTE);
    return minutes === 1 ? 'one minute' : `${minutes} minutes`;
  }
  if (unit === 'hour') return 'one hour';
  if (unit === 'day') return 'one day';
  const weeks = Math.round(step / (7 * DAY));
  return weeks === 1 ? 'one week' : `${weeks} weeks`;
}

/*
 * Histogram bin edges for the timeline. Pure arithmetic on ms since epoch, no DOM and no React, so
 * the worker that counts events per bin can share it with the chart.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** 52 weeks: a whole number of weeks keeps year-sized bins starting on a Monday. */
const YEAR = 52 * WEEK;

/**
 * The bin widths `chooseStep` picks from, smallest first. Beyond the last one it uses whole multiples
 * of it. Week multiples (not calendar months) keep every bin the same width, so a bin index maps to a
 * time with one multiplication.
 */
export const NICE_STEPS: readonly number[] = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  WEEK,
  4 * WEEK,
  13 * WEEK,
  YEAR,
];

/**
 * Where the bin grid is anchored: Monday 1970-01-05T00:00Z. Four days is a multiple of every step up
 * to a day, so for those the grid is plain flooring from the epoch; week steps start on Mondays
 * (the epoch itself was a Thursday).
 */
const GRID_ORIGIN = 4 * DAY;

/**
 * The smallest nice bin width (see `NICE_STEPS`) that cuts a time range `spanMs` long into at most
 * `maxBins` bins, i.e. `ceil(spanMs / step) <= maxBins`. Flooring the range's start with `alignStart`
 * can make it straddle one more bin edge; `binCount` gives the exact number for a concrete range.
 * A zero, negative or non-finite span gets the smallest step; `maxBins` below 1 counts as 1.
 */
export function chooseStep(spanMs: number, maxBins = 120): number {
  const smallest = NICE_STEPS[0] ?? SECOND;
  if (!Number.isFinite(spanMs) || spanMs <= 0) return smallest;
  const limit = Number.isNaN(maxBins) ? 1 : Math.max(1, Math.floor(maxBins));
  for (const step of NICE_STEPS) {
    if (Math.ceil(spanMs / step) <= limit) return step;
  }
  return YEAR * Math.ceil(spanMs / (limit * YEAR));
}

/**
 * Floors `t` (ms since epoch) to the start of its bin of width `step`, on the UTC grid described at
 * `GRID_ORIGIN`. Works for times before 1970 too.
 * @throws RangeError when `step` is not a positive finite number.
 */
export function alignStart(t: number, step: number): number {
  if (!Number.isFinite(step) || step <= 0) throw new RangeError(`Bad bin width: ${step}`);
  const offset = (((t - GRID_ORIGIN) % step) + step) % step;
  return t - offset;
}

/**
 * How many bins of width `step`, the first starting at `alignStart(from, step)`, it takes to cover
 * every time in `[from, to]` (both ends included, as the first and last event times are).
 * 0 when `to < from`.
 */
export function binCount(from: number, to: number, step: number): number {
  if (to < from) return 0;
  return Math.floor((to - alignStart(from, step)) / step) + 1;
}

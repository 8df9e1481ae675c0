import type { CoverageUnit } from '../../data/types';

/** A label on the map's time axis: `line` 0 is dates (days, months), 1 the finer ticks. */
export interface ColumnTick {
  readonly column: number;
  readonly line: 0 | 1;
  readonly text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Axis labels for columns [first, last] (UTC): dates on the upper line where a day (minutes, hours),
 * a month (days) or a year (weeks) begins, and on the lower line `HH:MM` on round minutes (minutes),
 * hours, days of the month or week starts,
 * spaced at least `minGap` px apart at `cellWidth` px per column. The first visible column always
 * gets an upper label, so the date is readable wherever the map is scrolled.
 */
export function columnTicks(args: {
  readonly start: number;
  readonly step: number;
  readonly unit: CoverageUnit;
  readonly first: number;
  readonly last: number;
  readonly cellWidth: number;
  readonly minGap?: number;
}): ColumnTick[] {
  const { start, step, unit, first, last, cellWidth } = args;
  const gap = args.minGap ?? 26;
  const ticks: ColumnTick[] = [];
  const every = (choices: readonly number[]) =>
    choices.find((k) => k * cellWidth >= gap) ?? choices.at(-1) ?? 1;
  const hourly = every([1, 2, 3, 6, 12, 24]);
  const daily = every([1, 2, 7, 14]);
  const weekly = every([1, 2, 4, 13, 26, 52]);
  // `HH:MM` needs about 36 px; labels fall on round minutes (every 5, 10, 15, 30 or 60).
  const stepMinutes = Math.max(1, Math.round(step / MINUTE));
  const clockEvery =
    [1, 5, 10, 15, 30, 60, 120, 180].find(
      (m) => m % stepMinutes === 0 && (m / stepMinutes) * cellWidth >= Math.max(gap, 36),
    ) ?? 180;
  const upper: ColumnTick[] = [];
  let firstIsBoundary = false;
  for (let c = first; c <= last; c++) {
    const t = start + c * step;
    const d = new Date(t);
    const h = d.getUTCHours();
    const day = d.getUTCDate();
    const month = d.getUTCMonth();
    const year = d.getUTCFullYear();
    const text =
      unit === 'hour' || unit === 'minutes'
        ? `${MONTHS[month] ?? ''} ${day}, ${year}`
        : unit === 'day'
          ? `${MONTHS[month] ?? ''} ${year}`
          : String(year);
    const boundary =
      unit === 'minutes'
        ? h === 0 && d.getUTCMinutes() === 0
        : unit === 'hour'
          ? h === 0
          : unit === 'day'
            ? day === 1
            : year !== new Date(t - step).getUTCFullYear();
    if (c === first || boundary) upper.push({ column: c, line: 0, text });
    if (c === first) firstIsBoundary = boundary;
    if (unit === 'minutes' && Math.floor(t / MINUTE) % clockEvery === 0)
      ticks.push({ column: c, line: 1, text: d.toISOString().slice(11, 16) });
    if (unit === 'hour' && h % hourly === 0)
      ticks.push({ column: c, line: 1, text: String(h).padStart(2, '0') });
    if (unit === 'day' && Math.floor(t / DAY) % daily === 0)
      ticks.push({ column: c, line: 1, text: String(day) });
    if (unit === 'weeks' && c % weekly === 0)
      ticks.push({ column: c, line: 1, text: `${MONTHS[month] ?? ''} ${day}` });
  }
  // Upper labels need room for their text (about 7 px a character); boundaries win over the
  // first column's label, which only says where a scrolled map starts.
  const room = (a: ColumnTick, b: ColumnTick) =>
    (b.column - a.column) * cellWidth >= a.text.length * 7;
  const [head, ...rest] = upper;
  const next = rest[0];
  const kept =
    head === undefined || (!firstIsBoundary && next !== undefined && !room(head, next))
      ? []
      : [head];
  for (const u of rest) {
    const prev = kept.at(-1);
    if (prev === undefined || room(prev, u)) kept.push(u);
  }
  ticks.push(...kept);
  return ticks;
}

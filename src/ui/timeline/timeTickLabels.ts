const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Single-line x-axis labels for tick times `splits` (ms since epoch) spaced `incr` ms apart, in UTC or
 * local time: `2024`, `Mar 2024`, `Mar 14`, `13:45` or `13:45:30`. Ticks at midnight show the date
 * instead of `00:00`, so a chart spanning days still says which day is which without two-line labels
 * (the chart is too short for those). 24-hour times match the event table.
 */
export function timeTickLabels(
  splits: readonly number[],
  incr: number,
  zone: 'utc' | 'local',
): string[] {
  return splits.map((t) => {
    const d = new Date(t);
    const utc = zone === 'utc';
    const year = utc ? d.getUTCFullYear() : d.getFullYear();
    const month = MONTHS[utc ? d.getUTCMonth() : d.getMonth()] ?? '';
    if (incr >= 365 * DAY) return String(year);
    if (incr >= 28 * DAY) return `${month} ${year}`;
    const h = utc ? d.getUTCHours() : d.getHours();
    const m = utc ? d.getUTCMinutes() : d.getMinutes();
    const s = utc ? d.getUTCSeconds() : d.getSeconds();
    if (incr >= DAY || h + m + s === 0) return `${month} ${utc ? d.getUTCDate() : d.getDate()}`;
    const hm = `${pad(h)}:${pad(m)}`;
    return incr >= MINUTE ? hm : `${hm}:${pad(s)}`;
  });
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Y-axis label for an event count: `950`, `1.5K`, `2M`. Fixed locale, like `formatCount`. */
export function countTickLabel(n: number): string {
  return compact.format(n);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

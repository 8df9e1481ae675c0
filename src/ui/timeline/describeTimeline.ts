import { formatCount } from '../common/formatCount';
import { formatTime, zoneLabel } from '../common/formatTime';
import { binLength, summarizeBins } from './TimelineBins';
import type { TimelineBins } from './TimelineBins';

type Zone = 'utc' | 'local';

/**
 * The accessible name of the chart, e.g. "Events over time: 1,234 events from 2024-03-14 13:45:00 to
 * 2024-03-14 18:00:00 UTC, 5 errors, 3 with detection hits" (the last part only when some event
 * has one). Screen readers get the totals since the bars are canvas pixels.
 */
export function describeTimeline(bins: TimelineBins | undefined, zone: Zone): string {
  const sum = summarizeBins(bins);
  if (sum === undefined) return 'Events over time: no events';
  const range = `from ${formatTime(sum.from, zone)} to ${formatTime(sum.to, zone)} ${zoneLabel(zone, sum.from)}`;
  const hits = sum.hits === 0 ? '' : `, ${formatCount(sum.hits)} with detection hits`;
  return `Events over time: ${plural(sum.events, 'event')} ${range}, ${plural(sum.errors, 'error')}${hits}`;
}

/**
 * The hover readout for bin `idx`, e.g. "2024-03-14 13:45:00 – 13:50:00 UTC · 1,229 ok · 5 errors",
 * then " · 2 detection hits" when the bin has any. Empty when `idx` is outside the bins, which
 * hides the readout.
 */
export function describeBin(bins: TimelineBins | undefined, idx: number, zone: Zone): string {
  if (bins === undefined || !Number.isInteger(idx) || idx < 0 || idx >= binLength(bins)) return '';
  const from = bins.start + idx * bins.step;
  const to = from + bins.step;
  const a = formatTime(from, zone);
  const b = formatTime(to, zone);
  // formatTime starts with `YYYY-MM-DD `: drop the end's date when it repeats the start's.
  const end = a.slice(0, 11) === b.slice(0, 11) ? b.slice(11) : b;
  const ok = bins.ok[idx] ?? 0;
  const errors = bins.errors[idx] ?? 0;
  const hits = bins.hits?.[idx] ?? 0;
  const hit = hits === 0 ? '' : ` · ${plural(hits, 'detection hit')}`;
  return `${a} – ${end} ${zoneLabel(zone, from)} · ${formatCount(ok)} ok · ${plural(errors, 'error')}${hit}`;
}

function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

import type { CaseSummary } from '../../data/types';
import { formatBytes } from '../../lib/formatBytes';
import { formatCount } from '../common/formatCount';
import { formatTime, zoneLabel } from '../common/formatTime';

/** `n` and the noun, singular for 1: `plural(2, 'Region')` → `2 Regions`. */
function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** A case's figures as the case list prints them; a case never summed up yet is empty. */
export interface CaseFigures {
  readonly events: string;
  readonly size: string;
  /** `from → to` to the minute in the chosen zone, or undefined when the case has no events. */
  readonly span: string | undefined;
  readonly zone: string;
  /** Files, then accounts and Regions: `12 log files · 1 digest`, `2 accounts · 3 Regions`. */
  readonly files: string;
  readonly origins: string;
}

/** Prints a case's summary for the list (times in UTC or local, as the app's time toggle). */
export function caseFigures(summary: CaseSummary | undefined, zone: 'utc' | 'local'): CaseFigures {
  const s = summary;
  const minute = (ms: number) => formatTime(ms, zone).slice(0, 16);
  const digests =
    s === undefined || s.digestFiles === 0 ? '' : ` · ${plural(s.digestFiles, 'digest')}`;
  return {
    events: formatCount(s?.eventCount ?? 0),
    size: formatBytes(s?.storedBytes ?? 0),
    span:
      s?.minTime === undefined || s.maxTime === undefined
        ? undefined
        : `${minute(s.minTime)} → ${minute(s.maxTime)}`,
    zone: zoneLabel(zone, s?.maxTime),
    files:
      s === undefined || s.logFiles + s.digestFiles === 0
        ? 'No files'
        : `${plural(s.logFiles, 'log file')}${digests}`,
    origins:
      s === undefined || s.eventCount === 0
        ? ''
        : `${plural(s.accounts, 'account')} · ${plural(s.regions, 'Region')}`,
  };
}

/**
 * Formats ms since epoch as `YYYY-MM-DD HH:MM:SS`, in UTC (CloudTrail's own zone and the console's
 * default) or the browser's local zone.
 */
export function formatTime(ms: number, zone: 'utc' | 'local'): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const utc = zone === 'utc';
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${utc ? d.getUTCFullYear() : d.getFullYear()}-${p((utc ? d.getUTCMonth() : d.getMonth()) + 1)}-${p(utc ? d.getUTCDate() : d.getDate())}`;
  const time = `${p(utc ? d.getUTCHours() : d.getHours())}:${p(utc ? d.getUTCMinutes() : d.getMinutes())}:${p(utc ? d.getUTCSeconds() : d.getSeconds())}`;
  const ms3 = d.getUTCMilliseconds();
  return `${date} ${time}${ms3 === 0 ? '' : `.${String(ms3).padStart(3, '0')}`}`;
}

/** The zone label shown beside times: `UTC` or the local offset like `UTC+02:00`. */
export function zoneLabel(zone: 'utc' | 'local', at = Date.now()): string {
  return zone === 'utc' ? 'UTC' : `UTC${localOffset(at)}`;
}

/**
 * The browser zone's offset from UTC at time `at` (ms), as `+02:00` or `−05:00` (a minus sign, not a
 * hyphen). It changes across daylight saving, so each time has its own.
 */
export function localOffset(at: number): string {
  const offset = -new Date(at).getTimezoneOffset();
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

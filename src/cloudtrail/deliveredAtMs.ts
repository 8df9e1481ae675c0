/**
 * The delivery time in a trail file name (TrailFileKey.deliveredAt), as ms since epoch:
 * `YYYYMMDDTHHmmZ` for log files, `YYYYMMDDTHHMMSSZ` for digests; undefined for anything else.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export function deliveredAtMs(deliveredAt: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z$/.exec(deliveredAt);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined)
    return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) || s === undefined ? 0 : s);
  return Number.isNaN(ms) ? undefined : ms;
}

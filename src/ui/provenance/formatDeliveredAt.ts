/**
 * A trail file name's UTC delivery time, `YYYYMMDDTHHmmZ` (logs) or `YYYYMMDDTHHmmssZ` (digests), as
 * `2023-07-10 12:40 UTC`; other text is returned as it is.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export function formatDeliveredAt(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z$/.exec(stamp);
  if (m === null) return stamp;
  const [, y, mo, d, h, mi, s] = m;
  return `${y}-${mo}-${d} ${h}:${mi}${s === undefined ? '' : `:${s}`} UTC`;
}

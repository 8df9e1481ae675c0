/** A trail log file name up to its unique suffix; the delivery time and suffix tell files apart. */
const TRAIL_NAME =
  /^\d{12}_CloudTrail(?:-[A-Za-z]+)?_[a-z0-9-]+_\d{8}T(\d{2})(\d{2})Z_([A-Za-z0-9]+)/;

/**
 * A short label for a file under a day of the sources tree: for a name CloudTrail writes, the UTC
 * delivery time and the unique suffix (`12:40 C1qUFaqvZS64BcIN`), since the account, Region and day
 * are the node's; otherwise the file name.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export function fileLabel(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = TRAIL_NAME.exec(name);
  if (m === null) return name;
  const [, h, mi, suffix] = m;
  return `${h}:${mi} ${suffix}`;
}

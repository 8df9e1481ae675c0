/** What a trail's S3 layout says about one delivered file. Dates are delivery times, not event times. */
export interface TrailFileKey {
  /** The key from `AWSLogs/` on (how digests name files), or the file name alone when no folder says. */
  readonly key: string;
  readonly kind: 'log' | 'digest' | 'insight' | 'networkActivity' | 'aggregated';
  readonly accountId: string;
  /** The organization ID of an organization trail (`o-…`), when the path has one. */
  readonly orgId?: string;
  /** The Region the file was delivered from. */
  readonly region: string;
  /** UTC delivery time from the file name: `YYYYMMDDTHHmmZ` (logs) or `YYYYMMDDTHHMMSSZ` (digests). */
  readonly deliveredAt: string;
  /** Digests only: the trail's name and home Region, and whether it is a backfill digest. */
  readonly trailName?: string;
  readonly homeRegion?: string;
  readonly backfill?: boolean;
}

const LOG =
  /^(\d{12})_(CloudTrail|CloudTrail-Insight|CloudTrail-NetworkActivity|CloudTrail-Aggregated)_([a-z0-9-]+)_(\d{8}T\d{4}Z)_?([A-Za-z0-9]{15,16})\.json(\.gz)?$/;
const DIGEST =
  /^(\d{12})_CloudTrail-Digest_([a-z0-9-]+)_(.+)_([a-z0-9-]+)_(\d{8}T\d{6}Z)(_backfill)?\.json(\.gz)?$/;
const KINDS = {
  CloudTrail: 'log',
  'CloudTrail-Insight': 'insight',
  'CloudTrail-NetworkActivity': 'networkActivity',
  'CloudTrail-Aggregated': 'aggregated',
} as const;

/**
 * Reads a dropped file's path as CloudTrail's S3 layout
 * (`[prefix/]AWSLogs/[o-id/]<account>/<CloudTrail|CloudTrail-Digest|…>/<region>/YYYY/MM/DD/<name>`).
 * The file name alone decides: people copy Region folders around, so no folder is required; when an
 * `AWSLogs/` segment is present, the key (what digests list) starts there. Undefined for a name that
 * is not a CloudTrail file name. Regions contain only `[a-z0-9-]`, trail names anything; the unique
 * suffix of a log file name is 16 characters (15 in an older docs example, accepted too).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export function parseS3Key(path: string): TrailFileKey | undefined {
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  const at = parts.lastIndexOf('AWSLogs');
  const key = at < 0 ? name : parts.slice(at).join('/');
  const org = at < 0 ? undefined : parts[at + 1];
  const orgId = org !== undefined && /^o-[a-z0-9]{10,32}$/.test(org) ? { orgId: org } : {};
  const log = LOG.exec(name);
  if (log !== null) {
    const [, accountId = '', folder = 'CloudTrail', region = '', deliveredAt = ''] = log;
    const kind = KINDS[folder as keyof typeof KINDS];
    return { key, kind, accountId, ...orgId, region, deliveredAt };
  }
  const digest = DIGEST.exec(name);
  if (digest !== null) {
    const [
      ,
      accountId = '',
      region = '',
      trailName = '',
      homeRegion = '',
      deliveredAt = '',
      backfill,
    ] = digest;
    return {
      key,
      kind: 'digest',
      accountId,
      ...orgId,
      region,
      deliveredAt,
      trailName,
      homeRegion,
      backfill: backfill !== undefined,
    };
  }
  return undefined;
}

import { parseS3Key } from '../parseS3Key';
import type { DigestFile } from './readDigestFile';

/** The time one digest vouches for, and where it sits in its trail's chain. Times in ms since epoch. */
export interface DigestWindow {
  /** `digestS3Object`: the digest's own key. */
  readonly key: string;
  readonly accountId: string;
  /** The Region that delivered it (from the key), '' when the key is not in the S3 layout. */
  readonly region: string;
  readonly trailName: string;
  /** Backfill digests list late files again; they are no link of the hourly chain. */
  readonly backfill: boolean;
  /** digestStartTime and digestEndTime: the delivery times of the log files it lists. */
  readonly start: number;
  readonly end: number;
  /** `previousDigestS3Object`; null for a chain's starting digest. */
  readonly previousKey: string | null;
}

/** A time inside a trail's chain that no digest covers (ms since epoch, `to` exclusive). */
export interface DigestChainGap {
  readonly accountId: string;
  readonly region: string;
  readonly trailName: string;
  readonly from: number;
  readonly to: number;
  /**
   * missingDigest: the digest after the hole names a previous digest that is not provided;
   * restart: it is a starting digest (all `previous*` null), so logging or validation was off;
   * window: it names a provided digest, but their windows do not meet.
   */
  readonly reason: 'missingDigest' | 'restart' | 'window';
}

/** Holes shorter than this are rounding between windows, not missing time. */
const TOLERANCE_MS = 60_000;

/**
 * The window of a parsed digest, or undefined when its times do not parse. The account is
 * `awsAccountId`; the Region and trail come from `digestS3Object`'s file name.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export function digestWindowOf(digest: DigestFile): DigestWindow | undefined {
  const start = Date.parse(digest.digestStartTime);
  const end = Date.parse(digest.digestEndTime);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  const key = parseS3Key(digest.digestS3Object);
  return {
    key: digest.digestS3Object,
    accountId: digest.awsAccountId,
    region: key?.region ?? '',
    trailName: key?.trailName ?? '',
    backfill: key?.backfill ?? false,
    start,
    end: Math.max(start, end),
    previousKey: digest.previousDigestS3Object,
  };
}

/**
 * The holes in each trail's digest chain: CloudTrail delivers a digest every hour for each Region
 * of a trail, even when no log file arrived, so between a trail's first and last digest every
 * moment should lie in some digest's window. A hole means a digest is missing, or the chain was
 * restarted (StopLogging, validation turned off), and the log files delivered meanwhile are vouched
 * for by nothing. Backfill digests are left out, as `validate-logs` keeps them apart. Gaps come
 * sorted by account, Region, trail and time.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
 */
export function digestChainGaps(windows: readonly DigestWindow[]): DigestChainGap[] {
  const provided = new Set(windows.map((w) => w.key));
  const chains = new Map<string, DigestWindow[]>();
  for (const w of windows) {
    if (w.backfill) continue;
    const id = JSON.stringify([w.accountId, w.region, w.trailName]);
    const chain = chains.get(id);
    if (chain === undefined) chains.set(id, [w]);
    else chain.push(w);
  }
  const gaps: DigestChainGap[] = [];
  for (const id of [...chains.keys()].sort()) {
    const chain = (chains.get(id) ?? []).sort((a, b) =>
      a.start !== b.start ? a.start - b.start : a.end - b.end,
    );
    let coveredUntil = chain[0]?.end ?? 0;
    for (const w of chain.slice(1)) {
      if (w.start > coveredUntil + TOLERANCE_MS) {
        gaps.push({
          accountId: w.accountId,
          region: w.region,
          trailName: w.trailName,
          from: coveredUntil,
          to: w.start,
          reason:
            w.previousKey === null
              ? 'restart'
              : provided.has(w.previousKey)
                ? 'window'
                : 'missingDigest',
        });
      }
      coveredUntil = Math.max(coveredUntil, w.end);
    }
  }
  return gaps;
}

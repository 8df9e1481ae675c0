import { describe, expect, it } from 'vitest';
import { digestChainGaps, digestWindowOf } from './digestChainGaps';
import type { DigestWindow } from './digestChainGaps';
import { isDigestProblem, readDigestFile } from './readDigestFile';

const H = 3_600_000;
const T0 = Date.parse('2024-03-01T00:05:12Z');
const key = (trail: string, h: number, backfill = false) =>
  `AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/03/01/111122223333_CloudTrail-Digest_eu-west-1_${trail}_us-east-1_20240301T${String(h + 1).padStart(2, '0')}0512Z${backfill ? '_backfill' : ''}.json.gz`;
/** Hour h's digest of `trail` (windows h:05:12 to h+1:05:12, as CloudTrail's drift), linked to `prev`. */
const win = (trail: string, h: number, prev: number | null, backfill = false): DigestWindow => ({
  key: key(trail, h, backfill),
  accountId: '111122223333',
  region: 'eu-west-1',
  trailName: trail,
  backfill,
  start: T0 + h * H,
  end: T0 + (h + 1) * H,
  previousKey: prev === null ? null : key(trail, prev),
});

describe('digestChainGaps', () => {
  it('finds nothing in an unbroken chain, in any order', () => {
    expect(digestChainGaps([win('t', 2, 1), win('t', 0, null), win('t', 1, 0)])).toEqual([]);
  });

  it('names a missing digest, a restarted chain and windows that do not meet', () => {
    const gaps = digestChainGaps([
      win('t', 0, null),
      win('t', 2, 1), // hour 1 is named but not provided
      win('t', 5, null), // a new starting digest: logging or validation was off
      { ...win('t', 6, 5), start: T0 + 6 * H + 10 * 60_000 }, // starts 10 minutes late
    ]);
    expect(gaps.map((g) => [g.reason, (g.from - T0) / H, (g.to - T0) / H])).toEqual([
      ['missingDigest', 1, 2],
      ['restart', 3, 5],
      ['window', 6, 6 + 1 / 6],
    ]);
    expect(gaps[0]).toMatchObject({
      accountId: '111122223333',
      region: 'eu-west-1',
      trailName: 't',
    });
  });

  it('keeps trails apart, ignores backfill digests and slivers under a minute', () => {
    const gaps = digestChainGaps([
      win('a', 0, null),
      win('a', 1, 0),
      win('b', 0, null),
      win('b', 3, 2),
      win('a', 1, null, true),
      { ...win('a', 2, 1), start: T0 + 2 * H + 30_000 },
    ]);
    expect(gaps.map((g) => [g.trailName, g.reason])).toEqual([['b', 'missingDigest']]);
  });
});

describe('digestWindowOf', () => {
  it('reads the window, Region and trail of a digest', () => {
    const digest = readDigestFile({
      awsAccountId: '111122223333',
      digestStartTime: '2024-03-01T00:05:12Z',
      digestEndTime: '2024-03-01T01:05:12Z',
      digestS3Bucket: 'b',
      digestS3Object: key('my_trail.v2', 0),
      digestPublicKeyFingerprint: '00',
      digestSignatureAlgorithm: 'SHA256withRSA',
      previousDigestS3Object: null,
      logFiles: [],
    });
    if (isDigestProblem(digest)) throw new Error(digest.problem);
    expect(digestWindowOf(digest)).toEqual({ ...win('my_trail.v2', 0, null) });
    expect(digestWindowOf({ ...digest, digestEndTime: 'yesterday' })).toBeUndefined();
  });
});

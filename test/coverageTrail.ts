import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** What buildCoverageTrail wrote, and what a coverage map of it must show. Hours are of DAY, UTC. */
export interface CoverageTrail {
  /** Files to drop, paths from `AWSLogs/` on. */
  readonly files: readonly { readonly path: string; readonly bytes: Buffer }[];
  readonly account: string;
  readonly region: string;
  /** Midnight UTC of the trail's day, ms since epoch. */
  readonly day: number;
  /** Events in the provided log files, per hour 0–4. */
  readonly eventsByHour: readonly number[];
  /** Provided log files per hour (by delivery time). */
  readonly filesByHour: readonly number[];
  /** Hours with a digest (hour h's digest covers h:00–h+1:00). */
  readonly digestHours: readonly number[];
  /** The hour whose digest is missing: the next digest still names it. */
  readonly gapHour: number;
  readonly missingDigestKey: string;
  /** A log file listed in hour 1's digest and not provided. */
  readonly missingLogHour: number;
  readonly missingLogKey: string;
  /** The hour holding a StopLogging event (real record from Stratus Red Team). */
  readonly tamperingHour: number;
}

const SAMPLES = new URL('./fixtures/samples/', import.meta.url);
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const BUCKET = 'cairn-coverage-bucket';
const DAY = '2024-03-01';
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (h: number, m: number, s = 0) => `${DAY}T${pad(h)}:${pad(m)}:${pad(s)}Z`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const folder = (kind: string) => `AWSLogs/${ACCOUNT}/${kind}/${REGION}/${DAY.replace(/-/g, '/')}`;

function sampleRecords(): Record<string, unknown>[] {
  const path =
    'cloud-snitch/AWSLogs/333333333333/CloudTrail/us-east-1/2025/03/06/333333333333_CloudTrail_us-east-1_20250306T0320Z_ZgdYr0lP8M9fWEH8.json.gz';
  const text = gunzipSync(readFileSync(new URL(path, SAMPLES))).toString('utf8');
  return (JSON.parse(text) as { Records: Record<string, unknown>[] }).Records;
}

function stopLogging(): Record<string, unknown> {
  const path = 'stratus-red-team/detonation-logs/aws.defense-evasion.cloudtrail-stop.json';
  const [record] = JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8')) as Record<
    string,
    unknown
  >[];
  if (record === undefined) throw new Error('no StopLogging record');
  return record;
}

/**
 * A one-Region trail over hours 0–4 of 2024-03-01, laid out like its S3 bucket, built from real
 * records (cloud-snitch, with fresh eventIDs, times and the trail's account and Region): two log
 * files delivered each hour (h:20 and h:45) and an hourly digest listing them, whose windows meet
 * at the full hours. Hour 2's digest is missing (hour 3's still names it, so its two log files are
 * listed in no digest); one of hour 1's listed files is not provided; hour 3 holds a StopLogging.
 * Digests are unsigned: coverage needs no signature.
 */
export function buildCoverageTrail(): CoverageTrail {
  const pool = sampleRecords();
  let taken = 0;
  const files: { path: string; bytes: Buffer }[] = [];
  const eventsByHour = [0, 0, 0, 0, 0];
  const filesByHour = [0, 0, 0, 0, 0];
  let missingLogKey = '';
  let missingDigestKey = '';
  let previous: { key: string; sha: string } | undefined;
  const digestHours: number[] = [];
  for (const h of [0, 1, 2, 3, 4]) {
    const entries = [20, 45].map((m, n) => {
      const count = n === 0 ? 3 : 2;
      const records: Record<string, unknown>[] = [];
      for (let i = 0; i < count; i++) {
        const base = pool[taken++ % pool.length] ?? {};
        records.push({
          ...base,
          eventID: randomUUID(),
          eventTime: iso(h, m - 15 + i),
          recipientAccountId: ACCOUNT,
          awsRegion: REGION,
        });
      }
      if (h === 3 && n === 0)
        records.push({
          ...stopLogging(),
          eventTime: iso(3, 7, 30),
          recipientAccountId: ACCOUNT,
          awsRegion: REGION,
        });
      const name = `${ACCOUNT}_CloudTrail_${REGION}_${DAY.replace(/-/g, '')}T${pad(h)}${pad(m)}Z_Cov${pad(h)}${pad(m)}abcdefghi.json.gz`;
      const key = `${folder('CloudTrail')}/${name}`;
      const text = JSON.stringify({ Records: records });
      const provided = !(h === 1 && n === 1);
      if (provided) {
        files.push({ path: key, bytes: gzipSync(text) });
        eventsByHour[h] = (eventsByHour[h] ?? 0) + records.length;
        filesByHour[h] = (filesByHour[h] ?? 0) + 1;
      } else missingLogKey = key;
      return {
        s3Bucket: BUCKET,
        s3Object: key,
        hashValue: sha256(text),
        hashAlgorithm: 'SHA-256',
        newestEventTime: iso(h, m - 15 + count - 1),
        oldestEventTime: iso(h, m - 15),
      };
    });
    const end = `${DAY.replace(/-/g, '')}T${pad(h + 1)}0000Z`;
    const key = `${folder('CloudTrail-Digest')}/${ACCOUNT}_CloudTrail-Digest_${REGION}_trail_${REGION}_${end}.json.gz`;
    const text = JSON.stringify({
      awsAccountId: ACCOUNT,
      digestStartTime: iso(h, 0),
      digestEndTime: iso(h + 1, 0),
      digestS3Bucket: BUCKET,
      digestS3Object: key,
      digestPublicKeyFingerprint: '00',
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: null,
      oldestEventTime: null,
      previousDigestS3Bucket: previous === undefined ? null : BUCKET,
      previousDigestS3Object: previous?.key ?? null,
      previousDigestHashValue: previous?.sha ?? null,
      previousDigestHashAlgorithm: previous === undefined ? null : 'SHA-256',
      previousDigestSignature: previous === undefined ? null : 'ab'.repeat(256),
      logFiles: entries,
    });
    if (h === 2) missingDigestKey = key;
    else {
      files.push({ path: key, bytes: gzipSync(text) });
      digestHours.push(h);
    }
    previous = { key, sha: sha256(text) };
  }
  return {
    files,
    account: ACCOUNT,
    region: REGION,
    day: Date.parse(`${DAY}T00:00:00Z`),
    eventsByHour,
    filesByHour,
    digestHours,
    gapHour: 2,
    missingDigestKey,
    missingLogHour: 1,
    missingLogKey,
    tamperingHour: 3,
  };
}

/** Writes the trail's files under `dir` (which then holds `AWSLogs/`). */
export function writeCoverageTrail(trail: CoverageTrail, dir: string): void {
  for (const f of trail.files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes);
  }
}

import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fixtureRecords } from './fixtureFacts';

/** What buildSignedTrail wrote, and what a validator must conclude about it. */
export interface SignedTrail {
  /** The temp dir: AWSLogs/ plus the key list and the sidecar, which are given, not dropped. */
  readonly root: string;
  /** The folder to drop. */
  readonly awsLogs: string;
  /** `aws cloudtrail list-public-keys` output, as text. */
  readonly publicKeysJson: string;
  /** The same key list as a file beside AWSLogs/ (dropped with `root`, or imported as trusted). */
  readonly publicKeysFile: string;
  /** `aws s3api head-object` output for the newest digest, named `<digest file>.metadata.json`. */
  readonly signatureSidecar: string;
  /** Digest keys (from `AWSLogs/` on), oldest first; each lists two log files. */
  readonly digestKeys: readonly string[];
  /** Log keys listed by each digest, in the order of digestKeys. */
  readonly listedLogKeys: readonly (readonly string[])[];
  /** The listed log file rewritten after its digest was signed (listed by the second digest). */
  readonly modifiedKey: string;
  /** Records in the modified file (the first one's sourceIPAddress was rewritten to 203.0.113.66). */
  readonly modifiedRecords: number;
  /** A log file delivered after the newest digest: listed nowhere. */
  readonly uncoveredKey: string;
  /** Records in all the dropped log files. */
  readonly recordCount: number;
}

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const BUCKET = 'cairn-e2e-trail-bucket';
const FINGERPRINT = 'a1b2c3d4';
const DAY = '2024-03-01';
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (h: number, m: number, s: number) => `${DAY}T${pad(h)}:${pad(m)}:${pad(s)}Z`;
const compact = (isoTime: string) => isoTime.replace(/[-:]/g, '');

/**
 * The text CloudTrail signs, written out independently of src/ so the test is an oracle for it: the
 * AWS CLI's `_create_string_to_sign` (digestEndTime, bucket/key, SHA-256 of the uncompressed
 * digest, previous signature or the literal `null`, joined by "\n").
 */
function stringToSign(
  endTime: string,
  key: string,
  digestSha: string,
  prevSig: string | null,
): string {
  return `${endTime}\n${BUCKET}/${key}\n${digestSha}\n${prevSig ?? 'null'}`;
}

/**
 * Writes a small signed trail in a fresh temp dir, laid out like its S3 bucket: three hourly digests
 * in one chain, each listing two log files (hash = SHA-256 of the uncompressed log), linked by
 * previousDigestHashValue / previousDigestSignature and signed with a fresh RSA 2048 key (each
 * trail its own, all claiming one fingerprint, as a forger's would); real CloudTrail records from
 * the e2e fixtures with fresh eventIDs. One listed log file is rewritten
 * after signing (still valid gzip) and one is delivered after the newest digest. The key list and
 * the newest digest's metadata sidecar sit beside AWSLogs/, not in it.
 */
export function buildSignedTrail(): SignedTrail {
  const root = mkdtempSync(join(tmpdir(), 'cairn-signed-trail-'));
  const write = (rel: string, bytes: Buffer | string) => {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  };
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pool = [...fixtureRecords().values()];
  let taken = 0;
  let recordCount = 0;

  /** One log file delivered at hh:mm, holding 2 or 3 fixture records with fresh IDs and times. */
  const logFile = (h: number, m: number, n: number) => {
    const deliveredAt = iso(h, m, 0);
    const name = `${ACCOUNT}_CloudTrail_${REGION}_${compact(deliveredAt).slice(0, 13)}Z_${sha256(`${deliveredAt}${n}`).slice(0, 16)}.json.gz`;
    const key = `AWSLogs/${ACCOUNT}/CloudTrail/${REGION}/${DAY.replace(/-/g, '/')}/${name}`;
    const count = n % 2 === 0 ? 3 : 2;
    const records = pool.slice(taken, taken + count).map((r, i) => ({
      ...r,
      eventID: randomUUID(),
      eventTime: iso(h, m - 5, 10 * i + 7),
      awsRegion: REGION,
      recipientAccountId: ACCOUNT,
    }));
    if (records.length < count) throw new Error('not enough fixture records');
    taken += count;
    recordCount += count;
    const text = JSON.stringify({ Records: records });
    write(key, gzipSync(text));
    const times = records.map((r) => r.eventTime).sort();
    return {
      key,
      text,
      records,
      entry: {
        s3Bucket: BUCKET,
        s3Object: key,
        hashValue: sha256(text),
        hashAlgorithm: 'SHA-256',
        newestEventTime: times.at(-1) ?? null,
        oldestEventTime: times[0] ?? null,
      },
    };
  };

  const digestKeys: string[] = [];
  const listedLogKeys: string[][] = [];
  let previous: { key: string; sha: string; sig: string } | undefined;
  let modifiedKey = '';
  let modifiedRecords = 0;
  let newest = { name: '', sig: '' };
  for (const h of [0, 1, 2]) {
    const logs = [logFile(h, 20, 2 * h), logFile(h, 45, 2 * h + 1)];
    const start = iso(h, 5, 12);
    const end = iso(h + 1, 5, 12);
    const name = `${ACCOUNT}_CloudTrail-Digest_${REGION}_trail_${REGION}_${compact(end)}.json.gz`;
    const key = `AWSLogs/${ACCOUNT}/CloudTrail-Digest/${REGION}/${DAY.replace(/-/g, '/')}/${name}`;
    const times = logs.flatMap((l) => [l.entry.oldestEventTime, l.entry.newestEventTime]).sort();
    const digest = {
      awsAccountId: ACCOUNT,
      digestStartTime: start,
      digestEndTime: end,
      digestS3Bucket: BUCKET,
      digestS3Object: key,
      digestPublicKeyFingerprint: FINGERPRINT,
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: times.at(-1) ?? null,
      oldestEventTime: times[0] ?? null,
      previousDigestS3Bucket: previous === undefined ? null : BUCKET,
      previousDigestS3Object: previous?.key ?? null,
      previousDigestHashValue: previous?.sha ?? null,
      previousDigestHashAlgorithm: previous === undefined ? null : 'SHA-256',
      previousDigestSignature: previous?.sig ?? null,
      logFiles: logs.map((l) => l.entry),
    };
    const text = JSON.stringify(digest);
    const sha = sha256(text);
    const sig = sign(
      'sha256',
      Buffer.from(stringToSign(end, key, sha, previous?.sig ?? null), 'utf8'),
      privateKey,
    ).toString('hex');
    write(key, gzipSync(text));
    digestKeys.push(key);
    listedLogKeys.push(logs.map((l) => l.key));
    previous = { key, sha, sig };
    newest = { name, sig };

    if (h === 1) {
      // Rewritten after the digest recorded its hash: one source address changed, still valid gzip.
      const [log] = logs;
      if (log === undefined) throw new Error('no log to modify');
      const [first, ...rest] = log.records;
      const text2 = JSON.stringify({
        Records: [{ ...first, sourceIPAddress: '203.0.113.66' }, ...rest],
      });
      if (sha256(text2) === log.entry.hashValue) throw new Error('modification changed nothing');
      write(log.key, gzipSync(text2));
      modifiedKey = log.key;
      modifiedRecords = log.records.length;
    }
  }
  const uncoveredKey = logFile(3, 10, 6).key;

  const publicKeysJson = JSON.stringify(
    {
      PublicKeyList: [
        {
          Value: publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64'),
          ValidityStartTime: '2024-02-01T00:00:00Z',
          ValidityEndTime: '2024-04-01T00:00:00Z',
          Fingerprint: FINGERPRINT,
        },
      ],
    },
    null,
    4,
  );
  write('list-public-keys.json', publicKeysJson);
  const sidecar = `${newest.name}.metadata.json`;
  write(
    sidecar,
    JSON.stringify(
      {
        AcceptRanges: 'bytes',
        ContentType: 'application/json',
        ContentEncoding: 'gzip',
        Metadata: { signature: newest.sig, 'signature-algorithm': 'SHA256withRSA' },
      },
      null,
      4,
    ),
  );
  return {
    root,
    awsLogs: join(root, 'AWSLogs'),
    publicKeysJson,
    publicKeysFile: join(root, 'list-public-keys.json'),
    signatureSidecar: join(root, sidecar),
    digestKeys,
    listedLogKeys,
    modifiedKey,
    modifiedRecords,
    uncoveredKey,
    recordCount,
  };
}

/** Removes a trail's temp dir. */
export function removeSignedTrail(trail: SignedTrail): void {
  rmSync(trail.root, { recursive: true, force: true });
}

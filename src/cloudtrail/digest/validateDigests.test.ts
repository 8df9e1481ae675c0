import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPublicKey, verifySha256WithRsa } from '../../lib/rsaPublicKey';
import { digestStringToSign } from './digestStringToSign';
import { isDigestProblem, readDigestFile } from './readDigestFile';
import type { DigestInput, LogInput, PublicKeyInput } from './validateDigests';
import { validateDigests } from './validateDigests';

// A trail as CloudTrail writes it: hourly digests, each listing the log files delivered in its hour
// and signed over digestStringToSign; each carries the previous one's hash and signature.
// The key pair is WebCrypto's, as in the browser; the public half is handed over as list-public-keys
// gives it: raw PKCS#1 in base64, which readPublicKey must wrap as SPKI.
const { privateKey, publicKey } = await crypto.subtle.generateKey(
  {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  true,
  ['sign', 'verify'],
);
const pkcs1 = createPublicKey({
  key: Buffer.from(await crypto.subtle.exportKey('spki', publicKey)),
  format: 'der',
  type: 'spki',
}).export({ type: 'pkcs1', format: 'der' });
const SPKI = readPublicKey(pkcs1.toString('base64')) ?? new Uint8Array(0);
const KEY: PublicKeyInput = {
  fingerprint: 'a1b2c3',
  spki: SPKI,
  sha256: createHash('sha256').update(SPKI).digest('hex'),
  trusted: true,
  source: 'pasted',
};
const sign = async (text: string) =>
  Buffer.from(
    await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, new TextEncoder().encode(text)),
  ).toString('hex');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const prefix = 'AWSLogs/111122223333';
const logKey = (h: number, n: number) =>
  `${prefix}/CloudTrail/us-east-1/2024/03/01/111122223333_CloudTrail_us-east-1_20240301T${String(h).padStart(2, '0')}${String(n).padStart(2, '0')}Z_ABCDEFGHIJKLMNO${String(n)}.json.gz`;
const logText = (h: number, n: number) => `{"Records":[{"eventID":"${String(h)}-${String(n)}"}]}`;

async function chain(hours: readonly number[]) {
  const digests: DigestInput[] = [];
  const signatures: string[] = [];
  let previous: { key: string; sha: string; sig: string } | undefined;
  for (const h of hours) {
    const key = `${prefix}/CloudTrail-Digest/us-east-1/2024/03/01/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240301T${String(h + 1).padStart(2, '0')}0000Z.json.gz`;
    const raw = {
      awsAccountId: '111122223333',
      digestStartTime: `2024-03-01T${String(h).padStart(2, '0')}:00:00Z`,
      digestEndTime: `2024-03-01T${String(h + 1).padStart(2, '0')}:00:00Z`,
      digestS3Bucket: 'trail-bucket',
      digestS3Object: key,
      digestPublicKeyFingerprint: KEY.fingerprint,
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: null,
      oldestEventTime: null,
      previousDigestS3Bucket: previous === undefined ? null : 'trail-bucket',
      previousDigestS3Object: previous?.key ?? null,
      previousDigestHashValue: previous?.sha ?? null,
      previousDigestHashAlgorithm: previous === undefined ? null : 'SHA-256',
      previousDigestSignature: previous?.sig ?? null,
      logFiles: [0, 1].map((n) => ({
        s3Bucket: 'trail-bucket',
        s3Object: logKey(h, n),
        hashValue: sha(logText(h, n)),
        hashAlgorithm: 'SHA-256',
        newestEventTime: null,
        oldestEventTime: null,
      })),
    };
    const text = JSON.stringify(raw);
    const digest = readDigestFile(raw);
    if (isDigestProblem(digest)) throw new Error(digest.problem);
    const digestSha = sha(text);
    const sig = await sign(digestStringToSign(digest, digestSha));
    digests.push({ path: key, digest, sha256: digestSha });
    signatures.push(sig);
    previous = { key, sha: digestSha, sig };
  }
  const logs: LogInput[] = hours.flatMap((h) =>
    [0, 1].map((n) => ({
      path: logKey(h, n),
      key: logKey(h, n),
      sha256: sha(logText(h, n)),
      trailingBytes: 0,
    })),
  );
  return { digests, signatures, logs };
}

const run = (digests: readonly DigestInput[], logs: readonly LogInput[], keys = [KEY]) =>
  validateDigests({ digests, logs, keys, verify: verifySha256WithRsa });

describe('validateDigests', () => {
  it('validates a whole chain when the newest signature is supplied', async () => {
    const { digests, signatures, logs } = await chain([10, 11, 12]);
    const newest = { ...digests[2], signature: signatures[2] } as DigestInput;
    const extra: LogInput = {
      path: 'late.json.gz',
      key: logKey(13, 0),
      sha256: sha('x'),
      trailingBytes: 0,
    };
    const report = await run([digests[0], digests[1], newest] as DigestInput[], [...logs, extra]);
    expect(report.totals).toEqual({
      logsValid: 6,
      logsConsistent: 0,
      logsModified: 0,
      logsMissing: 0,
      logsUncovered: 1,
      digestsValid: 3,
      digestsNotValid: 0,
      digestsUnverified: 0,
      digestsUntrustedKey: 0,
      digestsMissing: 0,
    });
  });

  it('never calls valid what it could not verify: the newest digest, or any without a key', async () => {
    const { digests, logs } = await chain([10, 11]);
    const report = await run(digests, logs);
    expect(report.totals).toMatchObject({
      digestsValid: 1,
      digestsUnverified: 1,
      logsValid: 2,
      logsConsistent: 2,
    });
    const keyless = await run(digests, logs, []);
    expect(keyless.totals).toMatchObject({
      digestsValid: 0,
      digestsUnverified: 2,
      logsValid: 0,
      logsConsistent: 4,
    });
    expect(keyless.digests[0]?.reason).toContain('Hash chain consistent, signatures not checked');
  });

  it('finds modified, truncated-and-appended, and missing log files', async () => {
    const { digests, signatures, logs } = await chain([10]);
    const withSig = [{ ...digests[0], signature: signatures[0] } as DigestInput];
    const [first, second] = logs as [LogInput, LogInput];
    const report = await run(withSig, [{ ...first, sha256: sha('changed') }]);
    expect(report.totals).toMatchObject({ logsModified: 1, logsMissing: 1, logsValid: 0 });
    const appended = await run(withSig, [first, { ...second, trailingBytes: 12 }]);
    expect(appended.totals).toMatchObject({ logsValid: 1, logsModified: 1 });
    expect(appended.logs.find((l) => l.status === 'modified')?.reason).toContain('12 bytes');
    const late: LogInput = {
      path: 'late.json.gz',
      key: logKey(11, 0),
      sha256: sha('z'),
      trailingBytes: 3,
    };
    const unlisted = await run(withSig, [first, second, late]);
    expect(unlisted.totals).toMatchObject({ logsValid: 2, logsModified: 1, logsUncovered: 0 });
  });

  it('breaks the chain at a changed digest and counts a deleted one as missing', async () => {
    const { digests, signatures, logs } = await chain([10, 11, 12]);
    const [d0, d1, d2] = digests as [DigestInput, DigestInput, DigestInput];
    const newest: DigestInput = { ...d2, signature: signatures[2] ?? '' };
    const changed = { ...d1, sha256: sha('rewritten digest') };
    const report = await run([d0, changed, newest], logs);
    expect(report.digests.find((d) => d.key === d1.digest.digestS3Object)?.status).toBe('notValid');
    expect(report.totals.logsValid).toBe(4);
    const gap = await run([d0, newest], logs);
    expect(gap.totals.digestsMissing).toBe(1);
    expect(gap.missingDigests).toEqual([d1.digest.digestS3Object]);
  });

  it('rejects a signature that does not match', async () => {
    const { digests, logs } = await chain([10]);
    const forged = [{ ...digests[0], signature: '00'.repeat(256) } as DigestInput];
    const report = await run(forged, logs);
    expect(report.totals).toMatchObject({ digestsNotValid: 1, logsValid: 0, logsConsistent: 2 });
  });

  it('breaks the totals down by account and Region, and carries file ids to the verdicts', async () => {
    const { digests, logs } = await chain([10, 11, 12]);
    const [d0, , d2] = digests as [DigestInput, DigestInput, DigestInput];
    const other: LogInput = {
      fileId: 42,
      path: 'copied/444455556666_CloudTrail_eu-west-1_20240301T1005Z_ABCDEFGHIJKLMNOP.json.gz',
      key: '444455556666_CloudTrail_eu-west-1_20240301T1005Z_ABCDEFGHIJKLMNOP.json.gz',
      sha256: sha('y'),
      trailingBytes: 0,
    };
    const numbered = logs.map((l, i) => ({ ...l, fileId: i + 1 }));
    const report = await run([d0, d2], [...numbered, other]);
    expect(report.byTrail.map((t) => [t.account, t.region])).toEqual([
      ['111122223333', 'us-east-1'],
      ['444455556666', 'eu-west-1'],
    ]);
    expect(report.byTrail[0]?.totals).toMatchObject({
      digestsMissing: 1,
      logsMissing: 0,
      logsUncovered: 2,
      logsConsistent: 4,
      logsValid: 0,
    });
    expect(report.byTrail[1]?.totals).toMatchObject({ logsUncovered: 1, digestsMissing: 0 });
    const sum = (k: keyof typeof report.totals) =>
      report.byTrail.reduce((n, t) => n + t.totals[k], 0);
    for (const k of Object.keys(report.totals) as (keyof typeof report.totals)[])
      expect(sum(k)).toBe(report.totals[k]);
    expect(report.logs.find((l) => l.key === other.key)?.fileId).toBe(42);
    expect(report.logs.every((l) => l.fileId !== undefined)).toBe(true);
  });
});

/** A second key pair, as an attacker who can write to the bucket would make. */
const other = await crypto.subtle.generateKey(
  {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  true,
  ['sign', 'verify'],
);
const OTHER_SPKI = new Uint8Array(await crypto.subtle.exportKey('spki', other.publicKey));
const OTHER: PublicKeyInput = {
  ...KEY,
  spki: OTHER_SPKI,
  sha256: createHash('sha256').update(OTHER_SPKI).digest('hex'),
  source: 'AWSLogs/list-public-keys.json',
};

/** The whole chain with the newest signature supplied. */
async function signedChain(hours: readonly number[]) {
  const { digests, signatures, logs } = await chain(hours);
  const last = digests.length - 1;
  const all = digests.map((d, i) => (i === last ? { ...d, signature: signatures[last] ?? '' } : d));
  return { digests: all, logs, signatures };
}

describe('trust anchors', () => {
  it('a key that is not trusted makes nothing valid: "signed by an untrusted key"', async () => {
    const { digests, logs } = await signedChain([10, 11]);
    const report = await run(digests, logs, [{ ...KEY, trusted: false }]);
    expect(report.totals).toMatchObject({
      digestsValid: 0,
      digestsUntrustedKey: 2,
      logsValid: 0,
      logsConsistent: 4,
    });
    expect(report.digests[0]?.reason).toContain('untrusted key');
  });

  it('a hostile key that claims the trusted fingerprint neither validates nor breaks', async () => {
    const { digests, logs } = await signedChain([10, 11]);
    const report = await run(digests, logs, [KEY, { ...OTHER, trusted: false }]);
    expect(report.totals).toMatchObject({ digestsValid: 2, logsValid: 4 });
    // The same key dropped in the evidence, not trusted: the trusted one decides.
    const forged = await run(digests, logs, [
      { ...OTHER, trusted: true },
      { ...KEY, trusted: false },
    ]);
    expect(forged.totals).toMatchObject({ digestsValid: 0, digestsNotValid: 2, logsValid: 0 });
    expect(forged.digests[0]?.reason).toContain('verifies with an untrusted key');
  });

  it('two trusted keys that claim one fingerprint are a conflict: neither validates', async () => {
    const { digests, logs } = await signedChain([10, 11]);
    const report = await run(digests, logs, [KEY, OTHER]);
    expect(report.totals).toMatchObject({ digestsValid: 0, digestsUnverified: 2, logsValid: 0 });
    expect(report.digests[0]?.reason).toContain('2 trusted keys claim fingerprint a1b2c3');
    // The same key imported twice is one key.
    expect((await run(digests, logs, [KEY, { ...KEY }])).totals.digestsValid).toBe(2);
  });

  it('honours validity windows, with an hour of slack for a digest written after its hour', async () => {
    const { digests, logs } = await signedChain([10, 11]);
    const at = (iso: string) => Date.parse(iso);
    const expired = {
      ...KEY,
      validFrom: at('2024-01-01T00:00:00Z'),
      validTo: at('2024-02-01T00:00:00Z'),
    };
    const report = await run(digests, logs, [expired]);
    expect(report.totals).toMatchObject({ digestsValid: 0, digestsNotValid: 2, logsValid: 0 });
    expect(report.digests[0]?.reason).toContain('is valid from 2024-01-01T00:00:00.000Z');
    // Retired at 11:30: the 10–11 digest still counts, the 11–12 one (ends 12:00) too, by the slack.
    const retired = { ...KEY, validTo: at('2024-03-01T11:30:00Z') };
    expect((await run(digests, logs, [retired])).totals.digestsValid).toBe(2);
    const early = { ...KEY, validTo: at('2024-03-01T10:30:00Z') };
    expect((await run(digests, logs, [early])).totals).toMatchObject({
      digestsValid: 1,
      digestsNotValid: 1,
    });
    // One key in two lists: any window that covers the digest will do.
    expect((await run(digests, logs, [expired, KEY])).totals.digestsValid).toBe(2);
  });

  it('a trusted key that cannot be imported says so, not "signature does not match"', async () => {
    const { digests, logs } = await signedChain([10]);
    const report = await run(digests, logs, [{ ...KEY, problem: 'Invalid keyData' }]);
    expect(report.totals).toMatchObject({ digestsUnverified: 1, digestsNotValid: 0 });
    expect(report.digests[0]?.reason).toContain('cannot be imported (Invalid keyData)');
  });
});

describe('the digest set', () => {
  /** A digest like `d` with other content under the same name (its first log's hash rewritten). */
  const forgeryOf = (d: DigestInput, hash: string): DigestInput => {
    const [first, ...rest] = d.digest.logFiles;
    if (first === undefined) throw new Error('no log listed');
    const digest = { ...d.digest, logFiles: [{ ...first, hashValue: hash }, ...rest] };
    return { path: `forged/${d.path}`, digest, sha256: sha(JSON.stringify(digest)) };
  };

  it('a forged digest stored before the genuine one under its name validates no log', async () => {
    const { digests, logs } = await signedChain([10, 11, 12]);
    const [d0, d1, d2] = digests as [DigestInput, DigestInput, DigestInput];
    const forgedText = '{"Records":[{"eventID":"forged"}]}';
    const forged = forgeryOf(d1, sha(forgedText));
    // The log the forgery lists, as rewritten by whoever wrote the forgery.
    const rewritten = logs.map((l) =>
      l.key === logKey(11, 0) ? { ...l, sha256: sha(forgedText) } : l,
    );
    const report = await run([d0, forged, d1, d2], rewritten);
    expect(report.digests).toHaveLength(4);
    expect(report.conflicts.map((c) => [c.kind, c.key])).toContainEqual([
      'duplicate',
      d1.digest.digestS3Object,
    ]);
    const byPath = new Map(report.digests.map((d) => [d.path, d.status]));
    expect(byPath.get(forged.path)).toBe('notValid');
    expect(byPath.get(d1.path)).toBe('valid');
    expect(report.logs.find((l) => l.key === logKey(11, 0))?.status).toBe('modified');
    expect(report.totals.logsValid).toBe(5);
  });

  it('reports a fork, and the branch that cannot prove itself is not valid', async () => {
    const { digests, logs } = await signedChain([10, 11, 12]);
    const [d0, d1, d2] = digests as [DigestInput, DigestInput, DigestInput];
    // A second successor of d0, with its own name, linking correctly to d0.
    const name = d1.digest.digestS3Object.replace('T1200', 'T1159');
    const branch: DigestInput = {
      path: name,
      digest: { ...d1.digest, digestS3Object: name, logFiles: [] },
      sha256: sha(`branch ${name}`),
    };
    const report = await run([d0, d1, branch, d2], logs);
    expect(report.conflicts.map((c) => [c.kind, c.key])).toEqual([
      ['fork', d0.digest.digestS3Object],
    ]);
    const byPath = new Map(report.digests.map((d) => [d.path, d.status]));
    expect(byPath.get(branch.path)).toBe('notValid');
    expect(byPath.get(d1.path)).toBe('valid');
    expect(byPath.get(d0.path)).toBe('valid');
    expect(report.totals.logsValid).toBe(6);
  });

  it('reports a digest stored under a path other than its own name', async () => {
    const { digests, logs } = await chain([10]);
    const [d0] = digests as [DigestInput];
    const moved = {
      ...d0,
      path: 'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/01/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240301T090000Z.json.gz',
    };
    const report = await run([moved], logs, []);
    expect(report.conflicts.map((c) => c.kind)).toEqual(['misplaced']);
    expect(report.digests[0]?.status).toBe('notValid');
    expect(report.totals.logsValid).toBe(0);
    // A flat copy (no folders) or an inflated one keeps its name: no conflict.
    const flat = { ...d0, path: `copies/${d0.path.slice(d0.path.lastIndexOf('/') + 1, -3)}` };
    expect((await run([flat], logs, [])).conflicts).toEqual([]);
  });
});

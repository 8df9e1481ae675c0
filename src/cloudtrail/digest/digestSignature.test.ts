import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/fixtureFiles';
import { readPublicKey, verifySha256WithRsa } from '../../lib/rsaPublicKey';
import { digestStringToSign } from './digestStringToSign';
import { isDigestProblem, readDigestFile } from './readDigestFile';

const dir = join(FIXTURES, 'AWSLogs/218007301253/CloudTrail-Digest/us-east-1/2023/07/10');
const digestBytes = gunzipSync(readFileSync(join(dir, readdirSync(dir)[0] ?? '')));
const parsed: unknown = JSON.parse(digestBytes.toString('utf8'));

// A key pair standing in for CloudTrail's: the verification path is the same for any RSA key.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const spkiB64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const pkcs1B64 = publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
const pem = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();

describe('readDigestFile', () => {
  it('reads a digest file, first of its chain', () => {
    const digest = readDigestFile(parsed);
    if (isDigestProblem(digest)) throw new Error(digest.problem);
    expect(digest.awsAccountId).toBe('218007301253');
    expect(digest.digestEndTime).toBe('2023-07-10T12:00:00Z');
    expect(digest.previousDigestSignature).toBeNull();
    expect(digest.logFiles).toEqual([]);
  });

  it('names the field that is missing or mistyped', () => {
    const base = parsed as Record<string, unknown>;
    expect(readDigestFile({ ...base, digestEndTime: undefined })).toEqual({
      problem: 'the digest has no digestEndTime',
    });
    expect(readDigestFile({ ...base, previousDigestSignature: 42 })).toEqual({
      problem: "the digest's previousDigestSignature is not a string",
    });
    expect(readDigestFile({ ...base, logFiles: [{ s3Bucket: 'b' }] })).toEqual({
      problem: 'logFiles[0] of the digest is not a log file entry',
    });
    expect(readDigestFile([])).toEqual({ problem: 'the digest is not a JSON object' });
  });
});

describe('digest signatures', () => {
  const digest = readDigestFile({ ...(parsed as object), previousDigestSignature: 'ab12' });
  if (isDigestProblem(digest)) throw new Error(digest.problem);
  const hash = 'C0FFEE'.padEnd(64, '0');
  const message = digestStringToSign(digest, hash);
  const signatureHex = sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('hex');

  it('signs end time, own bucket/key, the digest hash and the previous signature, one per line', () => {
    expect(message).toBe(
      ['2023-07-10T12:00:00Z', `bucket/${digest.digestS3Object}`, hash.toLowerCase(), 'ab12'].join(
        '\n',
      ),
    );
    const first = readDigestFile(parsed);
    if (isDigestProblem(first)) throw new Error(first.problem);
    expect(digestStringToSign(first, hash).endsWith('\nnull')).toBe(true);
  });

  it.each([
    ['base64 SPKI', spkiB64],
    ['base64 PKCS#1 (wrapped for WebCrypto)', pkcs1B64],
    ['PEM', pem],
    ['base64 of base64 PKCS#1', Buffer.from(pkcs1B64).toString('base64')],
  ])('verifies with a %s public key', async (_name, text) => {
    const spki = readPublicKey(text);
    expect(spki).toBeDefined();
    expect(await verifySha256WithRsa(spki ?? new Uint8Array(0), signatureHex, message)).toBe(true);
  });

  it('rejects a changed message, another key, and a malformed signature', async () => {
    const spki = readPublicKey(pkcs1B64) ?? new Uint8Array(0);
    expect(await verifySha256WithRsa(spki, signatureHex, message.replace('12:00', '12:01'))).toBe(
      false,
    );
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const otherSpki = readPublicKey(
      other.export({ type: 'spki', format: 'der' }).toString('base64'),
    );
    expect(await verifySha256WithRsa(otherSpki ?? new Uint8Array(0), signatureHex, message)).toBe(
      false,
    );
    expect(await verifySha256WithRsa(spki, 'zz', message)).toBe(false);
    expect(readPublicKey('not a key')).toBeUndefined();
  });
});

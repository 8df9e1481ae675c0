import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readDigestSignatures } from './readDigestSignatures';
import { readPublicKeyList } from './readPublicKeyList';

const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const pkcs1 = key.export({ type: 'pkcs1', format: 'der' }).toString('base64');

describe('readPublicKeyList', () => {
  it('reads list-public-keys output, keyed by fingerprint', () => {
    const { keys, problems } = readPublicKeyList({
      PublicKeyList: [
        {
          Value: pkcs1,
          ValidityStartTime: '2024-01-01T00:00:00Z',
          ValidityEndTime: '2024-02-01T00:00:00Z',
          Fingerprint: 'AB12',
        },
        { Value: 'not a key', Fingerprint: 'cd34' },
        { Fingerprint: 'ef56' },
      ],
    });
    expect(keys.map((k) => k.fingerprint)).toEqual(['ab12']);
    expect(keys[0]?.spki[0]).toBe(0x30);
    expect(problems).toEqual([
      'Key cd34: the Value is not an RSA public key',
      'Key 3: no Fingerprint and Value',
    ]);
  });

  it('reads validity windows as ISO text (the CLI) or seconds since epoch (the API)', () => {
    const [iso, epoch, none] = readPublicKeyList([
      {
        Value: pkcs1,
        Fingerprint: 'a',
        ValidityStartTime: '2024-01-01T00:00:00+00:00',
        ValidityEndTime: '2024-02-01T00:00:00Z',
      },
      {
        Value: pkcs1,
        Fingerprint: 'b',
        ValidityStartTime: 1704067200,
        ValidityEndTime: 1706745600,
      },
      { Value: pkcs1, Fingerprint: 'c', ValidityStartTime: 'soon', ValidityEndTime: null },
    ]).keys;
    expect([iso?.validFrom, iso?.validTo]).toEqual([1704067200000, 1706745600000]);
    expect([epoch?.validFrom, epoch?.validTo]).toEqual([1704067200000, 1706745600000]);
    expect(none).toBeDefined();
    expect([none?.validFrom, none?.validTo]).toEqual([undefined, undefined]);
  });

  it('takes a bare array or a single entry too', () => {
    expect(readPublicKeyList([{ Value: pkcs1, Fingerprint: 'x' }]).keys).toHaveLength(1);
    expect(readPublicKeyList({ Value: pkcs1, Fingerprint: 'x' }).keys).toHaveLength(1);
    expect(readPublicKeyList('nonsense').keys).toHaveLength(0);
  });
});

describe('readDigestSignatures', () => {
  const name = '111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240301T130000Z.json.gz';
  it('reads head-object output for the digest its sidecar is named after', () => {
    const sigs = readDigestSignatures(
      {
        Metadata: { signature: 'ABCD', 'signature-algorithm': 'SHA256withRSA' },
        ContentLength: 512,
      },
      `${name}.metadata.json`,
    );
    expect([...sigs]).toEqual([[name, 'abcd']]);
  });

  it('reads a map of keys to signatures and ignores what is not hex', () => {
    const sigs = readDigestSignatures({
      [`AWSLogs/x/${name}`]: 'beef',
      other: { signature: 'c0de' },
      bad: 'xyz',
    });
    expect([...sigs]).toEqual([
      [`AWSLogs/x/${name}`, 'beef'],
      ['other', 'c0de'],
    ]);
  });
});

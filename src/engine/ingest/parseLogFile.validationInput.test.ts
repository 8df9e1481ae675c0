import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseLogFile } from './parseLogFile';

const parse = (value: unknown, path: string) =>
  parseLogFile({ file: new Blob([JSON.stringify(value, null, 4)]), path });
const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'pkcs1', format: 'der' })
  .toString('base64');
const DIGEST = '111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240301T030512Z.json.gz';

// Files a responder saves beside the logs, in the shapes the AWS CLI prints them.
describe('parseLogFile on validation inputs dropped with the logs', () => {
  it('recognises list-public-keys output by content, whatever its name', async () => {
    const r = await parse(
      { PublicKeyList: [{ Value: pkcs1, Fingerprint: 'a1b2c3d4' }] },
      'evidence/keys.txt',
    );
    expect(r).toMatchObject({ status: 'skipped', validationInput: { kind: 'publicKeys' } });
    if (r.status === 'skipped') expect(r.reason).toContain('found in the evidence, not trusted');
  });

  it('recognises head-object output and a signature map', async () => {
    const headObject = {
      AcceptRanges: 'bytes',
      ContentType: 'application/json',
      Metadata: { signature: 'ab'.repeat(256), 'signature-algorithm': 'SHA256withRSA' },
    };
    expect(await parse(headObject, `${DIGEST}.metadata.json`)).toMatchObject({
      status: 'skipped',
      validationInput: { kind: 'signature', value: headObject },
    });
    expect(await parse({ [DIGEST]: 'cd'.repeat(256) }, 'signatures.json')).toMatchObject({
      validationInput: { kind: 'signature' },
    });
  });

  it('leaves look-alikes alone: metadata without a hex signature, a map of other names', async () => {
    for (const value of [
      { Metadata: { signature: 'not hex!' } },
      { Metadata: { owner: 'x' } },
      { 'notes.txt': 'abcd' },
      { PublicKeyList: [] },
    ]) {
      const r = await parse(value, 'x.json');
      expect(r.status).toBe('skipped');
      expect(r).not.toHaveProperty('validationInput');
    }
  });
});

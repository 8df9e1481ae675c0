import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/fixtureFiles';
import { checkDigestLink } from './checkDigestLink';
import { isDigestProblem, readDigestFile } from './readDigestFile';
import type { DigestFile } from './readDigestFile';

const dir = join(FIXTURES, 'AWSLogs/218007301253/CloudTrail-Digest/us-east-1/2023/07/10');
const olderBytes = gunzipSync(readFileSync(join(dir, readdirSync(dir)[0] ?? '')));
const olderSha = createHash('sha256').update(olderBytes).digest('hex');

function digest(value: unknown): DigestFile {
  const d = readDigestFile(value);
  if (isDigestProblem(d)) throw new Error(d.problem);
  return d;
}
const older = digest(JSON.parse(olderBytes.toString('utf8')));
// The next hour's digest, linked to the fixture's the way CloudTrail links them.
const newer = digest({
  ...(JSON.parse(olderBytes.toString('utf8')) as object),
  digestStartTime: '2023-07-10T12:00:00Z',
  digestEndTime: '2023-07-10T13:00:00Z',
  digestS3Object: older.digestS3Object.replace('20230710T120000Z', '20230710T130000Z'),
  previousDigestS3Bucket: older.digestS3Bucket,
  previousDigestS3Object: older.digestS3Object,
  previousDigestHashValue: olderSha,
  previousDigestHashAlgorithm: 'SHA-256',
  previousDigestSignature: 'ab12',
});

describe('checkDigestLink', () => {
  it('accepts a digest that names the older one and its SHA-256', () => {
    expect(checkDigestLink(newer, older, olderSha)).toEqual({ status: 'linked' });
    expect(checkDigestLink(older, older, olderSha)).toEqual({ status: 'first' });
  });

  it('reports a changed older digest (hash) and a swapped one (key)', () => {
    const changed = createHash('sha256')
      .update(Buffer.concat([olderBytes, Buffer.from(' ')]))
      .digest('hex');
    const hashBreak = checkDigestLink(newer, older, changed);
    expect(hashBreak.status).toBe('broken');
    expect(hashBreak.status === 'broken' ? hashBreak.reason : '').toContain(changed);
    const swapped = { ...older, digestS3Object: `${older.digestS3Object}.other` };
    expect(checkDigestLink(newer, swapped, olderSha).status).toBe('broken');
  });
});

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { record, SAMPLE } from '../../../test/sampleRecords';
import { buildTokenBloom, mayContainAll, wordHashes } from '../../index/tokenBloom';
import { buildFileBloom } from './buildFileBloom';

/** A real record whose request holds a multi-line policy: `\n` sits right before a word. */
const real = record(SAMPLE.invictusTrail);
const withPolicy = {
  ...real,
  requestParameters: { policyDocument: '{\n"Statement":[]}\nevidencelocker' },
};
const has = (bloom: Uint32Array | undefined, word: string) =>
  bloom !== undefined && mayContainAll(bloom, wordHashes(word, false, false));

describe('buildFileBloom', () => {
  it('finds words of records carried as JSON strings (lookup-events), past escapes', async () => {
    const file = JSON.stringify({ Events: [{ CloudTrailEvent: JSON.stringify(withPolicy) }] });
    const bloom = await buildFileBloom(new Uint8Array(Buffer.from(file)));
    expect(has(bloom, 'evidencelocker')).toBe(true);
    expect(has(bloom, String(real['eventName']))).toBe(true);
    // Scanned as is, the doubly escaped `\\n` would have glued an "n" to the word.
    expect(has(buildTokenBloom(new Uint8Array(Buffer.from(file))), 'evidencelocker')).toBe(false);
  });

  it('reads through every gzip layer', async () => {
    const file = gzipSync(gzipSync(JSON.stringify([withPolicy])));
    const bloom = await buildFileBloom(new Uint8Array(file));
    expect(has(bloom, 'evidencelocker')).toBe(true);
  });

  it('scans a trail file as is', async () => {
    const bloom = await buildFileBloom(
      new Uint8Array(gzipSync(JSON.stringify({ Records: [withPolicy] }))),
    );
    expect(has(bloom, 'evidencelocker')).toBe(true);
  });
});

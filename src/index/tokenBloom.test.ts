import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { buildTokenBloom, mayContainAll, wordHashes } from './tokenBloom';

const files = fixtureInputs()
  .map((i) => i.path)
  .filter((p) => p.includes('/CloudTrail/') && !p.includes('Truncated'))
  .map((p) => gunzipSync(readFileSync(join(FIXTURES, p))));

/** Every word of every key and scalar value of a parsed file, found independently with a regex. */
function wordsOf(json: Buffer): string[] {
  const words = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        visit(k);
        visit(child);
      }
    } else {
      for (const w of String(v)
        .toLowerCase()
        .match(/[a-z0-9\u0080-\uffff]+/g) ?? [])
        words.add(w);
    }
  };
  visit(JSON.parse(json.toString('utf8')));
  return [...words];
}

/** Every string value, whole (pairs of words inside it must be found too). */
function valuesOf(json: Buffer): string[] {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
    else if (typeof v === 'string' && v.length < 200) out.add(v);
  };
  visit(JSON.parse(json.toString('utf8')));
  return [...out];
}

describe('token Bloom filters', () => {
  it('never rules out a word, or a value, that is in the file (real trail files)', () => {
    let checked = 0;
    for (const json of files) {
      const bloom = buildTokenBloom(json);
      for (const word of [...wordsOf(json), ...valuesOf(json)]) {
        expect(mayContainAll(bloom, wordHashes(word, false, false)), word).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('rules out most words that are not in the file', () => {
    const json = files[0] ?? Buffer.alloc(0);
    const bloom = buildTokenBloom(json);
    let maybe = 0;
    for (let i = 0; i < 2000; i++) {
      if (mayContainAll(bloom, wordHashes(`absentword${String(i)}x`, false, false))) maybe++;
    }
    expect(maybe / 2000).toBeLessThan(0.12);
  });

  it('reads JSON escapes as the characters they stand for', () => {
    const bloom = buildTokenBloom(
      Buffer.from('{"a":"role\\/Admin\\u0041dmin","b":"line\\nbreak"}'),
    );
    for (const w of ['role', 'adminadmin', 'line', 'break']) {
      expect(mayContainAll(bloom, wordHashes(w, false, false)), w).toBe(true);
    }
  });

  it('checks only whole ASCII words of a needle', () => {
    // Whole words, and each pair of whole words one separator apart.
    expect(wordHashes('prod-invoices', false, false)).toHaveLength(3);
    expect(wordHashes('prod-invoices', true, false)).toHaveLength(1);
    expect(wordHashes('prod-invoices', true, true)).toHaveLength(0);
    expect(wordHashes('/admin', true, false)).toHaveLength(1);
    expect(wordHashes('café bar', false, false)).toHaveLength(1);
    expect(wordHashes('a  b', false, false)).toHaveLength(2);
    expect(new Set(wordHashes('10.8.8.10', false, false)).size).toBe(5);
  });
});

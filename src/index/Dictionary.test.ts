import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seededRandom';
import { BLOCK_BYTES, CACHED_CODES, Dictionary } from './Dictionary';

/** Values as a trail has them: a few repeated names, many near-unique keys, some non-ASCII. */
function values(n: number): string[] {
  const random = seededRandom(7);
  return Array.from({ length: n }, (_, i) => {
    const r = random();
    if (r < 0.3) return `GetObject${i % 20}`;
    if (r < 0.35) return `ユーザー-${i % 500}-é`;
    if (r < 0.37) return `bucket-é/${i}`; // non-ASCII, unique
    if (r < 0.4) return `${'x'.repeat(1000)}${i % 5000}`; // long
    return `ASIA${i.toString(36).toUpperCase().padStart(16, '0')}`;
  });
}

describe('Dictionary', { timeout: 30_000 }, () => {
  it('gives the codes a plain Map would, past the cached codes and across blocks, and after a reload', () => {
    const dict = new Dictionary();
    const reference = new Map<string, number>([['', 0]]);
    const input = values(200_000);
    const codes = input.map((v) => dict.intern(v));
    for (const v of input) if (!reference.has(v)) reference.set(v, reference.size);
    expect(codes).toEqual(input.map((v) => reference.get(v)));
    expect(dict.size).toBe(reference.size);
    expect(dict.size).toBeGreaterThan(CACHED_CODES);
    const blocks = dict.storedBlocks();
    expect(blocks.length).toBeGreaterThan(1);
    expect(Math.max(...blocks.map((b) => b.bytes.byteLength))).toBeLessThanOrEqual(BLOCK_BYTES);

    const reloaded = new Dictionary(structuredClone(blocks));
    const entries = [...reference];
    expect(entries.map(([, code]) => reloaded.get(code))).toEqual(entries.map(([v]) => v));
    expect(entries.map(([v]) => reloaded.find(v))).toEqual(entries.map(([, code]) => code));
    const all: string[] = [];
    reloaded.forEach((v) => all.push(v));
    expect(all).toEqual(entries.map(([v]) => v));
    expect(reloaded.find('ASIA-not-there')).toBe(-1);
    expect(reloaded.get(reference.size)).toBe('');
    // Appends continue where the stored blocks end.
    expect(reloaded.intern('new-after-reload')).toBe(reference.size);
    expect(reloaded.find('new-after-reload')).toBe(reference.size);
  });
});

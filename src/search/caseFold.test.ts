import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/seededRandom';
import { CACHED_CODES, Dictionary } from '../index/Dictionary';
import { caseFold } from './caseFold';

/** Values with case variants of one another, non-ASCII ones and more than the cached codes. */
function values(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  const vary = (s: string) =>
    Array.from(s, (c) => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
  return Array.from({ length: n }, (_, i) => {
    const r = random();
    if (r < 0.3) return vary(`arn:aws:iam::111122223333:user/alice-${i % 50}`);
    if (r < 0.35) return vary(`İstanbul-ß-${i % 40}`);
    return vary(`ASIA${i.toString(36).padStart(12, '0')}`);
  });
}

/** The fold a plain Map of lower-cased values gives: the first code of each. */
function plainFold(dict: Dictionary): number[] {
  const first = new Map<string, number>();
  const out: number[] = [];
  for (let code = 0; code < dict.size; code++) {
    const v = dict.get(code);
    const key = v.toLowerCase();
    if (code === 0 || v === '') out.push(0);
    else {
      if (!first.has(key)) first.set(key, code);
      out.push(first.get(key) ?? -1);
    }
  }
  return out;
}

describe('caseFold', { timeout: 30_000 }, () => {
  it('folds as a plain Map of lower-cased values would, and keeps up as the dictionary grows', () => {
    const dict = new Dictionary();
    for (const v of values(40_000, 1)) dict.intern(v);
    expect([...caseFold(dict, 'userName').fold]).toEqual(plainFold(dict));
    for (const v of values(60_000, 2)) dict.intern(v);
    expect(dict.size).toBeGreaterThan(CACHED_CODES);
    const { fold, find } = caseFold(dict, 'userName');
    const plain = plainFold(dict);
    expect([...fold]).toEqual(plain);
    expect(new Set(plain).size).toBeLessThan(dict.size);
    for (const code of [1, 5, 777, CACHED_CODES + 3, dict.size - 1]) {
      const v = dict.get(code);
      expect(find(v.toUpperCase())).toBe(plain[code]);
      expect(find(v.toLowerCase())).toBe(plain[code]);
    }
    expect(find('no such value')).toBe(-1);
    expect(find('')).toBe(-1);
  });

  it('folds the spellings of one address in sourceIPAddress', () => {
    const dict = new Dictionary();
    const codes = [
      '::1',
      '0:0::1',
      '10.1.2.3',
      '::ffff:10.1.2.3',
      'AWS Internal',
      'aws internal',
    ].map((v) => dict.intern(v));
    const { fold } = caseFold(dict, 'sourceIPAddress');
    expect(codes.map((c) => fold[c])).toEqual([1, 1, 3, 3, 5, 5]);
  });
});

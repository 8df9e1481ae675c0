import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The hostile corpus (scripts/makeHostileFixtures.js): a trail file of attacking records and a file
 * whose name holds a bidi override.
 */
export const HOSTILE = new URL('../fixtures-hostile/AWSLogs', import.meta.url).pathname;

/** The corpus's records, read with node:zlib and JSON.parse (which handles 10,000-deep nesting). */
export function hostileRecords(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.json.gz') || p.endsWith('.json')) {
        const bytes = readFileSync(p);
        const text = (p.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
        const parsed = JSON.parse(text) as {
          Records: Record<string, unknown>[];
        };
        out.push(...parsed.Records);
      }
    }
  };
  walk(HOSTILE);
  return out;
}

const WORD = /[A-Za-z0-9\u0080-\uffff]/;

/**
 * True when a key or scalar value of `record` holds `word` as a whole word (case-insensitive; word
 * characters as the app's free text defines them: ASCII letters and digits, everything past U+007F).
 * Walks with an explicit stack: records nest 10,000 deep.
 */
export function holdsWord(record: unknown, word: string): boolean {
  const re = new RegExp(`(?<!${WORD.source})${word}(?!${WORD.source})`, 'i');
  const stack: unknown[] = [record];
  for (let v = stack.pop(); v !== undefined || stack.length > 0; v = stack.pop()) {
    if (typeof v === 'string') {
      if (re.test(v)) return true;
    } else if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (re.test(k)) return true;
        stack.push(child);
      }
    } else if (re.test(String(v))) return true;
  }
  return false;
}

/**
 * Deep equality of two parsed JSON values, key order included, without recursion. Returns the path
 * of the first difference, or undefined when they are the same.
 */
export function firstDifference(a: unknown, b: unknown): string | undefined {
  const stack: [unknown, unknown, string][] = [[a, b, '']];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [x, y, path] = item;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return path;
      x.forEach((v, i) => stack.push([v, y[i], `${path}[${i}]`]));
    } else if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object') {
      const kx = Object.keys(x);
      const ky = Object.keys(y);
      if (kx.join('\u0000') !== ky.join('\u0000')) return `${path} (keys)`;
      for (const k of kx) {
        stack.push([
          (x as Record<string, unknown>)[k],
          (y as Record<string, unknown>)[k],
          `${path}.${k}`,
        ]);
      }
    } else if (!Object.is(x, y)) return path;
  }
  return undefined;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordsIn, SAMPLE } from '../../test/sampleRecords';
import { RecordSplitter } from './RecordSplitter';
import type { RecordPart } from './RecordSplitter';

const samples = new URL('../../test/fixtures/samples/', import.meta.url);
const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Feeds `bytes` in chunks of `size` and returns every part. */
function split(bytes: Uint8Array, size: number, partBytes: number) {
  const splitter = new RecordSplitter(partBytes);
  const parts: RecordPart[] = [];
  let maxHeld = 0;
  for (let i = 0; i < bytes.length; i += size) {
    parts.push(...splitter.push(bytes.subarray(i, i + size)));
    maxHeld = Math.max(maxHeld, splitter.heldBytes);
  }
  parts.push(...splitter.end());
  return { parts, splitter, maxHeld };
}

/** The records a part reads as, whatever its layout. */
function recordsOf(part: RecordPart): unknown[] {
  const text = decode(part.bytes);
  if (part.layout === 'lines')
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l): unknown => JSON.parse(l));
  const value: unknown = JSON.parse(text);
  if (part.layout === 'array' && Array.isArray(value)) return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    'Records' in value &&
    Array.isArray(value.Records)
  )
    return value.Records;
  throw new Error(`not a ${part.layout}: ${text.slice(0, 40)}`);
}

describe('RecordSplitter', () => {
  it('cuts a real trail file into parts that read back as exactly its records, verbatim', () => {
    const raw = readFileSync(new URL(SAMPLE.invictusTrail, samples));
    const original = recordsIn(SAMPLE.invictusTrail);
    const { parts, splitter, maxHeld } = split(raw, 997, 8_000);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => p.layout === 'envelope')).toBe(true);
    expect(parts.flatMap(recordsOf)).toEqual(original);
    expect(parts.reduce((n, p) => n + p.records, 0)).toBe(original.length);
    expect(splitter.records).toBe(original.length);
    expect(splitter.truncated).toBe(false);
    // Between the wrappers, each part is the file's own bytes.
    const text = decode(raw);
    for (const p of parts) expect(text).toContain(decode(p.bytes).slice(12, -2));
    // Only the pending part is held, never the file.
    expect(maxHeld).toBeLessThan(
      8_000 + 2 * 997 + Math.max(...original.map((r) => JSON.stringify(r).length)) * 2,
    );
  });

  it('is not fooled by structure inside strings, escapes, or a chunk boundary anywhere', () => {
    const records = [
      { eventName: 'A', userAgent: 'x "Records":[{"a":1}] \\" } ] {' },
      {
        eventName: 'B',
        requestParameters: { 'k"}]': '\\\\', nested: [[{}], { Records: [1, 2] }] },
      },
      { eventName: 'C', note: 'ends with a backslash \\' },
    ];
    const text = JSON.stringify({ eventVersion: '1', Records: records, other: { Records: [9] } });
    for (const size of [1, 2, 3, 7]) {
      const { parts } = split(encode(text), size, 1);
      expect(parts.flatMap(recordsOf)).toEqual(records);
      expect(parts).toHaveLength(3);
    }
  });

  it('reads JSON lines, a top-level array and envelopes one after another', () => {
    const records = recordsIn(SAMPLE.invictusTrail);
    const lines = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const array = JSON.stringify(records, null, 2);
    const two =
      JSON.stringify({ Records: records.slice(0, 5) }) +
      '\n' +
      JSON.stringify({ Records: records.slice(5) });
    for (const [text, layout] of [
      [lines, 'lines'],
      [array, 'array'],
      [two, 'envelope'],
    ] as const) {
      const { parts } = split(encode(text), 4096, 2_000);
      expect(parts.every((p) => p.layout === layout)).toBe(true);
      expect(parts.flatMap(recordsOf)).toEqual(records);
    }
    // The two envelopes are never joined in one part.
    const { parts } = split(encode(two), 1 << 20, 1 << 30);
    expect(parts.map((p) => p.records)).toEqual([5, records.length - 5]);
  });

  it('keeps every whole record of a file cut short, and says it was cut', () => {
    const raw = readFileSync(new URL(SAMPLE.invictusTrail, samples));
    const original = recordsIn(SAMPLE.invictusTrail);
    const cut = raw.subarray(0, Math.floor(raw.length * 0.6));
    const { parts, splitter } = split(cut, 4096, 10_000);
    const got = parts.flatMap(recordsOf);
    expect(splitter.truncated).toBe(true);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(original.length);
    expect(got).toEqual(original.slice(0, got.length));
  });

  it('finds no records in an empty envelope or array', () => {
    for (const text of ['{"Records":[]}', '[ ]', '{"Records":[], "x": {"Records": 1}}']) {
      const { parts, splitter } = split(encode(text), 5, 10);
      expect(parts).toEqual([]);
      expect(splitter.records).toBe(0);
    }
  });
});

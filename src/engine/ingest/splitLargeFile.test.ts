import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { recordsIn, SAMPLE } from '../../../test/sampleRecords';
import { expandInputs } from './expandZip';
import type { ExpandedInput } from './expandZip';
import { parseLogFile } from './parseLogFile';

const records = recordsIn(SAMPLE.invictusTrail);
const sizes = { splitBytes: 20_000, partBytes: 15_000 };

async function expand(file: Blob, path = 'export/huge.json.gz') {
  let found = 0;
  const items: ExpandedInput[] = [];
  for await (const item of expandInputs([{ file, path }], {
    ...sizes,
    onFound: (n) => (found += n),
  }))
    items.push(item);
  return { items, found };
}

/** Events the normal parse reads from every part. */
async function eventsIn(items: readonly ExpandedInput[]) {
  let events = 0;
  for (const { input, problem } of items) {
    if (problem !== undefined) continue;
    const r = await parseLogFile(input);
    if (r.status !== 'log') throw new Error(`${input.path}: ${r.status}`);
    events += r.chunk.count;
  }
  return events;
}

describe('splitLargeFile (through expandInputs)', () => {
  it('cuts a gzipped trail file past the limit into parts that hold every record', async () => {
    const gz = gzipSync(JSON.stringify({ Records: records }));
    const { items, found } = await expand(new Blob([gz]));
    expect(items.length).toBeGreaterThan(2);
    expect(found).toBe(items.length - 1);
    expect(items.every((i) => i.problem === undefined)).toBe(true);
    expect(items[0]?.input.path).toMatch(/^export\/huge\.json\.gz \[part 1: [\d,]+ records\]$/);
    expect(items.reduce((n, i) => n + i.weight, 0)).toBe(gz.length);
    expect(await eventsIn(items)).toBe(records.length);
    const first = await parseLogFile(items[0]?.input ?? { file: new Blob([]), path: '' });
    expect(first.status === 'log' && first.shape).toBe('Records envelope');
  });

  it('reads plain JSON lines past the limit the same way', async () => {
    const text = records.map((r) => JSON.stringify(r)).join('\n');
    const { items } = await expand(new Blob([text]), 'huge.jsonl');
    expect(items.length).toBeGreaterThan(2);
    expect(await eventsIn(items)).toBe(records.length);
  });

  it('keeps the records before a break and reports the rest as failed', async () => {
    const gz = gzipSync(JSON.stringify({ Records: records }));
    const { items } = await expand(new Blob([gz.subarray(0, Math.floor(gz.length * 0.7))]));
    const failed = items.filter((i) => i.problem !== undefined);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.input.path).toBe('export/huge.json.gz [rest]');
    expect(failed[0]?.problem?.reason).toMatch(/whole records before that point were read/);
    const read = await eventsIn(items);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(records.length);
  });

  it('leaves files under the limit, and large text that is not JSON, whole', async () => {
    const small = new Blob([JSON.stringify({ Records: records.slice(0, 3) })]);
    expect((await expand(small)).items.map((i) => i.input.file)).toEqual([small]);
    const csv = new Blob(['eventTime,eventName\n'.repeat(5_000)]);
    expect((await expand(csv, 'a.csv')).items.map((i) => i.input.file)).toEqual([csv]);
  });
});

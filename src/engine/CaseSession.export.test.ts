import { closeSessions, freshSession } from '../../test/sessions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsIn, SAMPLE } from '../../test/sampleRecords';
import type { CaseSession } from './CaseSession';

// A real record with attacker-chosen strings where a spreadsheet would run them as formulas.
const base = recordsIn(SAMPLE.invictusTrail)[0] ?? {};
const PAYLOADS = [
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '-2+3',
];
const hostile = PAYLOADS.map((p, i) => ({
  ...base,
  eventID: `00000000-0000-4000-8000-00000000000${String(i)}`,
  eventName: p,
  userAgent: `agent, with "quotes"\nand a newline ${String(i)}`,
}));
const file = new Blob([JSON.stringify({ Records: hostile })]);

let engine: CaseSession;
beforeEach(async () => {
  engine = await freshSession();
  await engine.dataset.ingest([{ path: 'hostile.json', file }]);
});
afterEach(closeSessions);

async function exportAll(format: 'csv' | 'json' | 'jsonl', columns = COLUMNS): Promise<string> {
  const request = { q: '' };
  await engine.search.run(request);
  const job = engine.exports.start(request, 'asc', format, columns);
  if (job === undefined) throw new Error('no result');
  let text = '';
  for (
    let part = await engine.exports.next(job.id);
    part !== undefined;
    part = await engine.exports.next(job.id)
  ) {
    text += part;
  }
  return text;
}
const COLUMNS = [
  { id: 'eventName', header: 'Event name' },
  { id: 'userAgent', header: 'User agent' },
];

describe('export', () => {
  it('neutralises CSV formula injection and quotes every special character', async () => {
    const csv = await exportAll('csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Event name,User agent');
    for (const payload of PAYLOADS) {
      // Prefixed with a quote so spreadsheets show it as text, and quoted, quotes doubled.
      expect(csv).toContain(`"'${payload.replaceAll('"', '""')}",`);
    }
    expect(csv).toContain('"agent, with ""quotes""\nand a newline 0"');
  });

  it('writes CloudTrail-shaped JSON and JSON lines of the original records', async () => {
    const json = JSON.parse(await exportAll('json')) as { Records: unknown[] };
    expect(json.Records).toEqual(hostile);
    const lines = (await exportAll('jsonl')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(hostile);
  });
});

import { closeSessions, freshSession } from '../../test/sessions';
import { exportText } from '../../test/exportParts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFileBloom } from './ingest/buildFileBloom';
import type { CaseSession } from './CaseSession';
import { matchStoredRecords } from '../search/matchStoredRecords';

// The hostile corpus of the e2e suite (scripts/makeHostileFixtures.js): one trail file whose records
// hold a 1 MB string and 10,000-deep nesting, past where V8's JSON.stringify overflows the stack.
const DAY = new URL(
  '../../e2e/fixtures-hostile/AWSLogs/123837392027/CloudTrail/us-east-1/2026/01/15/',
  import.meta.url,
).pathname;
const name = readdirSync(DAY).find((f) => f.endsWith('.json.gz')) ?? '';
const bytes = readFileSync(join(DAY, name));
const text = gunzipSync(bytes).toString('utf8');
const records = (JSON.parse(text) as { Records: Record<string, unknown>[] }).Records;
const deepID = String(records.find((r) => r['hostileFixture'] === '10,000-deep nesting')?.eventID);

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession({
    bloom: buildFileBloom,
    match: matchStoredRecords,
  });
  await engine.dataset.ingest([{ path: `AWSLogs/${name}`, file: new Blob([bytes]) }]);
  await engine.wordsIndexed();
});
afterAll(closeSessions);

async function matches(q: string): Promise<number> {
  const status = await engine.search.run({ q });
  expect(status.error).toBeUndefined();
  expect(status.complete).toBe(true);
  return status.matchCount;
}

describe('hostile records', () => {
  it('are all indexed, and free text reaches 10,000 levels down', async () => {
    expect(records).toHaveLength(15);
    expect(await matches('')).toBe(15);
    expect(await matches('deepest')).toBe(1);
    expect(await matches('"deep array"')).toBe(1);
    expect(await matches('pwned')).toBeGreaterThanOrEqual(5);
  });

  it('answer path queries on the records after a 10,000-deep one, and on the deep one itself', async () => {
    const deepAt = records.findIndex((r) => String(r['eventID']) === deepID);
    expect(deepAt).toBeGreaterThanOrEqual(0);
    expect(deepAt).toBeLessThan(records.length - 1);
    // The leaf at `requestParameters` is the 10,000-deep container itself in the deep record.
    expect(await matches('requestParameters:*')).toBe(records.length);
    expect(await matches('requestParameters.deep:*hostileLeaf*')).toBe(1);
    expect(await matches('responseElements.arr:*array*')).toBe(1);
    const later = records.slice(deepAt + 1).map((r) => String(r['eventID']));
    const q = `requestParameters:* eventID:${later.join(',')}`;
    expect(await matches(q)).toBe(later.length);
  });

  it('show the deep record as JSON that parses back, indented only near the top', async () => {
    expect(() => JSON.stringify(records)).toThrow(RangeError);
    await engine.search.run({ q: `eventID:${deepID}` });
    const [row] = engine.search.rows(
      { q: `eventID:${deepID}` },
      { offset: 0, limit: 1, order: 'desc' },
    );
    const detail = await engine.events.detail(row?.row ?? -1);
    expect(detail?.recordJson.startsWith('{\n  "eventVersion": "1.08",')).toBe(true);
    expect(detail?.recordJson.length).toBeLessThan(200_000);
    expect(detail?.recordJson).toContain('{"hostileLeaf":"deepest level reached"}');
  });

  it('export as JSON lines with the original text of every record', async () => {
    const out = await exportText(engine, '', 'jsonl');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(15);
    // The fixture was written compact, so each line is a verbatim slice of it.
    for (const line of lines) expect(text.includes(line)).toBe(true);
  });
});

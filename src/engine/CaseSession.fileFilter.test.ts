import { closeSessions, freshSession, openSession } from '../../test/sessions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctEventIds, FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import type { CaseSession } from './CaseSession';

const DAY = 'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/';
const COPIED = `${DAY}218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json.gz`;

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
});
afterAll(closeSessions);

describe('a file: result', () => {
  it('follows new files even when they add no event, and Clear data', async () => {
    await engine.dataset.ingest(fixtureInputs().filter((i) => i.path.startsWith(DAY)));
    const q = 'file:copies/*';
    expect((await engine.search.run({ q })).matchCount).toBe(0);
    // Only re-deliveries: the index does not grow, the files do.
    const copy = gunzipSync(readFileSync(join(FIXTURES, COPIED)));
    const reports = await engine.dataset.ingest([
      { path: 'copies/one.json', file: new Blob([copy]) },
    ]);
    expect(reports[0]?.added).toBe(0);
    const expected = distinctEventIds([COPIED]).size;
    expect(expected).toBeGreaterThan(0);
    expect((await engine.search.run({ q })).matchCount).toBe(expected);
    expect(engine.search.count({ q })).toBe(expected);
    await engine.wipe();
    const cleared = await openSession();
    expect((await cleared.search.run({ q })).matchCount).toBe(0);
    expect(cleared.files.sourcesTree().roots).toEqual([]);
  });
});

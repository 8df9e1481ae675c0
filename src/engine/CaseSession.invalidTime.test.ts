import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportText } from '../../test/exportParts';
import { closeSessions, freshSession } from '../../test/sessions';
import { tinyLogFiles } from '../../test/tinyLogFiles';
import { ROW_FLAG } from '../index/types';
import type { CaseSession } from './CaseSession';

// One file of four records: two with real times, one with a day that does not exist (V8's Date.parse
// rolls 2023-02-30 over to 2 March) and one with a time that is not a time at all.
const [file] = tinyLogFiles(1, 4);
const IMPOSSIBLE = '00000000-0000-4000-8000-000000000001';
const GARBAGE = '00000000-0000-4000-8000-000000000002';

let engine: CaseSession;
beforeAll(async () => {
  const { Records } = JSON.parse(await (file?.file ?? new Blob()).text()) as {
    Records: Record<string, unknown>[];
  };
  const records = Records.map((r) =>
    r['eventID'] === IMPOSSIBLE
      ? { ...r, eventTime: '2023-02-30T10:00:00Z', tamperNote: 'impossible day' }
      : r['eventID'] === GARBAGE
        ? { ...r, eventTime: 'not a time', tamperNote: 'no time at all' }
        : r,
  );
  engine = await freshSession();
  await engine.dataset.ingest([
    { path: file?.path ?? 'x.json', file: new Blob([JSON.stringify({ Records: records })]) },
  ]);
});
afterAll(closeSessions);

describe('a record whose eventTime does not exist', () => {
  it('is listed, flagged as an invalid time, and never read as a plausible one', async () => {
    const all = { q: '' };
    await engine.search.run(all);
    const rows = engine.search.rows(all, { offset: 0, limit: 10, order: 'asc' });
    expect(rows).toHaveLength(4);
    const flagged = rows.filter((r) => (r.flags & ROW_FLAG.invalidTime) !== 0);
    expect(flagged.map((r) => r.eventID).sort()).toEqual([IMPOSSIBLE, GARBAGE]);
    const march = Date.UTC(2023, 2, 2, 10);
    expect(rows.some((r) => r.eventTime === march)).toBe(false);
    // The case's time span is the valid times only, not stretched back to 1970.
    const valid = rows.filter((r) => (r.flags & ROW_FLAG.invalidTime) === 0);
    expect(engine.dataset.info().minTime).toBe(Math.min(...valid.map((r) => r.eventTime)));
    expect(engine.dataset.info().eventCount).toBe(4);
  });

  it('is found by free text and by path queries', async () => {
    const q = async (text: string) => (await engine.search.run({ q: text })).matchCount;
    expect(await q('"impossible day"')).toBe(1);
    expect(await q('tamperNote:*')).toBe(2);
    expect(await q(`eventID:${GARBAGE}`)).toBe(1);
  });

  it('exports as "invalid time", not as 1970', async () => {
    const out = await exportText(engine, 'tamperNote:*', 'csv', [
      { id: 'eventTime', header: 'eventTime' },
      { id: 'eventID', header: 'eventID' },
    ]);
    expect(out).toContain(`invalid time,${IMPOSSIBLE}`);
    expect(out).not.toContain('1970');
  });
});

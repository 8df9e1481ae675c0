import { closeSessions, openSession } from '../../../test/sessions';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../../test/fixtureFiles';
import { encodeChunkBlob } from '../../../test/legacyChunkBlob';
import { failSegmentWrites } from '../../../test/segments';
import { openCairnDb } from '../../db/cairnDb';
import { DB_NAME } from '../../db/schema';
import type { CaseSession } from '../CaseSession';
import { parseLogFile } from './parseLogFile';
import type { InputFile, ParseFn } from './types';

const ALL = { q: '' };
const inputs = fixtureInputs();
const logs = inputs.filter((i) => i.path.includes('/CloudTrail/') && !i.path.includes('Truncated'));
/** The re-delivered copies of us-east-1 events live in us-west-2: the second half collides. */
const [east, west] = [
  inputs.filter((i) => !i.path.includes('us-west-2')),
  inputs.filter((i) => i.path.includes('us-west-2')),
];

function engine(parse: ParseFn = parseLogFile, onReplay?: (d: number, t: number) => void) {
  return openSession({ parse, ...(onReplay === undefined ? {} : { onReplay }) });
}

/** What a user sees of the index: every row in time order, its flags and its sources. */
async function view(e: CaseSession) {
  await e.dataset.settled();
  const rows = e.search.rows(ALL, { offset: 0, limit: 100_000, order: 'desc' });
  const sources = await Promise.all(
    rows.map(async (r) => (await e.events.detail(r.row))?.sources.map((s) => s.path)),
  );
  // Left out: indexBytes (the eventID lookup table is built only when a run needs it) and whether
  // the index is stored (not what a user sees of the events).
  const dataset = { ...e.dataset.info(), indexBytes: 0, indexSaved: '', indexSaveError: '' };
  return { dataset, rows, sources };
}

function record(name: string): InputFile {
  const rec = {
    eventTime: '2024-01-01T00:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: name,
    eventID: '11111111-2222-3333-4444-555555555555',
  };
  return { path: `${name}.json`, file: new Blob([JSON.stringify({ Records: [rec] })]) };
}

// Each test ingests the fixture folder and reopens the engine twice or more: seconds, not milliseconds.
describe(
  'replayStoredFiles: files stored after the snapshot, parsed again at load',
  { timeout: 30_000 },
  () => {
    beforeEach(async () => {
      await deleteDB(DB_NAME);
    });
    afterEach(closeSessions);

    it('rebuilds exactly the rows, re-deliveries and conflicts the ingest made', async () => {
      const live = await engine();
      await live.dataset.ingest([...east, record('GetObject')]);
      await live.dataset.settled();
      // The second run's index cannot be stored (too big to clone): its files are the truth.
      const restore = failSegmentWrites('DataCloneError');
      await live.dataset.ingest([...west, record('DeleteObject')]);
      await live.dataset.settled();
      restore();
      expect(live.dataset.info()).toMatchObject({ indexSaved: 'failed' });
      expect(live.dataset.info().indexSaveError).toMatch(/DataCloneError/);
      const expected = await view(live);
      expect(expected.rows.filter((r) => (r.flags & 2) !== 0).length).toBeGreaterThan(0);
      expect(expected.rows.filter((r) => (r.flags & 1) !== 0)).toHaveLength(2);
      live.close();

      // Reopened: the second run must come back from its files.
      const reparsed: string[] = [];
      const counting: ParseFn = (input) => {
        reparsed.push(input.path);
        return parseLogFile(input);
      };
      const progress: [number, number][] = [];
      const reopened = await engine(counting, (done, total) => progress.push([done, total]));
      expect(await view(reopened)).toEqual(expected);
      // The page is told how far it is: from none to all of the files to parse again, one at a time.
      const total = west.filter((i) => logs.includes(i)).length + 1;
      expect(progress).toEqual(Array.from({ length: total + 1 }, (_, i) => [i, total]));
      expect(reparsed.sort()).toEqual(
        [...west.filter((i) => logs.includes(i)), record('DeleteObject')].map((i) => i.path).sort(),
      );
      // It stored the index, so the next load parses nothing.
      reopened.close();
      reparsed.length = 0;
      progress.length = 0;
      const again = await engine(counting, (done, t) => progress.push([done, t]));
      expect(await view(again)).toEqual(expected);
      expect(reparsed).toEqual([]);
      expect(progress).toEqual([]);
    });

    it('uses the chunks an older version stored, and leaves out a file it cannot read', async () => {
      const live = await engine();
      await live.dataset.ingest(logs);
      await live.dataset.settled();
      const expected = await view(live);
      live.close();

      const db = await openCairnDb();
      const [first, second] = (await db.getAll('files')).filter((f) => f.kind === 'log');
      if (first === undefined || second === undefined) throw new Error('two stored log files');
      await db.delete('meta', 'index');
      // The first file as an older version stored it, with its chunk.
      const stored = await db.get('fileBytes', first.fileId);
      if (!(stored instanceof Blob)) throw new Error('stored bytes are a Blob');
      const parsed = await parseLogFile({ path: first.path, file: stored });
      if (parsed.status !== 'log') throw new Error('the first fixture is a log file');
      const none = { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) };
      await db.put('chunks', { chunk: encodeChunkBlob(parsed.chunk), outcome: none }, first.fileId);
      // The second one's stored bytes are lost: its events cannot come back, the others must.
      await db.delete('fileBytes', second.fileId);
      db.close();

      const reparsed: string[] = [];
      const reopened = await engine((input) => {
        reparsed.push(input.path);
        return parseLogFile(input);
      });
      expect(reparsed).not.toContain(first.path);
      expect(reparsed).not.toContain(second.path);
      expect(reparsed).toHaveLength(logs.length - 2);
      const lost = new Set(await eventIdsOf(second.path));
      expect(lost.size).toBeGreaterThan(0);
      const ids = reopened.search
        .rows(ALL, { offset: 0, limit: 100_000, order: 'desc' })
        .map((r) => r.eventID);
      expect(ids).toEqual(expected.rows.map((r) => r.eventID).filter((id) => !lost.has(id)));
    });
  },
);

/** The eventIDs in a fixture file, read independently of the index. */
async function eventIdsOf(path: string): Promise<string[]> {
  const input = inputs.find((i) => i.path === path);
  if (input === undefined) return [];
  const { gunzipSync } = await import('node:zlib');
  const raw = new Uint8Array(await input.file.arrayBuffer());
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : Buffer.from(raw)).toString();
  const parsed: unknown = JSON.parse(text);
  const records =
    typeof parsed === 'object' &&
    parsed !== null &&
    'Records' in parsed &&
    Array.isArray(parsed.Records)
      ? (parsed.Records as unknown[])
      : [];
  return records.flatMap((r) =>
    typeof r === 'object' && r !== null && 'eventID' in r && typeof r.eventID === 'string'
      ? [r.eventID]
      : [],
  );
}

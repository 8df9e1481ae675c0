import { closeSessions, freshSession } from '../../test/sessions';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { fixtureBytes, overlappingZip, zipFolder, ZIPS } from '../../test/zipFolder';
import { openCairnDb } from '../db/cairnDb';
import { EventIndex } from '../index/EventIndex';
import { RecordReader } from '../db/RecordReader';
import { DB_NAME } from '../db/schema';
import { ingestFiles } from './ingest/ingestFiles';
import { parseLogFile } from './ingest/parseLogFile';
import type { IngestProgress, InputFile, ParseFn } from './ingest/types';

/** The e2e AWSLogs folder (logs, a re-delivery, a truncated file, a digest, a note), and a zip of it. */
const AWSLOGS = `${FIXTURES}AWSLogs`;
const folder = fixtureInputs(AWSLOGS);
const zipInput = { path: 'evidence.zip', file: new Blob([zipFolder(AWSLOGS, FIXTURES)]) };

// Every test starts from an empty database, so each runs alone or in any order the same.
beforeEach(() => deleteDB(DB_NAME));
afterEach(closeSessions);

describe('a dropped zip archive', () => {
  it('ingests exactly as its folder: events, digests, every file report, stored bytes', async () => {
    const fromFolder = await freshSession();
    const folderReports = await fromFolder.dataset.ingest(folder);
    const folderFiles = await fromFolder.files.list();
    const folderDataset = fromFolder.dataset.info();
    fromFolder.close();

    const fromZip = await freshSession();
    const zipReports = await fromZip.dataset.ingest([zipInput]);
    expect(fromZip.dataset.info()).toMatchObject({
      eventCount: folderDataset.eventCount,
      logFiles: folderDataset.logFiles,
      digestFiles: 1,
    });
    expect(folderDataset.eventCount).toBeGreaterThan(0);
    expect(zipReports).toEqual(
      folderReports.map((r) => ({ ...r, path: `evidence.zip/${r.path}` })),
    );
    // Each entry's original bytes are stored (gzip stays gzip): the same SHA-256 and size per path.
    const stored = (await fromZip.files.list()).map((f) => [f.path, f.sha256, f.size, f.gzip]);
    expect(stored).toEqual(
      folderFiles.map((f) => [`evidence.zip/${f.path}`, f.sha256, f.size, f.gzip]),
    );
  });

  it('fails alone when corrupt; an encrypted archive fails entry by entry', async () => {
    const engine = await freshSession();
    const whole = zipFolder(AWSLOGS, FIXTURES);
    const reports = await engine.dataset.ingest([
      { path: 'cut.zip', file: new Blob([whole.slice(0, whole.length - 100)]) },
      { path: 'enc.zip', file: new Blob([fixtureBytes(`${ZIPS}cloud-snitch-encrypted.zip`)]) },
      zipInput,
    ]);
    expect(
      reports.slice(0, 3).map((r) => [r.path.replace(/\/AWSLogs\/.*\//, '/…/'), r.status]),
    ).toEqual([
      ['cut.zip', 'failed'],
      [
        'enc.zip/…/333333333333_CloudTrail_us-east-1_20250306T0320Z_ZgdYr0lP8M9fWEH8.json.gz',
        'failed',
      ],
      [
        'enc.zip/…/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
        'failed',
      ],
    ]);
    expect(reports[0]?.reason).toMatch(/^Corrupt zip archive: /);
    expect(reports[1]).toMatchObject({
      size: 672,
      reason: expect.stringMatching(/encrypted/) as string,
    });
    expect(reports.filter((r) => r.status === 'ingested').length).toBeGreaterThan(30);
  });

  it('refuses a zip bomb as one failed file, keeping what was ingested before and after', async () => {
    const engine = await freshSession();
    const log = new Uint8Array(await (folder[0]?.file ?? new Blob()).arrayBuffer());
    const bomb = overlappingZip(['a.json.gz', 'b.json.gz', 'c.json.gz'], log);
    const before = folder.slice(0, 1);
    const reports = await engine.dataset.ingest([
      ...before,
      { path: 'bomb.zip', file: new Blob([bomb]) },
      ...folder.slice(1),
    ]);
    const refused = reports.find((r) => r.path === 'bomb.zip');
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused?.reason).toMatch(
      /^Zip archive refused: entries "a.json.gz" and "b.json.gz" overlap/,
    );
    expect(reports.filter((r) => r.path.startsWith('bomb.zip/'))).toEqual([]);
    // Every file of the folder, before the bomb and after, is stored as if it were not there.
    const eventCount = engine.dataset.info().eventCount;
    engine.close();
    const alone = await freshSession();
    const folderReports = await alone.dataset.ingest(folder);
    expect(reports.filter((r) => r.path !== 'bomb.zip')).toEqual(folderReports);
    expect(eventCount).toBe(alone.dataset.info().eventCount);
  });

  it('opens an archive its parse found, in place, even one named like a log file', async () => {
    const fromFolder = await freshSession();
    const folderReports = await fromFolder.dataset.ingest(folder);
    fromFolder.close();
    const [before, after] = fixtureInputs().filter((i) => !i.path.startsWith('AWSLogs/')) as [
      InputFile,
      InputFile,
    ];
    const engine = await freshSession();
    // `after` is pulled and parsing before the archive opens: it must still come after its files.
    const reports = await engine.dataset.ingest([
      before,
      { path: 'renamed.json.gz', file: zipInput.file },
      after,
    ]);
    expect(reports.map((r) => r.path)).toEqual([
      before.path,
      ...folder.map((f) => `renamed.json.gz/${f.path}`),
      after.path,
    ]);
    expect(reports.slice(1, -1)).toEqual(
      folderReports.map((r) => ({ ...r, path: `renamed.json.gz/${r.path}` })),
    );
  });
});

describe('ingestFiles over a zip', () => {
  it('reports progress that only moves forward and ends complete, totals grown by the entries', async () => {
    const db = await openCairnDb();
    const seen: IngestProgress[] = [];
    const outcome = await ingestFiles({
      inputs: [zipInput, folder[0] ?? zipInput],
      db,
      index: new EventIndex(),
      reader: new RecordReader(db),
      parse: parseLogFile,
      knownFiles: new Map(),
      firstFileId: 1,
      lookahead: 2,
      onProgress: (p) => seen.push(p),
    });
    const last = seen.at(-1);
    expect(last).toMatchObject({
      filesDone: outcome.reports.length,
      filesTotal: folder.length + 1,
      bytesDone: zipInput.file.size + (folder[0]?.file.size ?? 0),
      bytesTotal: zipInput.file.size + (folder[0]?.file.size ?? 0),
    });
    for (const [a, b] of seen.slice(1).map((p, i) => [seen[i], p] as const)) {
      expect(b.bytesDone).toBeGreaterThanOrEqual(a?.bytesDone ?? 0);
    }
    db.close();
  });

  it('on cancel, lists the entries not read under their archive paths', async () => {
    const db = await openCairnDb();
    let cancelled = false;
    const parse: ParseFn = async (input) => {
      const result = await parseLogFile(input);
      cancelled = true;
      return result;
    };
    const outcome = await ingestFiles({
      inputs: [zipInput],
      db,
      index: new EventIndex(),
      reader: new RecordReader(db),
      parse,
      knownFiles: new Map(),
      firstFileId: 1,
      lookahead: 1,
      isCancelled: () => cancelled,
    });
    const statuses = outcome.reports.map((r) => r.status);
    expect(statuses.length).toBe(folder.length);
    expect(statuses[0]).not.toBe('cancelled');
    expect(statuses.slice(1).every((s) => s === 'cancelled')).toBe(true);
    expect(outcome.reports.map((r) => r.path)).toEqual(folder.map((f) => `evidence.zip/${f.path}`));
    db.close();
  });
});

import { closeSessions, freshSession, openSession } from '../../test/sessions';
import { deleteDB } from 'idb';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsWithoutEventId } from '../../test/annotationFixture';
import { FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { readZipDirectory } from '../lib/readZipDirectory';
import { DB_NAME } from '../db/schema';
import type { CaseSession } from './CaseSession';
import { readCaseBundle } from './bundle/readCaseBundle';

/** Real trail files and a digest of the e2e fixtures (invictus-aws, LICENSE beside them). */
const inputs = [...fixtureInputs(`${FIXTURES}AWSLogs`), recordsWithoutEventId(3)];
const VIEW = '?q=tag%3Aphishing&range=all&order=asc';

async function bundleOf(engine: CaseSession, includeFiles: boolean): Promise<Blob> {
  const { id } = await engine.bundles.start({ caseName: 'Incident 42', view: VIEW, includeFiles });
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let p = await engine.bundles.next(id); p !== undefined; p = await engine.bundles.next(id)) {
    for (const chunk of p) parts.push(new Uint8Array(chunk));
  }
  return new Blob(parts, { type: 'application/zip' });
}

async function count(engine: CaseSession, q: string) {
  return (await engine.search.run({ q })).matchCount;
}

/** A case with 2 tagged events, a bookmark, a note, and an event without eventID tagged. */
async function annotatedCase() {
  const engine = await freshSession();
  await engine.dataset.ingest(inputs);
  const rows = engine.search.rows({ q: '' }, { offset: 0, limit: 4, order: 'desc' });
  const noId = engine.search
    .rows({ q: '' }, { offset: 0, limit: 100_000, order: 'asc' })
    .find((r) => r.eventID === '');
  if (rows.length < 2 || noId === undefined) throw new Error('fixture too small');
  await engine.notes.annotate(rows[0]?.row ?? 0, { bookmarked: true, note: 'First sign' });
  await engine.notes.annotate(rows[1]?.row ?? 0, { tags: ['phishing'] });
  await engine.notes.annotate(noId.row, { tags: ['phishing', 'no-id'] });
  return engine;
}

describe('case bundles', () => {
  beforeEach(() => deleteDB(DB_NAME));
  afterEach(closeSessions);

  it('round-trips files, annotations and the view into an empty case', async () => {
    const source = await annotatedCase();
    const events = source.dataset.info().eventCount;
    const annotations = source.notes.all();
    const files = await source.files.list();
    const size = await source.bundles.size();
    expect(size).toEqual({
      files: files.length,
      bytes: files.reduce((s, f) => s + f.size, 0),
      annotations: 3,
    });
    const zip = await bundleOf(source, true);
    // One manifest, then one stored entry per file, each holding the exact original bytes.
    const entries = await readZipDirectory(zip);
    expect(entries[0]?.name).toBe('cairn-case.json');
    expect(entries.slice(1).map((e) => [e.name, e.method, e.size])).toEqual(
      files.map((f) => [`files/${f.path}`, 0, f.size]),
    );
    const read = await readCaseBundle(zip);
    expect(await source.bundles.peek(zip)).toEqual(read.manifest);
    expect(read.manifest.files.map((f) => f.sha256)).toEqual(files.map((f) => f.sha256));
    expect(read.manifest).toMatchObject({ caseName: 'Incident 42', view: VIEW });
    source.close();

    const target = await freshSession();
    const result = await target.bundles.import(zip);
    expect(result).toMatchObject({
      caseName: 'Incident 42',
      view: VIEW,
      annotations: 3,
      annotationsWritten: 3,
      filesListed: files.length,
      filesIncluded: files.length,
      missing: [],
      altered: [],
      unreadable: [],
    });
    expect(target.dataset.info().eventCount).toBe(events);
    expect(target.notes.all()).toEqual(annotations);
    expect(await count(target, 'tag:phishing')).toBe(2);
    expect(await count(target, 'tag:no-id')).toBe(1);
    expect(await count(target, 'bookmarked:true')).toBe(1);
    expect((await target.files.list()).map((f) => [f.path, f.sha256])).toEqual(
      files.map((f) => [f.path, f.sha256]),
    );
  });

  it('without files: lists the missing ones; dropping them shows the annotated events', async () => {
    const source = await annotatedCase();
    const zip = await bundleOf(source, false);
    expect((await readZipDirectory(zip)).map((e) => e.name)).toEqual(['cairn-case.json']);
    const listed = (await source.files.list()).length;
    source.close();

    const target = await freshSession();
    const result = await target.bundles.import(zip);
    expect(result.filesIncluded).toBe(0);
    expect(result.missing).toHaveLength(listed);
    expect(await count(target, 'tag:phishing')).toBe(0);
    await target.dataset.ingest(inputs);
    expect(await count(target, 'tag:phishing')).toBe(2);
    expect(await count(target, 'bookmarked:true')).toBe(1);
  });

  it('importing into the same case merges: the newer annotation wins, files are duplicates', async () => {
    const engine = await annotatedCase();
    const zip = await bundleOf(engine, true);
    const [first] = engine.search.rows(
      { q: 'bookmarked:true' },
      { offset: 0, limit: 1, order: 'asc' },
    );
    await engine.notes.annotate(first?.row ?? 0, { note: 'Edited after the export' });
    const result = await engine.bundles.import(zip);
    expect(result.annotationsWritten).toBe(0);
    expect(result.reports.every((r) => r.status === 'duplicate')).toBe(true);
    expect(engine.notes.of(first?.row ?? 0).annotation?.note).toBe('Edited after the export');
  });

  it('a re-packed bundle with a changed file imports the rest and names the altered one', async () => {
    const source = await annotatedCase();
    const events = source.dataset.info().eventCount;
    const zip = await bundleOf(source, true);
    source.close();
    const members = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const noIdEntry = 'files/exports/no-event-ids.json';
    const original = strFromU8(members[noIdEntry] ?? new Uint8Array());
    // Same records, one byte of whitespace more: another SHA-256 (deflated by zipSync this time).
    members[noIdEntry] = strToU8(`${original} `);
    const repacked = new Blob([zipSync(members)]);

    const target = await freshSession();
    const result = await target.bundles.import(repacked);
    expect(result.altered.map((f) => f.path)).toEqual(['exports/no-event-ids.json']);
    expect(result.missing).toEqual([]);
    expect(target.dataset.info().eventCount).toBe(events);
    // Its events are keyed by the listed SHA-256, which is not this file's: their marks do not apply.
    expect(await count(target, 'tag:no-id')).toBe(0);
    expect(await count(target, 'tag:phishing')).toBe(1);
    // The altered file keeps a mark in its stored record, after a reload too; the others have none.
    const listedSha = result.altered[0]?.sha256;
    target.close();
    const reopened = await openSession();
    const stored = await reopened.files.list();
    const marked = stored.filter((f) => f.bundleMismatch !== undefined);
    expect(marked.map((f) => f.path)).toEqual(['exports/no-event-ids.json']);
    expect(marked[0]?.sha256).not.toBe(listedSha);
    expect(marked[0]?.bundleMismatch).toMatchObject({
      listedSha256: listedSha,
      bundleCase: 'Incident 42',
    });
    const view = await reopened.files.fileView(marked[0]?.fileId ?? -1);
    expect(view?.meta.bundleMismatch?.listedSha256).toBe(listedSha);
  });

  it("clamps an annotation time later than the import, reports it, and keeps the case's own note", async () => {
    const engine = await annotatedCase();
    const zip = await bundleOf(engine, false);
    const members = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(members['cairn-case.json'] ?? new Uint8Array())) as {
      annotations: { note: string; updatedAt: number }[];
    };
    const FAR_FUTURE = 8.64e15; // 275760-09-13: the last time a Date holds.
    for (const a of manifest.annotations) {
      if (a.note === 'First sign') {
        a.note = 'Forged: nothing to see here';
        a.updatedAt = FAR_FUTURE;
      }
    }
    members['cairn-case.json'] = strToU8(JSON.stringify(manifest));
    const forged = new Blob([zipSync(members)]);
    const [first] = engine.search.rows(
      { q: 'bookmarked:true' },
      { offset: 0, limit: 1, order: 'asc' },
    );
    await engine.notes.annotate(first?.row ?? 0, { note: 'My own finding' });

    const before = Date.now();
    const result = await engine.bundles.import(forged);
    expect(result.annotationsClamped).toBe(1);
    expect(result.annotationsWritten).toBe(0);
    expect(engine.notes.of(first?.row ?? 0).annotation?.note).toBe('My own finding');

    // Into a case without that note, it is written, with the import's time, not the forged one.
    engine.close();
    const other = await freshSession();
    const imported = await other.bundles.import(forged);
    expect(imported.annotationsClamped).toBe(1);
    const note = other.notes.all().find((a) => a.note.startsWith('Forged'));
    expect(note?.updatedAt).toBeGreaterThanOrEqual(before);
    expect(note?.updatedAt).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a zip that is not a bundle, and a bundle whose manifest is invalid', async () => {
    const engine = await freshSession();
    const zip = (files: Record<string, string>) =>
      new Blob([
        zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))),
      ]);
    await expect(engine.bundles.import(zip({ 'notes.txt': 'hello' }))).rejects.toThrow(
      'Not a Cairn case bundle: the zip has no cairn-case.json',
    );
    await expect(engine.bundles.import(zip({ 'cairn-case.json': '{"format":' }))).rejects.toThrow(
      'cairn-case.json is not valid JSON',
    );
    const wrong = JSON.stringify({ format: 'cairn-case-bundle', version: 1, exportedAt: 'x' });
    await expect(engine.bundles.import(zip({ 'cairn-case.json': wrong }))).rejects.toThrow(
      'Invalid case bundle: exportedAt must be an ISO 8601 time',
    );
    await expect(engine.bundles.import(new Blob(['PK\x05\x06']))).rejects.toThrow(/truncated/);
    expect(engine.dataset.info().eventCount).toBe(0);
  });

  it('carries the case rule files and the hits marked benign, which survive the import', async () => {
    const source = await freshSession();
    await source.dataset.ingest(inputs);
    await source.settled();
    const ruleId = '6a1f1e5e-0000-4000-8000-00000000b0d1';
    const rule = `title: Any GetCallerIdentity
id: ${ruleId}
author: Bundle test
level: low
logsource:
  product: aws
  service: cloudtrail
detection:
  selection:
    eventName: GetCallerIdentity
  condition: selection
`;
    const [reading] = await source.detections.addRuleFiles([{ name: 'whoami.yml', text: rule }]);
    expect(reading?.problems).toEqual([]);
    await source.settled();
    const hits = await count(source, `rule:${ruleId}`);
    expect(hits).toBeGreaterThan(1);
    const first = source.search.rows(
      { q: `rule:${ruleId}` },
      { offset: 0, limit: 1, order: 'asc' },
    );
    await source.detections.suppress(ruleId, first[0]?.row, 'the test runner');
    expect(await count(source, `rule:${ruleId}`)).toBe(hits - 1);
    const zip = await bundleOf(source, true);
    source.close();

    const target = await freshSession();
    const result = await target.bundles.import(zip);
    expect(result).toMatchObject({
      ruleFiles: 1,
      ruleFilesAdded: 1,
      suppressions: 1,
      suppressionsAdded: 1,
    });
    await target.settled();
    expect(await count(target, `rule:${ruleId}`)).toBe(hits - 1);
    expect(target.detections.view().rules.find((r) => r.id === ruleId)).toMatchObject({
      hits: hits - 1,
      suppressed: 1,
      origin: { kind: 'case', file: 'whoami.yml' },
    });
    // Importing the same bundle again adds nothing.
    const again = await target.bundles.import(zip);
    expect(again).toMatchObject({ ruleFilesAdded: 0, suppressionsAdded: 0 });
  });
});

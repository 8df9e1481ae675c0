import { closeSessions, freshSession } from '../../test/sessions';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctEventIds, FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { printClause } from '../querylang/printQuery';
import type { SourceNode } from '../analysis/sourcesTree';
import type { CaseSession } from './CaseSession';

// The fixture AWSLogs folder, plus one of its files inflated and saved elsewhere under another name
// (different bytes, the same records: every event in it is a re-delivery of a stored one).
const COPIED =
  'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1240Z_C1qUFaqvZS64BcIN.json.gz';
const EXPORT = 'exports/copy of a log.json';
const inputs = [
  ...fixtureInputs().filter((i) => i.path.startsWith('AWSLogs/')),
  { path: EXPORT, file: new Blob([gunzipSync(readFileSync(join(FIXTURES, COPIED)))]) },
];
const logs = inputs.map((i) => i.path).filter((p) => p.includes('/CloudTrail/'));
// The oracle: distinct eventIDs per file read with node:zlib, the export read as plain JSON.
const idsIn = (paths: readonly string[]) => {
  const ids = distinctEventIds(paths.filter((p) => p !== EXPORT));
  if (paths.includes(EXPORT)) for (const id of distinctEventIds([COPIED])) ids.add(id);
  return ids.size;
};
const total = idsIn(logs);

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(inputs);
});
afterAll(closeSessions);

async function matches(q: string) {
  const status = await engine.search.run({ q });
  expect(status.error).toBeUndefined();
  return status.matchCount;
}

function nodes(roots: readonly SourceNode[]): SourceNode[] {
  return roots.flatMap((n) => [n, ...nodes(n.children)]);
}

describe('file: clauses', () => {
  it('select the events of one file, by exact path, ignoring case', async () => {
    expect(await matches(`file:${COPIED}`)).toBe(idsIn([COPIED]));
    expect(await matches(`file:${COPIED.toUpperCase()}`)).toBe(idsIn([COPIED]));
    expect(await matches('file:AWSLogs/nothing.json.gz')).toBe(0);
  });

  it('select a folder with a trailing wildcard, and negate', async () => {
    const dir = 'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/';
    const inDir = idsIn(logs.filter((p) => p.startsWith(dir)));
    expect(inDir).toBeGreaterThan(100);
    expect(await matches(`file:${dir}*`)).toBe(inDir);
    expect(await matches(`-file:${dir}*`)).toBe(total - inDir);
    expect(await matches(`file:${dir}*,AWSLogs/333333333333/*`)).toBe(
      inDir + idsIn(logs.filter((p) => p.startsWith('AWSLogs/333333333333/'))),
    );
  });

  it('count events through their re-deliveries too', async () => {
    // Every record of the export and of the Redelivered file was stored first from another file.
    expect(await matches(`file:"${EXPORT}"`)).toBe(idsIn([COPIED]));
    const redelivered = logs.filter((p) => p.includes('Redelivered'));
    expect(await matches('file:*Redelivered*')).toBe(idsIn(redelivered));
    expect(await matches(`-file:"${EXPORT}"`)).toBe(total - idsIn([COPIED]));
  });

  it('combine with other clauses', async () => {
    const both = await matches(`file:${COPIED} eventName:*`);
    expect(both).toBe(idsIn([COPIED]));
    expect(await matches(`file:${COPIED} -eventName:*`)).toBe(0);
  });
});

describe('the sources tree', () => {
  it('has the fixture’s accounts, Regions and days, and other files by folder', () => {
    const tree = engine.files.sourcesTree();
    expect(tree.roots.map((n) => n.label)).toEqual([
      '218007301253',
      '222222222222',
      '333333333333',
      'Other files',
    ]);
    const days = nodes(tree.roots)
      .filter((n) => n.kind === 'day')
      .map((n) => n.id);
    // The truncated file of 2023-07-11 was not stored: no node for it.
    expect(days).toEqual([
      'd:218007301253/us-east-1/2023-07-10',
      'd:218007301253/us-west-2/2023-07-10',
      'd:222222222222/us-east-1/2025-03-06',
      'd:333333333333/us-east-1/2025-03-06',
    ]);
    // Every log file but the truncated one, and the export.
    expect(tree.files).toBe(logs.length - 1 + 1);
    expect(tree.events).toBe(total);
  });

  it('counts, per node, exactly the events its file: filter matches', async () => {
    const tree = engine.files.sourcesTree();
    const selectable = nodes(tree.roots).filter((n) => n.patterns.length > 0);
    // 3 accounts, 4 Regions, 4 days and the exports folder.
    expect(selectable.length).toBe(12);
    for (const node of selectable) {
      const clause = printClause({
        kind: 'field',
        field: 'file',
        values: node.patterns,
        negated: false,
        span: { start: 0, end: 0 },
      });
      expect(await matches(clause), `${node.id}: ${clause}`).toBe(node.events);
    }
    const westDay = nodes(tree.roots).find((n) => n.id === 'd:218007301253/us-west-2/2023-07-10');
    expect(westDay?.events).toBe(idsIn(logs.filter((p) => p.includes('/us-west-2/'))));
  });

  it('lists a day’s files with their event counts', () => {
    const day = 'd:218007301253/us-east-1/2023-07-10';
    const list = engine.files.sourceFiles(day, 5);
    const inDay = logs.filter((p) => p.includes('/us-east-1/2023/07/10/')).sort();
    expect(list.total).toBe(inDay.length);
    expect(list.files.map((f) => f.path)).toEqual(inDay.slice(0, 5));
    for (const f of list.files) expect(f.events).toBe(idsIn([f.path]));
  });
});

describe('the file view', () => {
  it('shows the stored file: path, key, hashes, sizes, events and the inflated text', async () => {
    const fileId = engine.files.findFile(COPIED);
    expect(fileId).toBeDefined();
    const view = await engine.files.fileView(fileId ?? 0, 1000);
    const raw = readFileSync(join(FIXTURES, COPIED));
    const text = gunzipSync(raw);
    expect(view?.meta.path).toBe(COPIED);
    expect(view?.meta.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(view?.meta.size).toBe(raw.length);
    expect(view?.inflatedSha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(view?.inflatedSize).toBe(text.length);
    expect(view?.key).toMatchObject({
      accountId: '218007301253',
      region: 'us-east-1',
      deliveredAt: '20230710T1240Z',
    });
    expect(view?.events).toBe(idsIn([COPIED]));
    expect(view?.layers).toBe(1);
    expect(view?.truncated).toBe(true);
    expect(view?.text).toBe(text.subarray(0, 1000).toString('utf8'));
    expect(Buffer.from((await engine.files.fileBytes(fileId ?? 0)) ?? [])).toEqual(raw);
  });

  it('shows a file outside the layout as such, whole when small', async () => {
    const view = await engine.files.fileView(engine.files.findFile(EXPORT) ?? 0);
    expect(view?.key).toBeUndefined();
    expect(view?.layers).toBe(0);
    expect(view?.truncated).toBe(false);
    expect(view?.events).toBe(idsIn([COPIED]));
    expect(view?.meta.added).toBe(0);
    expect(view?.text).toBe(gunzipSync(readFileSync(join(FIXTURES, COPIED))).toString('utf8'));
  });

  it('suggests stored log paths for file: as they are typed', () => {
    const suggestions = engine.search.suggest('file', 'c1qufaqv', 5);
    expect(suggestions).toEqual([{ value: COPIED, count: idsIn([COPIED]) }]);
    expect(engine.search.suggest('File', 'exports/').map((s) => s.value)).toEqual([EXPORT]);
    expect(engine.search.suggest('file', 'CloudTrail-Digest')).toEqual([]);
  });

  it('is undefined for a file that is not stored', async () => {
    expect(await engine.files.fileView(99_999)).toBeUndefined();
    expect(engine.files.findFile('no/such/file')).toBeUndefined();
  });
});

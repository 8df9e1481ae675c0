import { deleteDB } from 'idb';
import { expose, proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctEventIds, fixtureInputs } from '../../test/fixtureFiles';
import { REGISTRY_DB_NAME } from '../db/caseRegistry';
import { DB_NAME } from '../db/schema';
import { createEngineApi } from './engineApi';
import type { EngineApi } from './engineApi';
import { parseLogFile } from './ingest/parseLogFile';
import type { IngestProgress } from './ingest/types';

// The page's view of the engine: the real API, exposed over a real MessageChannel by Comlink, as the
// worker does, and called as data/ calls it (sub-objects by path, callbacks through proxy).
const inputs = fixtureInputs();
const logs = inputs.map((i) => i.path).filter((p) => p.includes('/CloudTrail/'));
const events = distinctEventIds(logs).size;
let remote: Remote<EngineApi>;
let channel: MessageChannel;

beforeAll(async () => {
  await deleteDB(REGISTRY_DB_NAME);
  await deleteDB(DB_NAME);
  channel = new MessageChannel();
  expose(createEngineApi({ parse: parseLogFile }), channel.port1);
  remote = wrap<EngineApi>(channel.port2);
  expect(await remote.ready()).toBe(true);
});
afterAll(async () => {
  await remote.cases.clear();
  channel.port1.close();
  channel.port2.close();
});

describe('the engine API through Comlink', () => {
  it('ingests with progress, then answers each service by path', async () => {
    const seen: IngestProgress[] = [];
    const reports = await remote.dataset.ingest(
      inputs,
      proxy((p: IngestProgress) => {
        seen.push(p);
      }),
    );
    expect(reports).toHaveLength(inputs.length);
    expect(seen.length).toBeGreaterThan(0);
    expect((await remote.dataset.info()).eventCount).toBe(events);
    const status = await remote.search.run({ q: '' }, undefined, {
      offset: 0,
      limit: 5,
      order: 'desc',
    });
    expect(status).toMatchObject({ matchCount: events, complete: true });
    expect(status.firstRows).toHaveLength(5);
    const row = status.firstRows?.[0]?.row ?? -1;
    expect((await remote.events.detail(row))?.row.row).toBe(row);
    expect(await remote.search.count({ q: '' })).toBe(events);
    expect((await remote.files.list()).length).toBe(inputs.length - countUnstored(reports));
    expect((await remote.cases.list()).cases.map((c) => c.name)).toEqual(['Case 1']);
  });

  it('moves a stored file’s bytes to the page instead of copying them', async () => {
    const [file] = await remote.files.list();
    const bytes = await remote.files.fileBytes(file?.fileId ?? 0);
    expect(bytes?.byteLength).toBe(file?.size);
  });

  it('rejects a call to a method the service does not have', async () => {
    // Comlink's remote objects are function proxies that answer every path.
    const search: unknown = remote.search;
    if (typeof search !== 'function') throw new Error('not a Comlink proxy');
    const nothing: unknown = Reflect.get(search, 'nothing');
    if (typeof nothing !== 'function') throw new Error('Comlink answers every path with a proxy');
    await expect(Reflect.apply(nothing, search, [])).rejects.toThrow('No method nothing');
  });

  it('answers from the new, empty session after Clear data, with no re-wiring', async () => {
    await remote.cases.clear();
    expect((await remote.dataset.info()).eventCount).toBe(0);
    expect((await remote.search.run({ q: '' })).matchCount).toBe(0);
    expect(await remote.files.list()).toEqual([]);
  });
});

/** Inputs that are not stored as files of their own: duplicates, skipped and failed files. */
function countUnstored(reports: readonly { readonly status: string }[]): number {
  return reports.filter((r) => !['ingested', 'digest'].includes(r.status)).length;
}

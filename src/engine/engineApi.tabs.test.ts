import { deleteDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLocks } from '../../test/fakeLocks';
import { tinyLogFiles } from '../../test/tinyLogFiles';
import { DB_NAME } from '../db/schema';
import type { ChannelLike } from './CaseWriter';
import { createEngineApi } from './engineApi';
import type { EngineApi } from './engineApi';
import { parseLogFile } from './ingest/parseLogFile';
import type { InputFile, ParseFn } from './ingest/types';

// Two tabs of one origin, each with its own engine (as each tab has its own worker), sharing the
// case's IndexedDB database, the origin's Web Locks and BroadcastChannel.
const REGISTRY = 'cairn-cases-tabs-test';
const PER_FILE = 20;
const files = tinyLogFiles(8, PER_FILE);
const inputsA: InputFile[] = files.slice(0, 4);
const inputsB: InputFile[] = files.slice(4);
const channels: ChannelLike[] = [];
const locks = new FakeLocks();
const links = {
  locks,
  channel: (name: string) => {
    const c = new BroadcastChannel(name);
    channels.push(c);
    return c;
  },
};

/** A parse that waits at its first call until `open()`: the ingest is under way, holding the lock. */
function gatedParse(): { parse: ParseFn; reached: Promise<void>; open: () => void } {
  const gate = signal();
  const reached = signal();
  return {
    parse: async (input) => {
      reached.fire();
      await gate.fired;
      return parseLogFile(input);
    },
    reached: reached.fired,
    open: gate.fire,
  };
}

/** A promise and the function that resolves it. */
function signal(): { fired: Promise<void>; fire: () => void } {
  const out: { fired?: Promise<void>; fire: () => void } = { fire: () => undefined };
  out.fired = new Promise<void>((resolve) => (out.fire = resolve));
  return { fired: out.fired, fire: () => out.fire() };
}

/** Every row's detail: the eventID the index holds and the one in the record read from storage. */
async function details(tab: EngineApi): Promise<{ row: string; stored: unknown }[]> {
  const { eventCount } = await tab.dataset.info();
  const out = [];
  for (let row = 0; row < eventCount; row++) {
    const detail = await tab.events.detail(row);
    const record: unknown = JSON.parse(detail?.recordJson ?? 'null');
    const stored =
      typeof record === 'object' && record !== null && 'eventID' in record
        ? record.eventID
        : undefined;
    out.push({ row: detail?.row.eventID ?? '', stored });
  }
  return out;
}

beforeAll(async () => {
  await deleteDB(REGISTRY);
  await deleteDB(DB_NAME);
});
afterAll(() => {
  for (const c of channels) c.close();
});

describe('two tabs on one case', () => {
  it('never interleave their writes: the second waits, and every event reads back its own record', async () => {
    const gated = gatedParse();
    const tabA = createEngineApi({ parse: gated.parse }, REGISTRY, links);
    const tabB = createEngineApi({ parse: parseLogFile }, REGISTRY, links);
    await tabA.ready();
    await tabB.ready();
    const aRefreshed = signal();
    tabA.onCaseChanged((phase) => {
      if (phase === 'end') aRefreshed.fire();
    });

    const runA = tabA.dataset.ingest(inputsA);
    await gated.reached;
    const bWaited = signal();
    const runB = tabB.dataset.ingest(inputsB, undefined, bWaited.fire);
    await bWaited.fired;
    gated.open();
    const [reportsA, reportsB] = await Promise.all([runA, runB]);
    expect([...reportsA, ...reportsB].map((r) => r.status)).toEqual(Array(8).fill('ingested'));
    await aRefreshed.fired;

    const total = files.length * PER_FILE;
    for (const tab of [tabA, tabB]) {
      expect((await tab.dataset.info()).eventCount).toBe(total);
      const stored = await tab.files.list();
      expect(new Set(stored.map((f) => f.fileId)).size).toBe(files.length);
      expect(new Set(stored.map((f) => f.path))).toEqual(new Set(files.map((f) => f.path)));
      const rows = await details(tab);
      expect(rows.filter((r) => r.row !== r.stored)).toEqual([]);
      expect(new Set(rows.map((r) => r.row)).size).toBe(total);
    }
    // A tab opened afterwards reads the same case from storage alone.
    const tabC = createEngineApi({ parse: parseLogFile }, REGISTRY, links);
    await tabC.ready();
    expect((await tabC.dataset.info()).eventCount).toBe(total);
    expect((await details(tabC)).filter((r) => r.row !== r.stored)).toEqual([]);
  });

  it('never offers to resume or discard a run another tab is doing now', async () => {
    const gated = gatedParse();
    const tabA = createEngineApi({ parse: gated.parse }, REGISTRY, links);
    await tabA.ready();
    const run = tabA.dataset.ingest(tinyLogFiles(10, PER_FILE).slice(8));
    await gated.reached;
    // The run is recorded as pending (so a reload of tab A would offer to resume it) …
    const tabB = createEngineApi({ parse: parseLogFile }, REGISTRY, links);
    await tabB.ready();
    // … but tab A is alive and holds the case's writer lock: nothing is interrupted.
    expect(await tabB.dataset.interruptedRun()).toBeUndefined();
    gated.open();
    await run;
    expect(await tabB.dataset.interruptedRun()).toBeUndefined();
  });
});

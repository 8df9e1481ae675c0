import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distinctEventIds, fixtureInputs } from '../../test/fixtureFiles';
import { tinyLogFiles } from '../../test/tinyLogFiles';
import { openCairnDb, listFiles } from '../db/cairnDb';
import { REGISTRY_DB_NAME } from '../db/caseRegistry';
import { loadPendingRun } from '../db/pendingRun';
import { DB_NAME } from '../db/schema';
import { CaseSession } from './CaseSession';
import { CaseBusyError, CaseManager } from './CaseManager';
import { parseLogFile } from './ingest/parseLogFile';
import type { InputFile, ParseFn } from './ingest/types';

const inputs = fixtureInputs();
const caseA = inputs.filter((i) =>
  i.path.includes('/218007301253/CloudTrail/us-east-1/2023/07/10/'),
);
const caseB = inputs.filter((i) => /\/(222222222222|333333333333)\/CloudTrail\//.test(i.path));
const countA = distinctEventIds(caseA.map((i) => i.path)).size;
const countB = distinctEventIds(caseB.map((i) => i.path)).size;

let managers: CaseManager<CaseSession>[] = [];
/** The worker's wiring: a case manager whose onSwitch keeps `engine` current. */
async function openManager(parse: ParseFn = parseLogFile) {
  const wiring: { engine?: Promise<CaseSession> } = {};
  const manager = await CaseManager.open(
    (dbName) => CaseSession.open(parse, { dbName }),
    (next) => {
      wiring.engine = next;
    },
  );
  managers.push(manager);
  const engine = async () => {
    if (wiring.engine === undefined) throw new Error('no engine');
    return wiring.engine;
  };
  return { manager, engine };
}

beforeEach(async () => {
  await deleteDB(REGISTRY_DB_NAME);
  await deleteDB(DB_NAME);
});
afterEach(async () => {
  for (const m of managers) await m.close().catch(() => undefined);
  managers = [];
});

describe('CaseManager over real CloudTrail files', () => {
  it('keeps each case in its own database across switches and a reopen', async () => {
    expect(countA).toBeGreaterThan(0);
    expect(countB).toBeGreaterThan(0);
    const { manager, engine } = await openManager();
    const first = (await manager.list()).activeId;
    await (await engine()).dataset.ingest(caseA);
    expect((await engine()).dataset.info().eventCount).toBe(countA);

    const b = await manager.create('Second');
    await manager.switchTo(b.id);
    expect((await engine()).dataset.info().eventCount).toBe(0);
    await (await engine()).dataset.ingest(caseB);
    expect((await engine()).dataset.info().eventCount).toBe(countB);

    await manager.switchTo(first);
    expect((await engine()).dataset.info().eventCount).toBe(countA);
    const list = await manager.list();
    expect(list.activeId).toBe(first);
    const byName = new Map(list.cases.map((c) => [c.name, c]));
    expect(byName.get('Case 1')?.dbName).toBe(DB_NAME);
    expect(byName.get('Case 1')?.summary).toMatchObject({
      eventCount: countA,
      logFiles: caseA.length,
      accounts: 1,
      regions: 1,
      storedBytes: caseA.reduce((n, i) => n + i.file.size, 0),
    });
    // B's figures were taken when it was left, without opening it again.
    expect(byName.get('Second')?.summary).toMatchObject({ eventCount: countB, accounts: 2 });
    expect(byName.get('Second')?.summary?.minTime).toBeLessThan(
      byName.get('Second')?.summary?.maxTime ?? 0,
    );

    // The first case's database holds only its own files.
    await manager.switchTo(b.id);
    const dbA = await openCairnDb(DB_NAME);
    expect((await listFiles(dbA)).length).toBe(caseA.length);
    dbA.close();
    await manager.close();
    managers = [];
    const reopened = await openManager();
    expect((await reopened.manager.list()).activeId).toBe(b.id);
    expect((await reopened.engine()).dataset.info().eventCount).toBe(countB);
  });

  it('clears the open case into a new, empty session and leaves the other cases alone', async () => {
    const { manager, engine } = await openManager();
    const first = (await manager.list()).activeId;
    const before = await engine();
    await before.dataset.ingest(caseA);
    await before.notes.annotate(0, { bookmarked: true });
    const b = await manager.create('Second');
    await manager.switchTo(b.id);
    await (await engine()).dataset.ingest(caseB);
    await manager.switchTo(first);
    const filled = await engine();

    // A read asked for while the clear runs waits for the new session instead of failing.
    const cleared = manager.clear();
    const during = engine().then((s) => s.dataset.info().eventCount);
    await cleared;
    expect(await during).toBe(0);
    const after = await engine();
    expect(after).not.toBe(filled);
    expect(after.dataset.info()).toMatchObject({ eventCount: 0, logFiles: 0 });
    expect(after.notes.all()).toEqual([]);
    expect(after.files.sourcesTree().roots).toEqual([]);
    expect(await after.dataset.lastRun()).toEqual([]);
    const list = await manager.list();
    expect(list.activeId).toBe(first);
    expect(list.cases.find((c) => c.id === first)?.summary).toMatchObject({ eventCount: 0 });
    // The store is empty too: a reopen finds nothing, and the same files go in again as new.
    const db = await openCairnDb(DB_NAME);
    expect(await listFiles(db)).toEqual([]);
    db.close();
    const reports = await after.dataset.ingest(caseA);
    expect(reports.every((r) => r.status === 'ingested')).toBe(true);
    expect(after.dataset.info().eventCount).toBe(countA);
    await manager.switchTo(b.id);
    expect((await engine()).dataset.info().eventCount).toBe(countB);
  });

  it('refuses to switch while an ingest runs, and deletes cases with their databases', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: ParseFn = async (input) => {
      await gate;
      return parseLogFile(input);
    };
    const { manager, engine } = await openManager(slow);
    const first = (await manager.list()).activeId;
    const b = await manager.create('B');
    const running = (await engine()).dataset.ingest(caseA);
    await expect(manager.switchTo(b.id)).rejects.toBeInstanceOf(CaseBusyError);
    await expect(manager.remove(first)).rejects.toBeInstanceOf(CaseBusyError);
    release();
    await running;
    expect((await engine()).dataset.info().eventCount).toBe(countA);

    // Deleting the open case opens another one; its database is gone.
    await manager.remove(first);
    const after = await manager.list();
    expect(after.cases.map((c) => c.id)).toEqual([b.id]);
    expect(after.activeId).toBe(b.id);
    expect((await engine()).dataset.info().eventCount).toBe(0);
    const gone = await openCairnDb(DB_NAME);
    expect(await listFiles(gone)).toEqual([]);
    gone.close();

    // Deleting the last case leaves a new empty one open.
    await manager.remove(b.id);
    const last = await manager.list();
    expect(last.cases).toHaveLength(1);
    expect(last.cases[0]?.id).not.toBe(b.id);
    expect(last.activeId).toBe(last.cases[0]?.id);
  });

  it('keeps an interrupted run with its own case', async () => {
    const tiny: InputFile[] = tinyLogFiles(6, 2);
    const { manager } = await openManager();
    const dbName = (await manager.list()).cases[0]?.dbName ?? '';
    // A run that "died": its pending record is in case 1's database only.
    const never: ParseFn = (input) =>
      input === tiny[3] ? new Promise<never>(() => undefined) : parseLogFile(input);
    const dying = await CaseSession.open(never, { dbName, lookahead: 1 });
    void dying.dataset.ingest(tiny);
    const probe = await openCairnDb(dbName);
    await expect.poll(async () => (await listFiles(probe)).length).toBe(3);
    expect(await loadPendingRun(probe)).toBeDefined();
    probe.close();
    dying.close();
    await manager.close();
    managers = [];

    const again = await openManager();
    expect((await again.engine()).dataset.interruptedRun()).toMatchObject({
      filesStored: 3,
      filesTotal: 6,
    });
    const other = await again.manager.create('Other');
    await again.manager.switchTo(other.id);
    expect((await again.engine()).dataset.interruptedRun()).toBeUndefined();
    const first = (await again.manager.list()).cases[0]?.id ?? '';
    await again.manager.switchTo(first);
    expect((await again.engine()).dataset.interruptedRun()).toMatchObject({ filesStored: 3 });
  });

  it('lists, opens and deletes cases when the open case cannot be opened', async () => {
    const { manager } = await openManager();
    const broken = (await manager.list()).activeId;
    const good = await manager.create('Good');
    await manager.close();
    managers = [];
    const failing = await CaseManager.open((dbName) =>
      dbName === DB_NAME
        ? Promise.reject(new Error('damaged database'))
        : CaseSession.open(parseLogFile, { dbName }),
    );
    managers.push(failing);
    await expect(failing.session).rejects.toThrow('damaged database');
    expect((await failing.list()).cases.map((c) => c.name)).toEqual(['Case 1', 'Good']);
    await failing.switchTo(good.id);
    expect((await failing.session).dataset.info().eventCount).toBe(0);
    await failing.remove(broken);
    expect((await failing.list()).cases.map((c) => c.id)).toEqual([good.id]);
  });

  it('gives way to another tab deleting the open case instead of blocking it', async () => {
    const { manager, engine } = await openManager();
    await (await engine()).dataset.ingest(caseA);
    const other = await manager.create('Other');
    const dbName = (await manager.list()).cases.find((c) => c.id !== other.id)?.dbName ?? '';
    // What another tab's delete does; without giving way this would wait for this "tab" to close.
    await deleteDB(dbName);
    const check = await openCairnDb(dbName);
    expect(await listFiles(check)).toEqual([]);
    check.close();
  });
});

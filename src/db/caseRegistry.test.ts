import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_DB_PREFIX, CaseRegistry, MAX_CASE_NAME, cleanCaseName } from './caseRegistry';
import { summarizeCase } from '../analysis/caseSummary';
import { EventIndex } from '../index/EventIndex';
import { DB_NAME } from './schema';

const NAME = 'cairn-cases-test';
let registry: CaseRegistry | undefined;

beforeEach(async () => {
  await deleteDB(NAME);
});
afterEach(() => {
  registry?.close();
  registry = undefined;
});

async function open(now?: number): Promise<CaseRegistry> {
  registry?.close();
  registry = await CaseRegistry.open(NAME, now);
  return registry;
}

describe('CaseRegistry', () => {
  it('registers the pre-existing cairn database as the first, active case, once', async () => {
    const r = await open(1000);
    const [first, ...rest] = await r.list();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ name: 'Case 1', dbName: DB_NAME, createdAt: 1000 });
    expect((await r.active()).id).toBe(first?.id);
    const again = await open(2000);
    expect((await again.list()).map((c) => c.id)).toEqual([first?.id]);
  });

  it('creates cases in their own databases, renames them and remembers the active one', async () => {
    const r = await open(1000);
    const b = await r.create('', 2000);
    const c = await r.create('  Incident   4711  ', 3000);
    expect(b.name).toBe('Case 2');
    expect(c.name).toBe('Incident 4711');
    expect(b.dbName).toMatch(new RegExp(`^${CASE_DB_PREFIX}[0-9a-f]{16}$`));
    expect(c.dbName).not.toBe(b.dbName);
    await r.rename(b.id, 'Prod <b>breach</b>');
    await r.rename(c.id, '   ');
    expect((await r.list()).map((e) => e.name)).toEqual([
      'Case 1',
      'Prod <b>breach</b>',
      'Incident 4711',
    ]);
    await r.setActive(c.id, 5000);
    const reopened = await open();
    expect(await reopened.active()).toMatchObject({ id: c.id, openedAt: 5000 });
    await expect(reopened.rename('missing', 'x')).rejects.toThrow(/No case/);
  });

  it('falls back to the oldest case when the active one is deleted', async () => {
    const r = await open(1000);
    const first = await r.active();
    const b = await r.create('B', 2000);
    await r.setActive(b.id);
    await r.remove(b.id);
    expect((await r.active()).id).toBe(first.id);
    expect(await r.list()).toHaveLength(1);
  });

  it('keeps a case summary taken from an index', async () => {
    const r = await open(1000);
    const first = await r.active();
    const summary = summarizeCase(
      new EventIndex(),
      [
        { size: 10, kind: 'log' },
        { size: 5, kind: 'digest' },
      ],
      42,
    );
    await r.setSummary(first.id, summary);
    expect((await r.get(first.id))?.summary).toEqual({
      eventCount: 0,
      storedBytes: 15,
      minTime: undefined,
      maxTime: undefined,
      logFiles: 1,
      digestFiles: 1,
      accounts: 0,
      regions: 0,
      takenAt: 42,
    });
  });
});

describe('cleanCaseName', () => {
  it('trims, collapses spaces, cuts long names and falls back when empty', () => {
    expect(cleanCaseName(' a \n b ', 'x')).toBe('a b');
    expect(cleanCaseName('\t', 'x')).toBe('x');
    expect(cleanCaseName('n'.repeat(500), 'x')).toHaveLength(MAX_CASE_NAME);
  });
});

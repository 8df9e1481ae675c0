import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';

import { DB_NAME } from './schema';

/** The registry's own IndexedDB database: the list of cases, never any log data. */
export const REGISTRY_DB_NAME = 'cairn-cases';
const REGISTRY_VERSION = 1;
/** New cases get a database `cairn-case-<random id>`; the first case keeps `cairn` (DB_NAME). */
export const CASE_DB_PREFIX = 'cairn-case-';
/** Longest case name kept, in UTF-16 code units. */
export const MAX_CASE_NAME = 120;

/**
 * One case: a named dataset held in its own IndexedDB database. `name` is user text (render it as
 * text). Times are ms since epoch. `summary` is the last figures taken from the open case (after an
 * ingest, a clear, or when the case was left), so the list shows every case without opening it.
 */
export interface CaseEntry {
  readonly id: string;
  readonly name: string;
  /** The IndexedDB database holding the case's files, index and pending run. */
  readonly dbName: string;
  readonly createdAt: number;
  readonly openedAt: number;
  readonly summary?: CaseSummary;
}

interface RegistrySchema extends DBSchema {
  cases: { key: string; value: CaseEntry };
  /** `active`: the id of the case open last. */
  meta: { key: string; value: string };
}

/** A name as stored: spaces trimmed and collapsed, cut to MAX_CASE_NAME; `fallback` when empty. */
export function cleanCaseName(name: string, fallback: string): string {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_CASE_NAME);
  return clean === '' ? fallback : clean;
}

/** A random id of 16 hex digits (the case database's name suffix). */
function newCaseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The list of cases (IndexedDB `cairn-cases`) and which one is active. The first time it is opened it
 * registers the existing `cairn` database as "Case 1", so data stored before cases existed is kept.
 * Reads and writes throw what IndexedDB throws (e.g. `QuotaExceededError`).
 */
export class CaseRegistry {
  private readonly db: IDBPDatabase<RegistrySchema>;

  private constructor(db: IDBPDatabase<RegistrySchema>) {
    this.db = db;
  }

  /** Opens (creating) the registry; it always holds at least one case once open. */
  static async open(name = REGISTRY_DB_NAME, now = Date.now()): Promise<CaseRegistry> {
    const db = await openDB<RegistrySchema>(name, REGISTRY_VERSION, {
      upgrade(d) {
        d.createObjectStore('cases', { keyPath: 'id' });
        d.createObjectStore('meta');
      },
    });
    const registry = new CaseRegistry(db);
    if ((await db.count('cases')) === 0) {
      await db.put('cases', {
        id: newCaseId(),
        name: 'Case 1',
        dbName: DB_NAME,
        createdAt: now,
        openedAt: now,
      });
    }
    return registry;
  }

  /** Every case, oldest first. */
  async list(): Promise<CaseEntry[]> {
    const all = await this.db.getAll('cases');
    return all.sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt - b.createdAt,
    );
  }

  get(id: string): Promise<CaseEntry | undefined> {
    return this.db.get('cases', id);
  }

  /** The case open last; the oldest case when that one is gone. @throws when the list is empty. */
  async active(): Promise<CaseEntry> {
    const id = await this.db.get('meta', 'active');
    const found = id === undefined ? undefined : await this.get(id);
    if (found !== undefined) return found;
    const first = (await this.list())[0];
    if (first === undefined) throw new Error('No case is registered');
    return first;
  }

  /** Remembers `id` as the case to open next time and stamps when it was opened. */
  async setActive(id: string, now = Date.now()): Promise<void> {
    const tx = this.db.transaction(['cases', 'meta'], 'readwrite');
    const entry = await tx.objectStore('cases').get(id);
    if (entry === undefined) throw new Error(`No case ${id}`);
    await Promise.all([
      tx.objectStore('cases').put({ ...entry, openedAt: now }),
      tx.objectStore('meta').put(id, 'active'),
      tx.done,
    ]);
  }

  /** Adds an empty case in a new database; `name` defaults to "Case N". */
  async create(name = '', now = Date.now()): Promise<CaseEntry> {
    const count = await this.db.count('cases');
    const id = newCaseId();
    const entry: CaseEntry = {
      id,
      name: cleanCaseName(name, `Case ${count + 1}`),
      dbName: `${CASE_DB_PREFIX}${id}`,
      createdAt: now,
      openedAt: now,
    };
    await this.db.put('cases', entry);
    return entry;
  }

  /** Renames a case (an empty name keeps the old one). @throws when there is no such case. */
  async rename(id: string, name: string): Promise<CaseEntry> {
    return this.update(id, (e) => ({ ...e, name: cleanCaseName(name, e.name) }));
  }

  /** Stores the case's latest figures. @throws when there is no such case. */
  async setSummary(id: string, summary: CaseSummary): Promise<CaseEntry> {
    return this.update(id, (e) => ({ ...e, summary }));
  }

  /** Forgets a case (its database is the caller's to delete). */
  async remove(id: string): Promise<void> {
    await this.db.delete('cases', id);
  }

  close(): void {
    this.db.close();
  }

  private async update(id: string, change: (e: CaseEntry) => CaseEntry): Promise<CaseEntry> {
    const tx = this.db.transaction('cases', 'readwrite');
    const entry = await tx.store.get(id);
    if (entry === undefined) throw new Error(`No case ${id}`);
    const next = change(entry);
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  }
}

/**
 * A case's figures as the case list shows them. Times are ms since epoch (eventTime); sizes in bytes.
 * `storedBytes` is the original bytes of the stored files (what dominates the database's size).
 */
export interface CaseSummary {
  readonly eventCount: number;
  readonly storedBytes: number;
  /** Oldest and newest eventTime; undefined when the case is empty. */
  readonly minTime: number | undefined;
  readonly maxTime: number | undefined;
  readonly logFiles: number;
  readonly digestFiles: number;
  /** Distinct recipientAccountId and awsRegion values among the events. */
  readonly accounts: number;
  readonly regions: number;
  /** When these figures were taken. */
  readonly takenAt: number;
}

import { deleteDB } from 'idb';
import { CaseRegistry } from '../db/caseRegistry';
import type { CaseEntry } from '../db/caseRegistry';
import type { CaseSummary } from '../db/caseRegistry';

/** What the case manager needs of an open case (CaseSession). */
export interface OpenCase {
  isIngesting(): boolean;
  caseSummary(): Promise<CaseSummary>;
  /** Finishes queued work and closes the case's database. */
  shutdown(): Promise<void>;
  /** Finishes queued work, deletes everything the case stored, and closes its database. */
  wipe(): Promise<void>;
}

/** The cases as the UI lists them, and which one is open. */
export interface CaseList {
  readonly cases: readonly CaseEntry[];
  readonly activeId: string;
}

/** How a case's session is opened (CaseSession.open with the case's database name). */
export type OpenCaseSession<S> = (dbName: string) => Promise<S>;

/**
 * Deletes a case's database. Another tab with the case open blocks the deletion until it closes the
 * case (or the tab): the entry is already gone then, so this resolves and the browser finishes later.
 */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    deleteDB(name, { blocked: () => resolve() }).then(resolve, reject);
  });
}

/** Thrown when a case switch is asked for while an ingest runs. */
export class CaseBusyError extends Error {
  constructor() {
    super('An ingest is running: wait for it to finish or cancel it, then switch cases.');
    this.name = 'CaseBusyError';
  }
}

/**
 * Owns the case registry and the session of the open case, in the engine worker. Each case is its own
 * IndexedDB database, so everything in it (files, index, the interrupted-run record) moves with the
 * case. Switching closes the open case's database after its queued work and opens the other one;
 * `onSwitch` is told the new session at once, so calls arriving meanwhile wait for it.
 */
export class CaseManager<S extends OpenCase> {
  private current: Promise<S>;
  private opened: S | undefined;
  private activeId: string;
  private readonly registry: CaseRegistry;
  private readonly openSession: OpenCaseSession<S>;
  private readonly onSwitch: (session: Promise<S>) => void;

  private constructor(
    registry: CaseRegistry,
    active: CaseEntry,
    openSession: OpenCaseSession<S>,
    onSwitch: (session: Promise<S>) => void,
  ) {
    this.registry = registry;
    this.openSession = openSession;
    this.onSwitch = onSwitch;
    this.activeId = active.id;
    this.current = this.track(openSession(active.dbName));
  }

  /**
   * Opens the registry (registering the pre-existing `cairn` database as the first case) and the
   * active case. Resolves once the case is loaded or has failed to: a case that cannot be opened
   * leaves its session rejected (the UI says so) but the cases can still be listed, switched and
   * deleted. @throws what opening the registry throws.
   */
  static async open<S extends OpenCase>(
    openSession: OpenCaseSession<S>,
    onSwitch: (session: Promise<S>) => void = () => undefined,
    registryName?: string,
  ): Promise<CaseManager<S>> {
    const registry = await CaseRegistry.open(registryName);
    const active = await registry.active();
    const manager = new CaseManager(registry, active, openSession, onSwitch);
    await manager.current.catch(() => undefined);
    await registry.setActive(active.id);
    return manager;
  }

  /** The open case's session. */
  get session(): Promise<S> {
    return this.current;
  }

  /** Every case with its figures; the open case's are taken afresh unless an ingest runs. */
  async list(): Promise<CaseList> {
    // Best effort: a full quota can refuse even this small write, and the list matters most then.
    await this.refreshSummary().catch(() => undefined);
    return { cases: await this.registry.list(), activeId: this.activeId };
  }

  /** Adds an empty case (not opened). `name` defaults to "Case N". */
  create(name?: string): Promise<CaseEntry> {
    return this.registry.create(name);
  }

  /** Renames a case; an empty name keeps the old one. @throws when there is no such case. */
  rename(id: string, name: string): Promise<CaseEntry> {
    return this.registry.rename(id, name);
  }

  /**
   * Opens case `id`: the open case's queued work finishes and its database closes first.
   * @throws CaseBusyError while an ingest runs; Error when there is no such case.
   */
  async switchTo(id: string): Promise<void> {
    if (this.opened?.isIngesting() === true) throw new CaseBusyError();
    const target = await this.registry.get(id);
    if (target === undefined) throw new Error(`No case ${id}`);
    if (id === this.activeId) return;
    await this.open(target);
  }

  /**
   * Deletes case `id`: its registry entry, then its database. Deleting the open case first opens
   * another one (a new empty case when none is left). @throws CaseBusyError while an ingest runs.
   */
  async remove(id: string): Promise<void> {
    const entry = await this.registry.get(id);
    if (entry === undefined) return;
    if (id === this.activeId) {
      if (this.opened?.isIngesting() === true) throw new CaseBusyError();
      const others = (await this.registry.list()).filter((c) => c.id !== id);
      // The most recently opened other case is the likeliest next one.
      others.sort((a, b) => b.openedAt - a.openedAt);
      await this.open(others[0] ?? (await this.registry.create()), false);
    }
    await this.registry.remove(id);
    await deleteDatabase(entry.dbName);
  }

  /**
   * Clear data: deletes everything the open case stored (after its queued work) and opens it again,
   * empty, as a new session; calls arriving meanwhile wait for that session. Its registry entry stays.
   */
  async clear(): Promise<void> {
    const id = this.activeId;
    const dbName = async () => {
      const entry = await this.registry.get(id);
      if (entry === undefined) throw new Error(`No case ${id}`);
      return entry.dbName;
    };
    // The new session is in place at once, so every call from now on waits for it.
    this.current = this.track(
      this.current.then(
        async (session) => {
          await session.wipe();
          return this.openSession(await dbName());
        },
        // The case never opened (its database cannot be read): start it again from nothing.
        async () => {
          const name = await dbName();
          await deleteDatabase(name);
          return this.openSession(name);
        },
      ),
    );
    await this.saveSummary(id, await this.current).catch(() => undefined);
  }

  /**
   * Opens the open case again as a new session, after its queued work: another tab changed it, so
   * its index, catalogue and next fileId are read afresh. Calls arriving meanwhile wait for it.
   */
  async reload(): Promise<void> {
    const entry = await this.registry.get(this.activeId);
    if (entry === undefined) return;
    this.current = this.track(
      this.current.then(
        async (session) => {
          await session.shutdown();
          return this.openSession(entry.dbName);
        },
        () => this.openSession(entry.dbName),
      ),
    );
    await this.current;
  }

  /** Closes the open case and the registry (tests). */
  async close(): Promise<void> {
    await (await this.current).shutdown();
    this.registry.close();
  }

  /** Takes the open case's figures into the registry (skipped while an ingest runs). */
  private async refreshSummary(): Promise<void> {
    await this.saveSummary(this.activeId, await this.current);
  }

  private async saveSummary(id: string, session: S): Promise<void> {
    if (session.isIngesting()) return;
    await this.registry.setSummary(id, await session.caseSummary());
  }

  /** Closes the open case (keeping its figures unless it is being deleted) and opens `target`. */
  private async open(target: CaseEntry, keepSummary = true): Promise<void> {
    const leavingId = this.activeId;
    const next = this.current.then(
      async (session) => {
        if (keepSummary) await this.saveSummary(leavingId, session).catch(() => undefined);
        await session.shutdown();
        return this.openSession(target.dbName);
      },
      // The case being left never opened: nothing to close.
      () => this.openSession(target.dbName),
    );
    this.activeId = target.id;
    this.current = this.track(next);
    await this.current;
    // Best effort too: under a full quota the case opens, it is just not remembered for next time.
    await this.registry.setActive(target.id).catch(() => undefined);
  }

  private track(session: Promise<S>): Promise<S> {
    this.opened = undefined;
    const tracked = session.then((e) => {
      if (this.current === tracked) this.opened = e;
      return e;
    });
    this.onSwitch(tracked);
    return tracked;
  }
}

import { deleteDB } from 'idb';
import { CaseRegistry } from '../db/caseRegistry';
import type { CaseEntry } from '../db/caseRegistry';
import type { CaseSummary } from '../db/caseRegistry';

/** What the case manager needs of an open case (CairnEngine). */
export interface CaseEngine {
  isIngesting(): boolean;
  caseSummary(): Promise<CaseSummary>;
  shutdown(): Promise<void>;
}

/** The cases as the UI lists them, and which one is open. */
export interface CaseList {
  readonly cases: readonly CaseEntry[];
  readonly activeId: string;
}

/** How a case's engine is opened (CairnEngine.open with the case's database name). */
export type OpenCaseEngine<E> = (dbName: string) => Promise<E>;

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
 * Owns the case registry and the engine of the open case, in the ingest worker. Each case is its own
 * IndexedDB database, so everything in it (files, index, the interrupted-run record) moves with the
 * case. Switching closes the open case's database after its queued work and opens the other one;
 * `onSwitch` is told the new engine at once, so calls arriving meanwhile wait for it.
 */
export class CaseManager<E extends CaseEngine> {
  private current: Promise<E>;
  private opened: E | undefined;
  private activeId: string;
  private readonly registry: CaseRegistry;
  private readonly openEngine: OpenCaseEngine<E>;
  private readonly onSwitch: (engine: Promise<E>) => void;

  private constructor(
    registry: CaseRegistry,
    active: CaseEntry,
    openEngine: OpenCaseEngine<E>,
    onSwitch: (engine: Promise<E>) => void,
  ) {
    this.registry = registry;
    this.openEngine = openEngine;
    this.onSwitch = onSwitch;
    this.activeId = active.id;
    this.current = this.track(openEngine(active.dbName));
  }

  /**
   * Opens the registry (registering the pre-existing `cairn` database as the first case) and the
   * active case. Resolves once the case is loaded or has failed to: a case that cannot be opened
   * leaves its engine rejected (the UI says so) but the cases can still be listed, switched and
   * deleted. @throws what opening the registry throws.
   */
  static async open<E extends CaseEngine>(
    openEngine: OpenCaseEngine<E>,
    onSwitch: (engine: Promise<E>) => void = () => undefined,
    registryName?: string,
  ): Promise<CaseManager<E>> {
    const registry = await CaseRegistry.open(registryName);
    const active = await registry.active();
    const manager = new CaseManager(registry, active, openEngine, onSwitch);
    await manager.current.catch(() => undefined);
    await registry.setActive(active.id);
    return manager;
  }

  /** The open case's engine. */
  get engine(): Promise<E> {
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

  /** Closes the open case and the registry (tests). */
  async close(): Promise<void> {
    await (await this.current).shutdown();
    this.registry.close();
  }

  /** Takes the open case's figures into the registry (skipped while an ingest runs). */
  private async refreshSummary(): Promise<void> {
    await this.saveSummary(this.activeId, await this.current);
  }

  private async saveSummary(id: string, engine: E): Promise<void> {
    if (engine.isIngesting()) return;
    await this.registry.setSummary(id, await engine.caseSummary());
  }

  /** Closes the open case (keeping its figures unless it is being deleted) and opens `target`. */
  private async open(target: CaseEntry, keepSummary = true): Promise<void> {
    const leavingId = this.activeId;
    const next = this.current.then(
      async (engine) => {
        if (keepSummary) await this.saveSummary(leavingId, engine).catch(() => undefined);
        await engine.shutdown();
        return this.openEngine(target.dbName);
      },
      // The case being left never opened: nothing to close.
      () => this.openEngine(target.dbName),
    );
    this.activeId = target.id;
    this.current = this.track(next);
    await this.current;
    // Best effort too: under a full quota the case opens, it is just not remembered for next time.
    await this.registry.setActive(target.id).catch(() => undefined);
  }

  private track(engine: Promise<E>): Promise<E> {
    this.opened = undefined;
    const tracked = engine.then((e) => {
      if (this.current === tracked) this.opened = e;
      return e;
    });
    this.onSwitch(tracked);
    return tracked;
  }
}

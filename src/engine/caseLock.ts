/**
 * The part of the Web Locks API (`navigator.locks`, a LockManager) the case lock uses; tests pass
 * an in-memory one. https://developer.mozilla.org/en-US/docs/Web/API/LockManager/request
 */
export interface LockRequester {
  request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => T | PromiseLike<T>,
  ): Promise<Awaited<T>>;
}

/**
 * One case's writer lock, shared by every tab (and worker) of the origin: one tab writes to a case
 * at a time; a tab that opens or refreshes the case reads it under a shared hold, so no write starts
 * half-way through its read. Without Web Locks (an insecure context, a very old browser: `locks` is
 * undefined) nothing is coordinated and every call runs at once, as before the lock existed.
 */
export interface CaseLock {
  /** False when there are no Web Locks: tabs are not coordinated. */
  readonly coordinated: boolean;
  /**
   * Runs `work` holding the case's exclusive lock. When another holder has it, calls `onWait` first
   * and waits. @throws the `signal`'s AbortError when aborted while waiting; whatever `work` throws.
   */
  write<T>(work: () => Promise<T>, onWait?: () => void, signal?: AbortSignal): Promise<T>;
  /**
   * Runs `work(true)` holding a shared lock when no tab writes, else `work(false)` at once, with no
   * lock: another tab is writing, so what `work` reads may change under it.
   */
  read<T>(work: (free: boolean) => Promise<T>): Promise<T>;
  /** Resolves once no tab writes to the case (at once without Web Locks). */
  whenFree(): Promise<void>;
}

/** The lock's name: one per case database. */
export function caseLockName(dbName: string): string {
  return `cairn-writer:${dbName}`;
}

/** A case's writer lock over `locks` (navigator.locks in the engine worker; undefined: none). */
export function caseLock(locks: LockRequester | undefined, dbName: string): CaseLock {
  const name = caseLockName(dbName);
  if (locks === undefined) {
    return {
      coordinated: false,
      write: (work) => work(),
      read: (work) => work(true),
      whenFree: () => Promise.resolve(),
    };
  }
  return {
    coordinated: true,
    async write<T>(work: () => Promise<T>, onWait?: () => void, signal?: AbortSignal) {
      const first = await locks.request(name, { ifAvailable: true }, async (lock) =>
        lock === null ? undefined : { value: await work() },
      );
      if (first !== undefined) return first.value;
      onWait?.();
      const held = await locks.request(name, signal === undefined ? {} : { signal }, async () => ({
        value: await work(),
      }));
      return held.value;
    },
    read: (work) =>
      locks.request(name, { mode: 'shared', ifAvailable: true }, (lock) => work(lock !== null)),
    async whenFree() {
      await locks.request(name, { mode: 'shared' }, () => undefined);
    },
  };
}

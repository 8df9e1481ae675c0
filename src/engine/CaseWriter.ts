import { caseLock } from './caseLock';
import type { CaseLock, LockRequester } from './caseLock';

/** What the writer needs of an open case (CaseSession). */
export interface WriterSession {
  /** The case's database; undefined for the first case's default (`cairn`). */
  readonly dbName: string | undefined;
  /** True when no tab has written to the case since this session read it. */
  isCurrent(): Promise<boolean>;
  /** Records that this session is about to write (holding the lock). */
  markWrite(): Promise<void>;
  /** Marks a write as waiting for the lock; the returned function ends the mark. */
  hold(): () => void;
  /** Resolves when the session's queued work (a run and its index save) is done. */
  settled(): Promise<void>;
}

/** A BroadcastChannel, as far as the writer uses one. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** What the writer is built from. */
export interface CaseWriterDeps<S extends WriterSession> {
  /** navigator.locks, or undefined where there are no Web Locks (nothing is coordinated then). */
  readonly locks: LockRequester | undefined;
  /** The open case's session (CaseManager.session). */
  readonly session: () => Promise<S>;
  /** Opens the open case again as a new session (CaseManager.reload). */
  readonly reload: () => Promise<void>;
  /** Opens the channel tabs announce changes to a case on (BroadcastChannel); undefined: none. */
  readonly channel?: (name: string) => ChannelLike | undefined;
  /** Told when this tab starts and ends reading the case again because another tab changed it. */
  readonly onRefresh?: (phase: 'start' | 'end') => void;
}

/** The case database's name as locks and channels use it (the first case's is `cairn`). */
const keyOf = (dbName: string | undefined) => dbName ?? 'cairn';

/**
 * One writer per case across tabs. Every change to a case (an ingest, a bundle import, discarding an
 * interrupted run, Clear data, the index save after a load) runs through write(): in turn within
 * this tab, then holding the case's Web Lock (caseLock.ts), so two tabs never interleave their
 * fileIds. A tab whose view is stale (another tab wrote since it read the case: writeCount.ts) opens
 * the case again before it writes. After each write it tells the other tabs (BroadcastChannel
 * `cairn-case:<db>`), and they open the case again once the lock is free, so their counts and
 * searches include what was added.
 */
export class CaseWriter<S extends WriterSession> {
  private readonly deps: CaseWriterDeps<S>;
  private queue: Promise<unknown> = Promise.resolve();
  /** Writes asked for in this tab and not yet ended. */
  private pending = 0;
  /** The database whose lock this tab holds, while it does. */
  private holding: string | undefined;
  /** Aborts the write waiting for another tab's lock (Cancel). */
  private waiting: AbortController | undefined;
  private readonly channels = new Map<string, ChannelLike>();
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;

  constructor(deps: CaseWriterDeps<S>) {
    this.deps = deps;
  }

  /** The writer lock of case database `dbName`. */
  lockOf(dbName: string | undefined): CaseLock {
    return caseLock(this.deps.locks, keyOf(dbName));
  }

  /** True while this tab holds `dbName`'s writer lock (a session opened then needs no other). */
  holds(dbName: string | undefined): boolean {
    return this.holding === keyOf(dbName);
  }

  /**
   * Runs `work` on the open case as its one writer: after this tab's earlier writes, holding the
   * case's lock, on a session that reflects every other tab's writes, and with the session's queued
   * work settled before the lock is released. `onWait` is told when another tab holds the lock.
   * @throws Error when cancelled while waiting for another tab; whatever `work` throws.
   */
  write<T>(work: (session: S) => Promise<T>, onWait?: () => void): Promise<T> {
    this.pending++;
    const run = this.queue.then(() => this.locked(work, onWait));
    this.queue = run.catch(() => undefined);
    const ended = () => {
      this.pending--;
      // A cancelled wait, or a write that failed before it read the case, may leave it stale.
      if (this.pending === 0) {
        void this.session().then((s) => {
          if (s !== undefined) void this.refresh(keyOf(s.dbName));
        });
      }
    };
    void run.then(ended, ended);
    return run;
  }

  /** Gives up a write that is waiting for another tab's lock (it rejects). */
  cancelWaiting(): void {
    this.waiting?.abort();
  }

  /**
   * Told of every session the engine opens: listens for other tabs' changes to its case, and when
   * it opened while another tab was writing, reads it again once that tab is done.
   */
  opened(session: S, writerElsewhere: boolean): void {
    const key = keyOf(session.dbName);
    this.channelOf(key);
    if (writerElsewhere) void this.refresh(key);
  }

  private async locked<T>(work: (session: S) => Promise<T>, onWait?: () => void): Promise<T> {
    const first = await this.deps.session();
    const key = keyOf(first.dbName);
    const release = first.hold();
    const controller = new AbortController();
    this.waiting = controller;
    try {
      return await this.lockOf(first.dbName).write(
        async () => {
          this.waiting = undefined;
          this.holding = key;
          try {
            return await this.asWriter(key, work);
          } finally {
            this.holding = undefined;
          }
        },
        onWait,
        controller.signal,
      );
    } catch (error) {
      if (controller.signal.aborted) {
        throw new Error(
          'Cancelled before it started: another Cairn tab was writing to this case.',
          {
            cause: error,
          },
        );
      }
      throw error;
    } finally {
      this.waiting = undefined;
      release();
    }
  }

  /** Holding `key`'s lock: reads the case again if stale, writes, and tells the other tabs. */
  private async asWriter<T>(key: string, work: (session: S) => Promise<T>): Promise<T> {
    let session = await this.deps.session();
    if (keyOf(session.dbName) !== key)
      throw new Error('The case was switched before this started.');
    if (!(await session.isCurrent())) {
      await this.deps.reload();
      session = await this.deps.session();
    }
    await session.markWrite();
    try {
      const result = await work(session);
      // Clear data replaced the session: settle the one open now.
      await (await this.deps.session()).settled();
      return result;
    } finally {
      this.channelOf(key)?.postMessage({ kind: 'changed' });
    }
  }

  private channelOf(key: string): ChannelLike | undefined {
    const known = this.channels.get(key);
    if (known !== undefined) return known;
    const channel = this.deps.channel?.(`cairn-case:${key}`);
    if (channel === undefined) return undefined;
    channel.onmessage = () => void this.refresh(key);
    this.channels.set(key, channel);
    return channel;
  }

  /**
   * Once no tab writes to case `key`: if it is still the open case, this tab is not writing to it,
   * and another tab changed it, opens it again and tells the page. Calls meanwhile run once after.
   */
  private refresh(key: string): Promise<void> {
    if (this.refreshing !== undefined) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const once = async () => {
      await this.lockOf(key).whenFree();
      // This tab's own write reads the case again itself when it gets the lock.
      if (this.pending > 0) return;
      const session = await this.session();
      if (session === undefined || keyOf(session.dbName) !== key) return;
      if (await session.isCurrent().catch(() => true)) return;
      this.deps.onRefresh?.('start');
      try {
        await this.deps.reload();
      } finally {
        this.deps.onRefresh?.('end');
      }
    };
    this.refreshing = once()
      .catch(() => undefined)
      .finally(() => {
        this.refreshing = undefined;
        if (this.refreshAgain) {
          this.refreshAgain = false;
          void this.refresh(key);
        }
      });
    return this.refreshing;
  }

  /** The open session, or undefined when it failed to open. */
  private session(): Promise<S | undefined> {
    return this.deps.session().catch(() => undefined);
  }

  /** Closes the channels (tests). */
  close(): void {
    for (const c of this.channels.values()) c.close();
    this.channels.clear();
  }
}

import type { LockRequester } from '../src/engine/caseLock';

interface Waiter {
  readonly name: string;
  readonly mode: LockMode;
  readonly grant: () => void;
}

/**
 * An in-memory Web Locks LockManager for Node tests (Node 20 has none): exclusive and shared modes,
 * `ifAvailable`, `signal`, and requests granted in the order they were made, as the spec says
 * (https://w3c.github.io/web-locks/#algorithm-request-lock). One instance stands for one origin.
 */
export class FakeLocks implements LockRequester {
  private readonly held = new Map<string, { mode: LockMode; count: number }>();
  private readonly queue: Waiter[] = [];

  async request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => T | PromiseLike<T>,
  ): Promise<Awaited<T>> {
    const mode = options.mode ?? 'exclusive';
    if (this.grantable(name, mode)) {
      this.take(name, mode);
    } else {
      if (options.ifAvailable === true) return await callback(null);
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { name, mode, grant: resolve };
        this.queue.push(waiter);
        options.signal?.addEventListener('abort', () => {
          const at = this.queue.indexOf(waiter);
          if (at < 0) return;
          this.queue.splice(at, 1);
          reject(new DOMException('The request was aborted.', 'AbortError'));
        });
      });
    }
    try {
      return await callback({ name, mode });
    } finally {
      this.release(name);
    }
  }

  /** True while anyone holds `name` (tests). */
  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  private grantable(name: string, mode: LockMode): boolean {
    if (this.queue.some((w) => w.name === name)) return false;
    const h = this.held.get(name);
    return h === undefined || (mode === 'shared' && h.mode === 'shared');
  }

  private take(name: string, mode: LockMode): void {
    const h = this.held.get(name);
    this.held.set(name, { mode, count: (h?.count ?? 0) + 1 });
  }

  private release(name: string): void {
    const h = this.held.get(name);
    if (h === undefined) return;
    if (h.count > 1) this.held.set(name, { mode: h.mode, count: h.count - 1 });
    else this.held.delete(name);
    // Grant waiters in order: one exclusive, or every shared one up to the next exclusive.
    for (;;) {
      const next = this.queue.find((w) => w.name === name);
      if (next === undefined) return;
      const now = this.held.get(name);
      if (now !== undefined && (next.mode === 'exclusive' || now.mode === 'exclusive')) return;
      this.queue.splice(this.queue.indexOf(next), 1);
      this.take(name, next.mode);
      next.grant();
    }
  }
}

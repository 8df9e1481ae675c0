import { proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { EngineApi } from './engineApi';

/** The engine worker's API, reached from the main thread. */
export type EngineClient = Remote<EngineApi>;

let client: EngineClient | undefined;

/**
 * The one engine worker, created on first use (Vite bundles it from this `new URL` form). This module
 * is the only main-thread code that touches the Worker API.
 */
export function engineClient(): EngineClient {
  client ??= wrap<EngineApi>(
    new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cairn-engine',
    }),
  );
  return client;
}

/** Wraps a callback so the worker can call it across the thread boundary (comlink's proxy). */
export const workerCallback = proxy;

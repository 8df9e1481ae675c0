import { proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { IngestApi } from './engine.worker';

/** The ingest worker's API, reached from the main thread. */
export type IngestClient = Remote<IngestApi>;

let client: IngestClient | undefined;

/**
 * The one ingest worker, created on first use (Vite bundles it from this `new URL` form). This module
 * is the only main-thread code that touches the Worker API.
 */
export function ingestClient(): IngestClient {
  client ??= wrap<IngestApi>(
    new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cairn-ingest',
    }),
  );
  return client;
}

/** Wraps a progress callback so the worker can call it across the thread boundary. */
export const progressCallback = proxy;

/** Wraps a listener so the worker can call it across the thread boundary (comlink's proxy). */
export const workerListener = proxy;

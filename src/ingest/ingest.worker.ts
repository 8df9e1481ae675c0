// The ingest worker: owns the database and the in-memory index, and answers the UI's reads.
// A thin shell: all logic is in CairnEngine and the modules it calls.
import { expose } from 'comlink';
import type { RowWindow } from '../store/readRows';
import { CairnEngine } from './CairnEngine';
import { ParsePool } from './ParsePool';
import type { IngestProgress, InputFile } from './types';

const pool = new ParsePool(
  () => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }),
);
const engine = CairnEngine.open(pool.parse);

const api = {
  /** Resolves once the stored dataset is loaded and queryable. */
  ready: async () => {
    await engine;
    return true;
  },
  ingest: async (inputs: readonly InputFile[], onProgress?: (p: IngestProgress) => void) =>
    (await engine).ingest(inputs, onProgress),
  cancel: async () => {
    (await engine).cancel();
  },
  dataset: async () => (await engine).dataset(),
  rows: async (window: RowWindow) => (await engine).rows(window),
  detail: async (row: number) => (await engine).detail(row),
  files: async () => (await engine).files(),
  lastRun: async () => (await engine).lastRun(),
  clear: async () => (await engine).clear(),
};

/** The worker API as the main thread sees it through Comlink. */
export type IngestApi = typeof api;

expose(api);

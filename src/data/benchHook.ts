import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';

type Detections = EngineClient['detections'];

/**
 * What `npm run bench` (bench/lib/cairn.js) reads from the page besides the DOM attributes and
 * performance marks: figures the screen does not show.
 * - `detections.progress()`: the engine's DetectionProgress (running, done, total, rows evaluated,
 *   lastRunMs = ms of the last finished run, recordsRead = records it read back).
 * - `detections.plainScan()`: runs every rule over every stored record the plain way, the bench's
 *   reference; `{ ms, records }`. Changes nothing, but reads the whole case: seconds at 1M events.
 * - `detections.rules()`: how many rules the case runs (the shipped pack plus its own).
 */
export interface CairnBench {
  /**
   * `countBy.run(q)`: runs the search of `q` (text ending in `| count by …`), then its count; the
   * worker's ms (elapsedMs), groups and events. `countBy.plain(q)`: the same rows' records read
   * back and grouped the plain way (SearchService.plainCountBy): `{ ms, records, groups }`.
   */
  readonly countBy: {
    readonly run: (
      q: string,
    ) => Promise<{ elapsedMs: number; groups: number; events: number } | undefined>;
    readonly plain: (
      q: string,
    ) => Promise<{ ms: number; records: number; groups: number } | undefined>;
  };
  readonly detections: {
    readonly progress: () => ReturnType<Detections['progress']>;
    readonly plainScan: () => ReturnType<Detections['plainScan']>;
    readonly rules: () => Promise<number>;
  };
}

/**
 * Sets `window.__cairnBench` (CairnBench) for the bench. No UI and nothing runs until the bench
 * calls it; read-only figures and the plain scan only, never the case's actions, so a script in
 * the page gains nothing it could not already do.
 */
export function installBenchHook(): void {
  const hook: CairnBench = {
    countBy: {
      run: async (q) => {
        await engineClient().search.run({ q });
        const result = await engineClient().search.countBy({ q }, { sort: 'count', dir: 'desc' });
        return result === undefined
          ? undefined
          : { elapsedMs: result.elapsedMs, groups: result.total, events: result.events };
      },
      plain: async (q) => {
        await engineClient().search.run({ q });
        return engineClient().search.plainCountBy({ q });
      },
    },
    detections: {
      progress: () => engineClient().detections.progress(),
      plainScan: () => engineClient().detections.plainScan(),
      rules: async () => (await engineClient().detections.view()).rules.length,
    },
  };
  // Not enumerable: out of the way of anything that lists window's properties.
  Object.defineProperty(window, '__cairnBench', { value: Object.freeze(hook) });
}

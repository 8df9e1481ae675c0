import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';

type Detections = EngineClient['detections'];
type IpOrigins = EngineClient['ipOrigins'];

/**
 * What `npm run bench` (bench/lib/cairn.js) reads from the page besides the DOM attributes and
 * performance marks: figures the screen does not show.
 * - `detections.progress()`: the engine's DetectionProgress (running, done, total, rows evaluated,
 *   lastRunMs = ms of the last finished run, recordsRead = records it read back).
 * - `detections.plainScan()`: runs every rule over every stored record the plain way, the bench's
 *   reference; `{ ms, records }`. Changes nothing, but reads the whole case: seconds at 1M events.
 * - `detections.rules()`: how many rules the case runs (the shipped pack plus its own).
 * - `ipOrigins.enrichAll()`: enriches every distinct source IP afresh; `{ distinct, elapsedMs,
 *   loadMs }` (loadMs: fetching and reading the databases, the first time).
 * - `ipOrigins.plainLookup()`: the reference, a lookup per row with no cache; `{ rows,
 *   withCountry, elapsedMs }`.
 */
export interface CairnBench {
  readonly detections: {
    readonly progress: () => ReturnType<Detections['progress']>;
    readonly plainScan: () => ReturnType<Detections['plainScan']>;
    readonly rules: () => Promise<number>;
  };
  readonly ipOrigins: {
    readonly enrichAll: () => ReturnType<IpOrigins['enrichAll']>;
    readonly plainLookup: () => ReturnType<IpOrigins['plainLookup']>;
  };
}

/**
 * Sets `window.__cairnBench` (CairnBench) for the bench. No UI and nothing runs until the bench
 * calls it; read-only figures and the plain scan only, never the case's actions, so a script in
 * the page gains nothing it could not already do.
 */
export function installBenchHook(): void {
  const hook: CairnBench = {
    detections: {
      progress: () => engineClient().detections.progress(),
      plainScan: () => engineClient().detections.plainScan(),
      rules: async () => (await engineClient().detections.view()).rules.length,
    },
    ipOrigins: {
      enrichAll: () => engineClient().ipOrigins.enrichAll(),
      plainLookup: () => engineClient().ipOrigins.plainLookup(),
    },
  };
  // Not enumerable: out of the way of anything that lists window's properties.
  Object.defineProperty(window, '__cairnBench', { value: Object.freeze(hook) });
}

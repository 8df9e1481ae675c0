import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';

type Detections = EngineClient['detections'];
type Identity = EngineClient['identity'];

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
  readonly detections: {
    readonly progress: () => ReturnType<Detections['progress']>;
    readonly plainScan: () => ReturnType<Detections['plainScan']>;
    readonly rules: () => Promise<number>;
  };
  /**
   * `identity.top(n)`: the top identities (canonical names, events). `identity.profile(value)`:
   * one profile, its `elapsedMs` the engine's time. `identity.plainScan(value)`: the same rows read
   * back from the stored files, `{ ms, records }`.
   */
  readonly identity: {
    readonly top: (limit: number) => ReturnType<Identity['top']>;
    readonly profile: (value: string) => Promise<{ elapsedMs: number; events: number }>;
    readonly plainScan: (value: string) => ReturnType<Identity['plainScan']>;
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
    identity: {
      top: (limit) => engineClient().identity.top(limit, false),
      profile: async (value) => {
        const p = await engineClient().identity.profile(value);
        return { elapsedMs: p.elapsedMs, events: p.events.count };
      },
      plainScan: (value) => engineClient().identity.plainScan(value),
    },
  };
  // Not enumerable: out of the way of anything that lists window's properties.
  Object.defineProperty(window, '__cairnBench', { value: Object.freeze(hook) });
}

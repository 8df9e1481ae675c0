import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';

type Detections = EngineClient['detections'];
type Report = EngineClient['report'];
type Sessions = EngineClient['sessions'];
type Identity = EngineClient['identity'];
type IpOrigins = EngineClient['ipOrigins'];

/**
 * What `npm run bench` (bench/lib/cairn.js) reads from the page besides the DOM attributes and
 * performance marks: figures the screen does not show.
 * - `detections.progress()`: the engine's DetectionProgress (running, done, total, rows evaluated,
 *   lastRunMs = ms of the last finished run, recordsRead = records it read back).
 * - `detections.plainScan()`: runs every rule over every stored record the plain way, the bench's
 *   reference; `{ ms, records }`. Changes nothing, but reads the whole case: seconds at 1M events.
 * - `detections.rules()`: how many rules the case runs (the shipped pack plus its own).
 * - `sessions.list(q)`: the session list under query `q` (no time range), as the view asks for it
 *   (`elapsedMs`: the engine's grouping time; `total`: sessions; `rows`: events under `q`).
 * - `sessions.plainScan(q)`: the same rows grouped by reading every record back; `{ ms, records,
 *   sessions }` (sessions must equal the list's total). Seconds at 1M events.
 * - `ipOrigins.enrichAll()`: enriches every distinct source IP afresh; `{ distinct, elapsedMs,
 *   loadMs }` (loadMs: fetching and reading the databases, the first time).
 * - `ipOrigins.plainLookup()`: the reference, a lookup per row with no cache; `{ rows,
 *   withCountry, elapsedMs }`.
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
  /**
   * The situation report (issue 17): `run(q)` computes it over the events of query `q` (the whole
   * time range), as after a filter change, and answers `{ state, elapsedMs, events }` (elapsedMs as
   * the engine measured it: the filter's rows and every panel's counting passes). `plainScan(q)`
   * counts the same rows' main figures by reading every record back: `{ ms, records }`.
   */
  readonly report: {
    readonly run: (
      q: string,
    ) => Promise<{ state: string; elapsedMs: number | undefined; events: number | undefined }>;
    readonly plainScan: (q: string) => ReturnType<Report['plainScan']>;
  };
  readonly sessions: {
    readonly list: (q: string) => ReturnType<Sessions['list']>;
    readonly plainScan: (q: string) => ReturnType<Sessions['plainScan']>;
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
    report: {
      run: async (q) => {
        const a = await engineClient().report.report({ q });
        return a.state === 'ready'
          ? { state: a.state, elapsedMs: a.elapsedMs, events: a.report.events }
          : { state: a.state, elapsedMs: undefined, events: undefined };
      },
      plainScan: (q) => engineClient().report.plainScan({ q }),
    },
    sessions: {
      list: (q) => engineClient().sessions.list({ q }, 'start'),
      plainScan: (q) => engineClient().sessions.plainScan({ q }),
    },
    identity: {
      top: (limit) => engineClient().identity.top(limit, false),
      profile: async (value) => {
        const p = await engineClient().identity.profile(value);
        return { elapsedMs: p.elapsedMs, events: p.events.count };
      },
      plainScan: (value) => engineClient().identity.plainScan(value),
    },
    ipOrigins: {
      enrichAll: () => engineClient().ipOrigins.enrichAll(),
      plainLookup: () => engineClient().ipOrigins.plainLookup(),
    },
  };
  // Not enumerable: out of the way of anything that lists window's properties.
  Object.defineProperty(window, '__cairnBench', { value: Object.freeze(hook) });
}

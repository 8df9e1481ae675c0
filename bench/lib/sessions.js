// The session list (issue 17 §3) at bench scale: the engine's grouping over the index, read through
// the page's `window.__cairnBench.sessions` (src/data/benchHook.ts), beside a plain scan of the same
// rows that reads every record back. Builds without the hook report nothing and the runner goes on.
import { median } from './stats.js';

/** The target: the session list within this at 1M events (ms). */
export const SESSIONS_TARGET_MS = 200;

/**
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {{ q: string, total: number, rows: number, engineMs: number, wallMs: number,
 *   plain: { ms: number, records: number, sessions: number } | undefined }} SessionsFigures
 *   engineMs: median over `reps` of the engine's grouping time (elapsedMs); wallMs: median of the
 *   page's call to its answer (search included, through Comlink); plain: one plain scan.
 */

/**
 * Measures the session list under `q` `reps` times, then the plain scan once.
 * @param {Page} page idle, nothing else running
 * @param {{ q?: string, reps?: number, plain?: boolean }} [options]
 * @returns {Promise<SessionsFigures | undefined>} undefined when the build has no sessions hook
 */
export async function measureSessions(page, { q = '', reps = 5, plain = true } = {}) {
  /** @type {number[]} */
  const engine = [];
  /** @type {number[]} */
  const wall = [];
  let total = 0;
  let rows = 0;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const answer = await page.evaluate(async (query) => {
      const hook = /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
        /** @type {unknown} */ (window)
      ).__cairnBench;
      if (hook?.sessions === undefined) return undefined;
      const list = await hook.sessions.list(query);
      return 'error' in list
        ? { error: list.error }
        : { total: list.total, rows: list.rows, elapsedMs: list.elapsedMs };
    }, q);
    if (answer === undefined) return undefined;
    if ('error' in answer) throw new Error(`session list: ${answer.error}`);
    wall.push(performance.now() - t0);
    engine.push(answer.elapsedMs);
    total = answer.total;
    rows = answer.rows;
  }
  const plainScan = plain
    ? await page.evaluate(async (query) => {
        const hook =
          /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
            /** @type {unknown} */ (window)
          ).__cairnBench;
        return hook?.sessions.plainScan(query);
      }, q)
    : undefined;
  return { q, total, rows, engineMs: median(engine), wallMs: median(wall), plain: plainScan };
}

/**
 * The log lines for the figures: the list beside the plain scan, and the target.
 * @param {SessionsFigures} f
 * @returns {string[]}
 */
export function describeSessions(f) {
  const where = f.q === '' ? 'every event' : `q=${JSON.stringify(f.q)}`;
  const lines = [
    `sessions (${where}): ${f.total.toLocaleString('en-US')} sessions over ${f.rows.toLocaleString('en-US')} rows: engine ${f.engineMs.toFixed(1)} ms (target ≤ ${SESSIONS_TARGET_MS} ms: ${f.engineMs <= SESSIONS_TARGET_MS ? 'met' : 'MISSED'}), page call ${f.wallMs.toFixed(1)} ms`,
  ];
  if (f.plain !== undefined) {
    const agree =
      f.plain.sessions === f.total ? 'same count' : `COUNT DIFFERS: ${f.plain.sessions}`;
    lines.push(
      `sessions (${where}): plain scan ${(f.plain.ms / 1000).toFixed(2)} s, ${f.plain.records.toLocaleString('en-US')} records read back (${agree}), ${(f.plain.ms / Math.max(f.engineMs, 0.001)).toFixed(0)}x the engine`,
    );
  }
  return lines;
}

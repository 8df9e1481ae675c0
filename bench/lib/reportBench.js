// Issue 17's situation report: the engine's report after a filter change (through the page's
// `window.__cairnBench.report`, src/data/benchHook.ts) beside a plain scan of the same rows that
// reads every record back. Self-contained: run.js calls benchSituationReport and nothing else.
import { median } from './stats.js';

/** The target at 1M events: the report after a filter change. */
export const REPORT_TARGET_MS = 150;

/** Filters the report is computed under: the whole case, and narrower ones the index answers. */
const FILTERS = ['', 'errorCode:*', '-readOnly:true', 'eventSource:iam.amazonaws.com'];

/**
 * Runs the report under each filter `reps` times (median of the engine's elapsedMs), then the plain
 * scan of the whole case once, and prints them side by side. Builds without the hook print a note.
 * @param {import('@playwright/test').Page} page idle, the case loaded
 * @param {{ reps: number, log: (line: string) => void }} options
 */
export async function benchSituationReport(page, { reps, log }) {
  /** @type {{ q: string, ms: number, events: number }[]} */
  const rows = [];
  for (const q of FILTERS) {
    /** @type {number[]} */
    const times = [];
    let events = 0;
    for (let i = 0; i < Math.max(1, reps); i++) {
      const answer = await page.evaluate(async (query) => {
        const hook =
          /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
            /** @type {unknown} */ (window)
          ).__cairnBench;
        return hook?.report === undefined ? undefined : hook.report.run(query);
      }, q);
      if (answer === undefined) {
        log('report: this build has no report bench hook');
        return undefined;
      }
      if (answer.state !== 'ready' || answer.elapsedMs === undefined) break;
      times.push(answer.elapsedMs);
      events = answer.events ?? 0;
    }
    if (times.length > 0) rows.push({ q, ms: median(times), events });
  }
  const t0 = performance.now();
  const plain = await page.evaluate(async () => {
    const hook = /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
      /** @type {unknown} */ (window)
    ).__cairnBench;
    return hook?.report === undefined ? undefined : hook.report.plainScan('');
  });
  const plainWall = performance.now() - t0;
  for (const r of rows) {
    const verdict = r.ms <= REPORT_TARGET_MS ? 'ok' : 'OVER';
    log(
      `report: ${JSON.stringify(r.q)} over ${r.events.toLocaleString('en-US')} events in ${r.ms.toFixed(1)} ms (target ${REPORT_TARGET_MS} ms: ${verdict})`,
    );
  }
  if (plain !== undefined && rows[0] !== undefined) {
    log(
      `report: plain scan of the same ${plain.records.toLocaleString('en-US')} records ${(plain.ms / 1000).toFixed(2)} s (wall ${(plainWall / 1000).toFixed(2)} s), ${(plain.ms / Math.max(0.1, rows[0].ms)).toFixed(0)}x the report`,
    );
  }
  return { rows, plain };
}

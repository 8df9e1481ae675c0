// Times searches through the app's UI and automation hooks: the query bar ([data-testid=query-input],
// applied on Enter), [data-testid=match-count] (data-key, data-count, data-complete, data-elapsed-ms),
// .event-table[data-rows-version], and the facets and timeline data-version / data-elapsed-ms.
import { median } from './stats.js';

/**
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {{ q: string, count: number, firstScreenMs: number | undefined, completeMs: number,
 *   searchMs: number, facetsMs: number | undefined, histogramMs: number | undefined,
 *   filesToScan: number }} QueryTiming
 */

/**
 * Applies `q` in the query bar and measures, in the page with MutationObserver timestamps: Enter →
 * first screen of rows of the new result, Enter → complete (count final and rows shown), then waits
 * for the facets and histogram of that result and reads the worker times the app reports.
 * @param {Page} page @param {string} q @param {number} timeoutMs
 * @returns {Promise<QueryTiming>}
 */
export function timeQuery(page, q, timeoutMs = 120_000) {
  return page.evaluate(async ([query, timeout]) => {
    const input = /** @type {HTMLInputElement} */ (
      document.querySelector('[data-testid="query-input"]')
    );
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    const el = (/** @type {string} */ sel) =>
      /** @type {HTMLElement | null} */ (document.querySelector(sel));
    const version = () => {
      const mc = el('[data-testid="match-count"]');
      const key = mc?.dataset['key'];
      if (mc === null || key === undefined || JSON.parse(key)[0] !== query) return undefined;
      return { mc, v: `${key}:${mc.dataset['count']}:${mc.dataset['complete']}` };
    };
    const t0 = performance.now();
    /** @type {number | undefined} */
    let firstScreen;
    /** @type {number | undefined} */
    let complete;
    const done = new Promise((resolve, reject) => {
      const check = () => {
        const now = performance.now() - t0;
        const cur = version();
        if (cur !== undefined) {
          const count = Number(cur.mc.dataset['count']);
          const shown = el('.event-table')?.dataset['rowsVersion'] === cur.v;
          if (firstScreen === undefined && count > 0 && shown) firstScreen = now;
          if (
            complete === undefined &&
            cur.mc.dataset['complete'] === 'true' &&
            (shown || count === 0)
          )
            complete = now;
          const facets = el('[data-testid="facets"]')?.dataset['version'] === cur.v;
          const timeline = el('.timeline-strip')?.dataset['version'] === cur.v;
          if (complete !== undefined && facets && timeline) {
            observer.disconnect();
            clearInterval(timer);
            resolve({
              q: query,
              count,
              firstScreenMs: firstScreen,
              completeMs: complete,
              searchMs: Number(cur.mc.dataset['elapsedMs']),
              facetsMs: Number(el('[data-testid="facets"]')?.dataset['elapsedMs']),
              histogramMs: Number(el('.timeline-strip')?.dataset['elapsedMs']),
              filesToScan: 0,
            });
          }
        }
        if (now > timeout) {
          observer.disconnect();
          clearInterval(timer);
          reject(new Error(`search "${query}" did not finish in ${timeout} ms`));
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, attributes: true, childList: true });
      const timer = setInterval(check, 250);
    });
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return /** @type {Promise<any>} */ (done);
  }, /** @type {const} */ ([q, timeoutMs]));
}

/**
 * Runs every lookup query once (they are all distinct, so none is answered from a cache) and the
 * free-text queries once each. `reps` is kept for the signature; the lookups are the repetitions.
 * @param {Page} page
 * @param {import('./pickQueries.js').BenchQueries} queries
 * @param {number} reps
 * @param {(line: string) => void} log
 */
export async function measureSearch(page, queries, reps, log) {
  /** @type {QueryTiming[]} */
  const lookups = [];
  for (let r = 0; r < Math.min(1, reps); r++) {
    for (const q of queries.lookups) {
      const t = await timeQuery(page, q);
      lookups.push(t);
      log(
        `search: ${q} → ${t.count.toLocaleString('en-US')} in ${t.completeMs.toFixed(0)} ms (worker ${t.searchMs.toFixed(1)} ms, facets ${t.facetsMs?.toFixed(1)} ms, histogram ${t.histogramMs?.toFixed(1)} ms)`,
      );
    }
  }
  const rare = await timeQuery(page, queries.rare.term);
  log(`search: rare "${queries.rare.term}" → ${rare.count} in ${rare.completeMs.toFixed(0)} ms`);
  const common = await timeQuery(page, queries.common.term);
  log(
    `search: common "${queries.common.term}" → ${common.count} first screen ${common.firstScreenMs?.toFixed(0)} ms, complete ${common.completeMs.toFixed(0)} ms`,
  );
  await timeQuery(page, '');
  const med = (/** @type {(t: QueryTiming) => number | undefined} */ f) =>
    median(
      lookups
        .map(f)
        .filter((v) => v !== undefined && Number.isFinite(v))
        .map(Number),
    );
  return {
    lookups,
    lookupFirstScreenMs: med((t) => t.firstScreenMs ?? t.completeMs),
    lookupSearchMs: med((t) => t.searchMs),
    facetsMs: med((t) => t.facetsMs),
    facetsMaxMs: Math.max(...lookups.map((t) => t.facetsMs ?? 0)),
    histogramMs: med((t) => t.histogramMs),
    rare,
    common,
  };
}

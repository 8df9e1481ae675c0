// The count-by figures (issue 17): `| count by` over every event, by one indexed field and by two,
// read through the page's `window.__cairnBench.countBy` (src/data/benchHook.ts), each beside a
// plain scan of the same rows (their records read back and grouped in a Map). Builds without the
// hook report nothing and the runner goes on.
import { median } from './stats.js';

/** The targets at 1M events, ms. */
export const COUNT_BY_TARGETS = { one: 50, two: 150 };

const QUERIES = { one: '| count by eventName', two: '| count by userName, eventName' };

/**
 * @param {import('@playwright/test').Page} page idle, nothing else running
 * @param {number} reps runs of each count (the median is kept)
 * @param {(line: string) => void} log
 * @returns {Promise<Record<string, { ms: number, groups: number, events: number,
 *   plainMs: number, plainRecords: number }> | undefined>}
 */
export async function measureCountBy(page, reps, log) {
  /** @type {Record<string, { ms: number, groups: number, events: number, plainMs: number, plainRecords: number }>} */
  const out = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const runs = [];
    let last;
    for (let i = 0; i < Math.max(1, reps); i++) {
      last = await page.evaluate(async (text) => {
        const hook =
          /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
            /** @type {unknown} */ (window)
          ).__cairnBench;
        return hook?.countBy === undefined ? undefined : hook.countBy.run(text);
      }, q);
      if (last === undefined) return undefined;
      runs.push(last.elapsedMs);
    }
    const plain = await page.evaluate(async (text) => {
      const hook = /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
        /** @type {unknown} */ (window)
      ).__cairnBench;
      return hook?.countBy.plain(text);
    }, q);
    if (last === undefined || plain === undefined) return undefined;
    const ms = median(runs);
    out[name] = {
      ms,
      groups: last.groups,
      events: last.events,
      plainMs: plain.ms,
      plainRecords: plain.records,
    };
    const target = COUNT_BY_TARGETS[/** @type {'one' | 'two'} */ (name)];
    log(
      `count by: "${q}" ${ms.toFixed(1)} ms (target ≤ ${target} ms, median of ${runs.length}), ${last.groups.toLocaleString('en-US')} groups of ${last.events.toLocaleString('en-US')} events; plain scan ${(plain.ms / 1000).toFixed(2)} s over ${plain.records.toLocaleString('en-US')} records (${(plain.ms / Math.max(ms, 0.01)).toFixed(0)}x)`,
    );
  }
  return out;
}

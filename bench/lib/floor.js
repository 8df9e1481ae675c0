// Node side of the floor: opens /__bench/floor.html and calls window.runFloor over the data set.
import { BENCH_PREFIX } from './server.js';
import { median } from './stats.js';

/**
 * @typedef {import('../floor.js').FloorResult} FloorResult
 * @typedef {{ workers: number, runs: FloorResult[], ms: number, minMs: number, maxMs: number,
 *   events: number, eventsPerSec: number, jsonMBps: number, gzMBps: number }} FloorSummary
 */

/**
 * Runs the floor `reps` times with each worker count and summarises each by its median.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {object} opts
 * @param {string} opts.baseUrl server root, ending with "/"
 * @param {string} opts.dataPath data set folder relative to bench/, e.g. "data/200000-1"
 * @param {readonly string[]} opts.files file paths relative to the data set folder
 * @param {readonly number[]} opts.workerCounts e.g. [2, 1]
 * @param {number} opts.reps runs per worker count
 * @param {(line: string) => void} opts.log
 * @returns {Promise<FloorSummary[]>}
 */
export async function measureFloor(context, { baseUrl, dataPath, files, workerCounts, reps, log }) {
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${baseUrl}${BENCH_PREFIX.slice(1)}floor.html`);
    await page.waitForFunction(() => 'runFloor' in window);
    const urls = files.map((f) => encodeURI(`${BENCH_PREFIX}${dataPath}/${f}`));
    /** @type {FloorSummary[]} */
    const out = [];
    for (const workers of workerCounts) {
      /** @type {FloorResult[]} */
      const runs = [];
      for (let i = 0; i < reps; i++) {
        const r = /** @type {FloorResult} */ (
          await page.evaluate(
            // @ts-expect-error runFloor is defined by floor.js
            ([u, w]) => window.runFloor(u, w),
            /** @type {const} */ ([urls, workers]),
          )
        );
        if (errors.length > 0) throw new Error(`floor page error: ${errors.join('; ')}`);
        log(
          `floor(${workers}w) run ${i + 1}/${reps}: ${(r.ms / 1000).toFixed(2)} s, ${r.events.toLocaleString('en-US')} events`,
        );
        runs.push(r);
      }
      const ms = median(runs.map((r) => r.ms));
      const { events, jsonBytes, gzBytes } = runs[0];
      out.push({
        workers,
        runs,
        ms,
        minMs: Math.min(...runs.map((r) => r.ms)),
        maxMs: Math.max(...runs.map((r) => r.ms)),
        events,
        eventsPerSec: events / (ms / 1000),
        jsonMBps: jsonBytes / 1e6 / (ms / 1000),
        gzMBps: gzBytes / 1e6 / (ms / 1000),
      });
    }
    return out;
  } finally {
    await page.close();
  }
}

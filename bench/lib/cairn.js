// Drives the built app through its automation hooks: <html data-ingest-state="busy|idle">,
// [data-testid="event-count"] with data-count / data-index-bytes, the hidden
// <input type=file webkitdirectory>, and performance.mark('cairn:ready') after a load.
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './stats.js';

const COUNT = '[data-testid="event-count"]';
const FOLDER_INPUT = 'input[type=file][webkitdirectory]';
/** Ingest of the biggest data sets must finish within this. */
const INGEST_TIMEOUT_MS = 30 * 60_000;
/** Give up when the app sits idle at a wrong count this long (it will not reach the target). */
const STALL_MS = 60_000;

/**
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {{ state: string | undefined, count: number, indexBytes: number }} AppState
 */

/** @param {Page} page @returns {Promise<AppState>} */
export function readState(page) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return {
      state: document.documentElement.dataset.ingestState,
      count: Number(el?.getAttribute('data-count') ?? NaN),
      indexBytes: Number(el?.getAttribute('data-index-bytes') ?? NaN),
    };
  }, COUNT);
}

/**
 * Waits until the app is idle and shows `events` events (and, if asked, has set its ready mark).
 * @param {Page} page @param {number} events @param {number} timeout ms @param {boolean} [ready]
 */
async function waitForCount(page, events, timeout, ready = false) {
  await page.waitForFunction(
    ([sel, n, needMark]) => {
      const el = document.querySelector(sel);
      return (
        document.documentElement.dataset.ingestState === 'idle' &&
        el !== null &&
        Number(el.getAttribute('data-count')) === n &&
        (!needMark || performance.getEntriesByName('cairn:ready').length > 0)
      );
    },
    /** @type {const} */ ([COUNT, events, ready]),
    { polling: 100, timeout },
  );
}

/**
 * Opens the app, sets the AWSLogs folder on the folder input and times until every event is counted.
 * The clock starts just before setInputFiles and stops when the app is idle with `events` counted.
 * @param {Page} page a page of a context with a fresh profile
 * @param {object} opts
 * @param {string} opts.baseUrl where dist/ is served
 * @param {string} opts.dir the AWSLogs directory to upload
 * @param {number} opts.events expected event count
 * @param {(line: string) => void} opts.log
 * @returns {Promise<{ ms: number, setInputFilesMs: number, before: AppState }>}
 * @throws when the app stops short of `events` or the 30-minute timeout passes
 */
export async function measureIngest(page, { baseUrl, dir, events, log }) {
  await page.goto(baseUrl);
  await page.waitForSelector('html[data-ingest-state="idle"]', {
    state: 'attached',
    timeout: 120_000,
  });
  const before = await readState(page);
  const input = page.locator(FOLDER_INPUT).first();
  let stopped = false;
  const t0 = performance.now();
  await input.setInputFiles(dir);
  const setInputFilesMs = performance.now() - t0;
  const watcher = watchProgress(page, events, t0, log, () => stopped);
  try {
    await Promise.race([waitForCount(page, events, INGEST_TIMEOUT_MS), watcher]);
  } finally {
    stopped = true;
  }
  const ms = performance.now() - t0;
  return { ms, setInputFilesMs, before };
}

/**
 * Logs progress every 5 s; rejects when the app has sat idle at the same wrong count for STALL_MS.
 * Never resolves: it only ends the race by failing.
 * @param {Page} page @param {number} events @param {number} t0 @param {(line: string) => void} log
 * @param {() => boolean} stopped
 * @returns {Promise<never>}
 */
async function watchProgress(page, events, t0, log, stopped) {
  let last = -1;
  let since = performance.now();
  for (;;) {
    await sleep(5000, undefined, { ref: false });
    if (stopped()) return new Promise(() => {});
    const s = await readState(page).catch(() => undefined);
    if (stopped()) return new Promise(() => {});
    if (s === undefined) continue;
    const secs = (performance.now() - t0) / 1000;
    log(
      `ingest: ${s.count.toLocaleString('en-US')} / ${events.toLocaleString('en-US')} events, ${s.state ?? '?'}, ${secs.toFixed(0)} s`,
    );
    if (s.count !== last || s.state !== 'idle') {
      last = s.count;
      since = performance.now();
    } else if (performance.now() - since > STALL_MS) {
      throw new Error(
        `ingest stopped at ${s.count} of ${events} events (app idle for ${STALL_MS / 1000} s)`,
      );
    }
  }
}

/**
 * Reloads the page `reps` times and reads, each time, the app's 'cairn:ready' mark (ms from
 * navigation start until the stored dataset is queryable) and the index size it reports.
 * @param {Page} page showing the app with `events` events stored
 * @param {object} opts
 * @param {number} opts.events
 * @param {number} opts.reps
 * @param {(line: string) => void} opts.log
 * @returns {Promise<{ runs: Array<{ readyMs: number, indexBytes: number }>, medianMs: number,
 *   minMs: number, maxMs: number, indexBytes: number, storageUsage: number | undefined }>}
 */
export async function measureReload(page, { events, reps, log }) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    await page.reload();
    await waitForCount(page, events, 5 * 60_000, true);
    const readyMs = await page.evaluate(
      () => performance.getEntriesByName('cairn:ready')[0].startTime,
    );
    const { indexBytes } = await readState(page);
    log(`reload ${i + 1}/${reps}: query-ready after ${Math.round(readyMs)} ms`);
    runs.push({ readyMs, indexBytes });
  }
  const ms = runs.map((r) => r.readyMs);
  const storage = await page.evaluate(() => navigator.storage.estimate()).catch(() => undefined);
  return {
    runs,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    indexBytes: runs[runs.length - 1].indexBytes,
    storageUsage: storage?.usage,
  };
}

/**
 * Waits until the app's background word filters are built (`data-words-pending` of the event count
 * reaches 0) and returns how long that took from now, ms.
 * @param {Page} page
 * @returns {Promise<number>}
 */
export async function waitForWords(page) {
  const t0 = Date.now();
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.getAttribute('data-words-pending') === '0',
    COUNT,
    { polling: 100, timeout: INGEST_TIMEOUT_MS },
  );
  return Date.now() - t0;
}

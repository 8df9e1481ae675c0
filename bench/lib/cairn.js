// Drives the built app through its automation hooks: <html data-ingest-state="busy|idle">,
// <html data-index-saved="pending|true|false"> (whether the index snapshot was written to IndexedDB;
// absent in builds before it) with [data-testid="index-save-error"], [data-testid="event-count"]
// with data-count / data-index-bytes, the hidden <input type=file webkitdirectory>, and
// performance.mark('cairn:ready') after a load; and, for what the screen does not show (the last
// detection run's figures), window.__cairnBench (detections.js).
import { setTimeout as sleep } from 'node:timers/promises';
import { readDetectionRun } from './detections.js';
import { median } from './stats.js';

const COUNT = '[data-testid="event-count"]';
const FOLDER_INPUT = 'input[type=file][webkitdirectory]';
/** Ingest of the biggest data sets must finish within this. */
const INGEST_TIMEOUT_MS = 30 * 60_000;
/** Give up when the app sits idle at a wrong count this long (it will not reach the target). */
const STALL_MS = 60_000;
/** A reload of a big case whose index was not saved parses every stored file again: minutes. */
const RELOAD_TIMEOUT_MS = 15 * 60_000;
/** After the ready mark, how long the event count may take to show the stored count. */
const COUNT_SETTLE_MS = 30_000;
/** How long after the ingest data-index-saved may take to appear before it is "unknown". */
const INDEX_SAVED_APPEAR_MS = 120_000;
/** How long an index write may stay "pending". */
const INDEX_SAVED_SETTLE_MS = 30 * 60_000;

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
 * @returns {Promise<{ ms: number, setInputFilesMs: number, before: AppState, after: AppState,
 *   detections: import('./detections.js').DetectionRun | undefined }>} detections: the rule run
 *   that followed the ingest (the page says idle only once it ended, so `ms` includes it)
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
  const after = await readState(page);
  const detections = await readDetectionRun(page);
  return { ms, setInputFilesMs, before, after, detections };
}

/**
 * What the page shows that a user would read as a problem: the text of every [role="alert"] and of
 * [data-testid="index-save-error"], and the status lines ([role="status"]), as rendered (innerText:
 * the spans of a line stay apart), whitespace collapsed.
 * @param {Page} page
 * @returns {Promise<{ alerts: string[], status: string[], saveError: string | undefined }>}
 */
export function readNotices(page) {
  return page.evaluate(() => {
    const texts = (/** @type {string} */ sel) =>
      [...document.querySelectorAll(sel)]
        .map((e) =>
          (e instanceof HTMLElement ? e.innerText : (e.textContent ?? ''))
            .replace(/\s+/g, ' ')
            .trim(),
        )
        .filter((t) => t !== '');
    return {
      alerts: texts('[role="alert"]'),
      status: texts('[role="status"]'),
      saveError: texts('[data-testid="index-save-error"]')[0],
    };
  });
}

/**
 * @typedef {{ state: 'true' | 'false' | 'unknown' | 'pending', ms: number, sawPending: boolean,
 *   error?: string }} IndexSaved
 *   state: 'true'/'false' as the app says; 'unknown' when the attribute never appeared (a build
 *   before it); 'pending' when the write had not ended after INDEX_SAVED_SETTLE_MS. ms: from the call
 *   (the ingest's end) until settled. error: [data-testid="index-save-error"] when false, or why the
 *   page could not be read.
 */

/**
 * Waits until `<html data-index-saved>` settles on "true" or "false" (the same value on two polls a
 * second apart, so a write queued just after the ingest's end is not missed).
 * @param {Page} page idle after an ingest
 * @param {(line: string) => void} log
 * @returns {Promise<IndexSaved>}
 */
export async function waitForIndexSaved(page, log) {
  const t0 = performance.now();
  let sawPending = false;
  let lastLog = t0;
  /** @type {string | undefined} */
  let previous;
  for (;;) {
    /** @type {string | undefined} */
    let value;
    try {
      value = await page.evaluate(() => document.documentElement.dataset.indexSaved);
    } catch (e) {
      // The page crashed or closed: nothing more to wait for.
      const error = `could not read the page: ${e instanceof Error ? e.message : String(e)}`;
      return { state: 'unknown', ms: performance.now() - t0, sawPending, error };
    }
    const now = performance.now();
    if (value === 'pending') sawPending = true;
    if ((value === 'true' || value === 'false') && value === previous) {
      const error =
        value === 'false' ? ((await readNotices(page)).saveError ?? undefined) : undefined;
      return {
        state: value,
        ms: now - t0,
        sawPending,
        ...(error === undefined ? {} : { error }),
      };
    }
    if (value === undefined && now - t0 > INDEX_SAVED_APPEAR_MS)
      return { state: 'unknown', ms: now - t0, sawPending };
    if (value !== undefined && now - t0 > INDEX_SAVED_SETTLE_MS)
      return { state: 'pending', ms: now - t0, sawPending };
    if (now - lastLog > 15_000) {
      lastLog = now;
      log(
        `index saved: ${value === undefined ? 'no data-index-saved attribute yet' : value}, ${((now - t0) / 1000).toFixed(0)} s after the ingest`,
      );
    }
    previous = value;
    await sleep(value === 'true' || value === 'false' ? 1000 : 250);
  }
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
 * @typedef {{ readyMs: number, wallMs: number, indexBytes: number, count: number,
 *   detections: import('./detections.js').DetectionRun | undefined }} ReloadRun
 *   detections: the rule run over every stored row as the case opened (ended before idle)
 * @typedef {{ rep: number, kind: 'count' | 'error' | 'timeout' | 'crash' | 'stalled',
 *   expected: number, count: number | undefined, wallMs: number, readyMs: number | undefined,
 *   message: string, alerts: string[], status: string[] }} ReloadFailure
 *   kind: 'count' the app became ready showing another count; 'error' it reported an error
 *   (e.g. "Could not open the stored dataset: …") without becoming ready; 'timeout' not ready within
 *   RELOAD_TIMEOUT_MS; 'crash' the page crashed or closed; 'stalled' idle without a ready mark or
 *   an alert for STALL_MS
 * @typedef {{ runs: ReloadRun[], medianMs: number, minMs: number, maxMs: number,
 *   indexBytes: number, count: number | undefined, storageUsage: number | undefined,
 *   failure: ReloadFailure | undefined }} ReloadResult
 *   medianMs/minMs/maxMs: NaN when no reload succeeded; count: the count shown after the last reload
 */

/**
 * Reloads the page `reps` times and reads, each time, the app's 'cairn:ready' mark (ms from
 * navigation start until the stored dataset is queryable), the event count it then shows and the
 * index size it reports. Stops at the first reload that does not come back with `events` events
 * (another count, an error, a crash, or RELOAD_TIMEOUT_MS) and reports it as `failure`, with the
 * page's alert and status text; it does not throw for those.
 * @param {Page} page showing the app with `events` events stored
 * @param {object} opts
 * @param {number} opts.events
 * @param {number} opts.reps
 * @param {(line: string) => void} opts.log
 * @returns {Promise<ReloadResult>}
 */
export async function measureReload(page, { events, reps, log }) {
  /** @type {ReloadRun[]} */
  const runs = [];
  /** @type {ReloadFailure | undefined} */
  let failure;
  /** @type {number | undefined} */
  let count;
  let crashed = false;
  const onCrash = () => {
    crashed = true;
  };
  page.on('crash', onCrash);
  page.on('close', onCrash);
  try {
    for (let i = 0; i < reps && failure === undefined; i++) {
      const t0 = performance.now();
      const outcome = await reloadOnce(page, events, t0, log, () => crashed);
      const wallMs = performance.now() - t0;
      count = outcome.count;
      if (outcome.kind === 'ready' && outcome.count === events) {
        const { indexBytes } = await readState(page);
        log(
          `reload ${i + 1}/${reps}: query-ready after ${Math.round(outcome.readyMs ?? NaN)} ms, ${events.toLocaleString('en-US')} events`,
        );
        const detections = await readDetectionRun(page);
        runs.push({
          readyMs: outcome.readyMs ?? NaN,
          wallMs,
          indexBytes,
          count: outcome.count,
          detections,
        });
        continue;
      }
      const notices = crashed
        ? { alerts: [], status: [] }
        : await readNotices(page).catch(() => ({ alerts: [], status: [] }));
      failure = {
        rep: i + 1,
        kind: outcome.kind === 'ready' ? 'count' : outcome.kind,
        expected: events,
        count: outcome.count,
        wallMs,
        readyMs: outcome.readyMs,
        message: outcome.message,
        alerts: notices.alerts,
        status: notices.status,
      };
      log(
        `reload ${i + 1}/${reps}: FAILED (${failure.kind}) after ${(wallMs / 1000).toFixed(1)} s: ${outcome.message}${notices.alerts.length > 0 ? ` | page says: ${notices.alerts.join(' | ')}` : ''}`,
      );
    }
  } finally {
    page.off('crash', onCrash);
    page.off('close', onCrash);
  }
  const ms = runs.map((r) => r.readyMs);
  const storage = crashed
    ? undefined
    : await page
        .evaluate(() => navigator.storage.estimate())
        .catch(() => /** @type {StorageEstimate | undefined} */ (undefined));
  return {
    runs,
    medianMs: ms.length === 0 ? NaN : median(ms),
    minMs: ms.length === 0 ? NaN : Math.min(...ms),
    maxMs: ms.length === 0 ? NaN : Math.max(...ms),
    indexBytes: runs.at(-1)?.indexBytes ?? NaN,
    count,
    storageUsage: storage?.usage,
    failure,
  };
}

/**
 * One reload, polled until the app is idle and ready (then until the count settles), reports an
 * error, crashes, stalls or times out.
 * @param {Page} page @param {number} events @param {number} t0 @param {(line: string) => void} log
 * @param {() => boolean} crashed
 * @returns {Promise<{ kind: 'ready' | 'error' | 'timeout' | 'crash' | 'stalled',
 *   count: number | undefined, readyMs: number | undefined, message: string }>}
 */
async function reloadOnce(page, events, t0, log, crashed) {
  try {
    await page.reload({ timeout: RELOAD_TIMEOUT_MS });
  } catch (e) {
    if (crashed())
      return { kind: 'crash', count: undefined, readyMs: undefined, message: String(e) };
    return {
      kind: 'timeout',
      count: undefined,
      readyMs: undefined,
      message: `reload: ${String(e)}`,
    };
  }
  /** @type {number | undefined} */
  let readySince;
  /** @type {number | undefined} */
  let idleSince;
  let lastLog = performance.now();
  for (;;) {
    if (crashed())
      return { kind: 'crash', count: undefined, readyMs: undefined, message: 'the page crashed' };
    /** @type {{ idle: boolean, ready: number | undefined, count: number, alerts: number, status: string } | undefined} */
    let s;
    try {
      s = await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        return {
          idle: document.documentElement.dataset.ingestState === 'idle',
          ready: performance.getEntriesByName('cairn:ready')[0]?.startTime,
          count: Number(el?.getAttribute('data-count') ?? NaN),
          alerts: document.querySelectorAll('[role="alert"]').length,
          status: [...document.querySelectorAll('[role="status"]')]
            .map((e) =>
              (e instanceof HTMLElement ? e.innerText : (e.textContent ?? ''))
                .replace(/\s+/g, ' ')
                .trim(),
            )
            .join(' | '),
        };
      }, COUNT);
    } catch (e) {
      if (crashed())
        return { kind: 'crash', count: undefined, readyMs: undefined, message: String(e) };
      // A navigation in progress destroys the context: poll again.
      s = undefined;
    }
    const now = performance.now();
    const count = s === undefined || Number.isNaN(s.count) ? undefined : s.count;
    if (s !== undefined && s.idle && s.ready !== undefined) {
      if (count === events) return { kind: 'ready', count, readyMs: s.ready, message: 'ok' };
      readySince ??= now;
      if (now - readySince > COUNT_SETTLE_MS)
        return {
          kind: 'ready',
          count,
          readyMs: s.ready,
          message: `ready, but shows ${count?.toLocaleString('en-US') ?? 'no'} events instead of ${events.toLocaleString('en-US')}`,
        };
    } else if (s !== undefined && s.idle) {
      idleSince ??= now;
      if (s.alerts > 0 && now - idleSince > 2000)
        return {
          kind: 'error',
          count,
          readyMs: undefined,
          message: 'idle with an error, not ready',
        };
      if (now - idleSince > STALL_MS)
        return {
          kind: 'stalled',
          count,
          readyMs: undefined,
          message: `idle for ${STALL_MS / 1000} s without the cairn:ready mark`,
        };
    } else idleSince = undefined;
    if (now - t0 > RELOAD_TIMEOUT_MS)
      return {
        kind: 'timeout',
        count,
        readyMs: s?.ready,
        message: `not ready within ${RELOAD_TIMEOUT_MS / 60_000} min`,
      };
    if (now - lastLog > 30_000) {
      lastLog = now;
      log(
        `reload: ${((now - t0) / 1000).toFixed(0)} s, ${s?.idle === true ? 'idle' : 'busy'}, count ${count?.toLocaleString('en-US') ?? '—'}${s?.status ? `, ${s.status.slice(0, 160)}` : ''}`,
      );
    }
    await sleep(250);
  }
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

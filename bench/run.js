// `npm run bench`: generates (or reuses) the synthetic data set, serves dist/ and bench/ locally,
// and measures in headless Chromium (fresh profile) Cairn's ingest of the AWSLogs folder, its
// query-ready time after a reload and its index size, against the native floor (gunzip + parse);
// the detection rules' run after the ingest, against a plain scan of the same records; whether the index was saved (data-index-saved), that a reload shows every event again, and the
// browser's memory (PSS of all its processes) after the ingest and after the reload.
// Exits 0 whether targets pass or fail (it is a measurement); non-zero on errors, and when a reload
// does not show the generated count (after writing the results).
// Flags: --events N (200000)  --seed S (1)  --cardinality normal|high (normal)  --reps R (3)
//        --ingest-reps R (3)  --skip-floor  --skip-search  --skip-export
//        --json out.json  --verbose (records read back per rule, from a build that reports them)
//        --dist DIR
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CARDINALITIES, dataDirName, generate } from './generate.js';
import { launchBrowser } from './lib/browser.js';
import {
  measureIngest,
  measureReload,
  readNotices,
  waitForIndexSaved,
  waitForWords,
} from './lib/cairn.js';
import { measurePlainScan, summariseDetections } from './lib/detections.js';
import { measureCountBy } from './lib/countBy.js';
import { benchSituationReport } from './lib/reportBench.js';
import { describeSessions, measureSessions } from './lib/sessions.js';
import { describeIdentityBench, measureIdentityProfile } from './lib/identityBench.js';
import { describePss, samplePeak } from './lib/memory.js';
import { measureFloor } from './lib/floor.js';
import { pickQueries } from './lib/pickQueries.js';
import { describeExport, measureExport } from './lib/exportBench.js';
import { describeIpOrigins, measureIpOrigins } from './lib/ipOriginBench.js';
import { measureSearch } from './lib/search.js';
import { measureScanFloor, printSearch } from './lib/searchReport.js';
import { printReport, summarise } from './lib/report.js';
import { startServer } from './lib/server.js';
import { median } from './lib/stats.js';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(BENCH, '..');

/** An error in how the bench was called or set up: reported without a stack trace. */
class UsageError extends Error {}

/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * @returns {{ events: number, seed: number,
 *   cardinality: import('./generate.js').Cardinality, reps: number, ingestReps: number,
 *   skipFloor: boolean, skipSearch: boolean, skipExport: boolean,
 *   json: string | undefined, verbose: boolean,
 *   dist: string }}
 */
function readArgs() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '1' },
      cardinality: { type: 'string', default: 'normal' },
      reps: { type: 'string', default: '3' },
      'ingest-reps': { type: 'string', default: '3' },
      'skip-floor': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      'skip-export': { type: 'boolean', default: false },
      json: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      dist: { type: 'string', default: join(ROOT, 'dist') },
    },
  });
  const events = Number(values.events);
  const seed = Number(values.seed);
  const reps = Number(values.reps);
  if (!Number.isInteger(events) || events < 1)
    throw new UsageError(`--events must be a positive integer, got ${values.events}`);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be an integer, got ${values.seed}`);
  if (!Number.isInteger(reps) || reps < 1)
    throw new UsageError(`--reps must be a positive integer, got ${values.reps}`);
  const cardinality = /** @type {import('./generate.js').Cardinality} */ (values.cardinality);
  if (!CARDINALITIES.includes(cardinality))
    throw new UsageError(
      `--cardinality must be one of ${CARDINALITIES.join(', ')}, got ${values.cardinality}`,
    );
  const ingestReps = Number(values['ingest-reps']);
  if (!Number.isInteger(ingestReps) || ingestReps < 1)
    throw new UsageError(`--ingest-reps must be a positive integer, got ${values['ingest-reps']}`);
  return {
    events,
    seed,
    cardinality,
    reps,
    ingestReps,
    skipFloor: values['skip-floor'] === true,
    skipSearch: values['skip-search'] === true,
    skipExport: values['skip-export'] === true,
    json: values.json,
    verbose: values.verbose === true,
    dist: resolve(values.dist),
  };
}

async function main() {
  const args = readArgs();
  if (!existsSync(join(args.dist, 'index.html'))) {
    throw new UsageError(
      `No ${join(args.dist, 'index.html')}: build the app first (npm run build; npm run bench builds it).`,
    );
  }
  const loadAtStart = loadavg()[0];
  if (loadAtStart > availableParallelism() / 2) {
    log(
      `note: 1-min load average is ${loadAtStart.toFixed(1)} on ${availableParallelism()} CPUs: other work will skew the figures`,
    );
  }
  const dataPath = `data/${dataDirName(args.events, args.seed, args.cardinality)}`;
  const dataDir = join(BENCH, dataPath);
  const manifest = await generate({
    events: args.events,
    seed: args.seed,
    cardinality: args.cardinality,
    outDir: dataDir,
    log,
  });
  const server = await startServer({ distDir: args.dist, benchDir: BENCH });
  log(`serving dist/ and bench/ at ${server.url}`);
  /** @type {Awaited<ReturnType<typeof launchBrowser>> | undefined} */
  let browser;
  try {
    browser = await launchBrowser();
    log(`chromium ${browser.version} (${browser.executable})`);
    const page = await browser.context.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('crash', () => pageErrors.push('page crashed'));
    const pss = browser.pss;

    log(`ingest: setting ${join(dataDir, 'AWSLogs')} on the folder input`);
    const ingestPeak = samplePeak(pss);
    const ingest = await measureIngest(page, {
      baseUrl: server.url,
      dir: join(dataDir, 'AWSLogs'),
      events: args.events,
      log,
    }).catch(async (/** @type {unknown} */ e) => {
      const notices = await readNotices(page).catch(() => undefined);
      log(`ingest failed; page errors: ${pageErrors.slice(0, 5).join(' | ') || 'none'}`);
      if (notices !== undefined) log(`ingest failed; page says: ${notices.alerts.join(' | ')}`);
      throw e;
    });
    log(
      `ingest: ${args.events.toLocaleString('en-US')} events in ${(ingest.ms / 1000).toFixed(2)} s`,
    );
    const ingestEnd = performance.now();
    // The word filters build in the background meanwhile: their time counts from the ingest's end.
    const words = waitForWords(page).then(
      (ms) => ({ ms, error: undefined }),
      (/** @type {unknown} */ e) => ({
        ms: undefined,
        error: e instanceof Error ? e.message : String(e),
      }),
    );
    let indexSaved = await waitForIndexSaved(page, log);
    const afterIngest = pss();
    const peakIngest = ingestPeak.stop();
    log(`index saved: ${describeIndexSaved(indexSaved)}`);
    log(`memory: browser PSS after ingest ${describePss(afterIngest)}`);
    const { ms: wordsMs, error: wordsError } = await words;
    if (wordsMs !== undefined)
      log(`words: background word filters built ${(wordsMs / 1000).toFixed(2)} s after ingest`);
    else log(`words: not built: ${wordsError}`);
    // A write queued after the first one settled (e.g. with the word filters) counts too.
    const savedNow = await page
      .evaluate(() => document.documentElement.dataset.indexSaved)
      .catch(() => undefined);
    if (savedNow !== undefined && savedNow !== indexSaved.state) {
      indexSaved = { ...(await waitForIndexSaved(page, log)), ms: performance.now() - ingestEnd };
      log(`index saved (after the word filters): ${describeIndexSaved(indexSaved)}`);
    }
    if (ingest.detections !== undefined) {
      const run = ingest.detections.progress;
      log(
        `detections: ${ingest.detections.rules} rules ran over ${run.rows.toLocaleString('en-US')} rows in ${((run.lastRunMs ?? NaN) / 1000).toFixed(2)} s (inside the ingest figure), ${run.recordsRead.toLocaleString('en-US')} records read back`,
      );
    }
    // With the word filters built and the index saved, nothing else runs in the page: the plain
    // scan gets the worker to itself.
    const plainScan = await measurePlainScan(page);
    if (plainScan !== undefined)
      log(
        `detections: plain scan (every rule, every record) ${(plainScan.ms / 1000).toFixed(2)} s, ${plainScan.records.toLocaleString('en-US')} records`,
      );
    const countBy = await benchCountBy(page, args.reps);
    await benchSessions(page);
    const identity = await identityStep(page, args.reps);
    const ipOrigins = await benchIpOrigins(page);
    const reloadPeak = samplePeak(pss);
    const reload = await measureReload(page, { events: args.events, reps: args.reps, log });
    const afterReload = pss();
    const peakReload = reloadPeak.stop();
    log(`memory: browser PSS after reload ${describePss(afterReload)}`);
    const reloadOk = reload.failure === undefined;
    const memory = {
      afterIngest,
      afterReload,
      peakDuringIngestKB: peakIngest.peakKB,
      peakDuringReloadKB: peakReload.peakKB,
    };
    const queries =
      args.skipSearch || !reloadOk
        ? undefined
        : pickQueries(
            dataDir,
            manifest.files.map((f) => f.path),
            log,
          );
    const search =
      queries === undefined ? undefined : await measureSearch(page, queries, args.reps, log);
    // Issue 18: Parquet beside JSON lines, each with its time and peak page heap.
    const exported =
      search === undefined || args.skipExport ? undefined : await measureExport(page, 'jsonl');
    const exportedParquet =
      search === undefined || args.skipExport ? undefined : await measureExport(page, 'parquet');
    for (const e of [exported, exportedParquet]) {
      if (e !== undefined) log(`export: ${describeExport(e)}`);
    }
    // Issue 17: the situation report beside a plain scan (self-contained: bench/lib/reportBench.js).
    if (reloadOk) await benchSituationReport(page, { reps: args.reps, log });
    await page.close().catch(() => {});
    const scanFloor =
      search === undefined
        ? undefined
        : await measureScanFloor(browser.context, server.url, args.events);
    // One ingest is one sample of a noisy machine: the others each get a fresh browser and profile,
    // and the median is reported, as for the floor.
    const ingests = [ingest];
    for (let i = 2; i <= args.ingestReps; i++) {
      const fresh = await launchBrowser();
      try {
        const again = await measureIngest(await fresh.context.newPage(), {
          baseUrl: server.url,
          dir: join(dataDir, 'AWSLogs'),
          events: args.events,
          log,
        });
        log(`ingest ${i}/${args.ingestReps}: ${(again.ms / 1000).toFixed(2)} s`);
        ingests.push(again);
      } finally {
        await fresh.close();
      }
    }
    const ingestMs = ingests.map((r) => r.ms).sort((a, b) => a - b);
    const detections = summariseDetections({
      ingestRuns: ingests.map((r) => r.detections),
      plain: plainScan,
      ingestMs: median(ingestMs),
      reloadRuns: reload.runs.map((r) => r.detections),
    });

    const floor = args.skipFloor
      ? undefined
      : await measureFloor(browser.context, {
          baseUrl: server.url,
          dataPath,
          files: manifest.files.map((f) => f.path),
          workerCounts: [2, 1],
          reps: args.reps,
          log,
        });

    const summary = summarise({
      manifest,
      ingest: {
        ms: median(ingestMs),
        minMs: ingestMs[0] ?? ingest.ms,
        maxMs: ingestMs.at(-1) ?? ingest.ms,
        runs: ingestMs.length,
      },
      // A failed reload reports no index size: the one the ingest ended with stands in.
      reload: Number.isFinite(reload.indexBytes)
        ? reload
        : { ...reload, indexBytes: ingest.after.indexBytes },
      floor,
      detections,
    });
    printReport({
      manifest,
      summary,
      reload,
      floor,
      chromium: browser.version,
      indexSaved,
      memory,
      detections,
      verbose: args.verbose,
    });
    const searchTargets =
      search === undefined || queries === undefined
        ? undefined
        : printSearch({ search, queries, scanFloor, floor, events: args.events, wordsMs });
    const exports = [exported, exportedParquet].filter((e) => e !== undefined);
    if (exports.length > 0) {
      process.stdout.write(
        `${exports.map((e) => `export    ${describeExport(e)}`).join('\n')}\n\n`,
      );
    }
    if (pageErrors.length > 0)
      log(
        `page errors during the run (${pageErrors.length}): ${pageErrors.slice(0, 5).join(' | ')}`,
      );

    const results = {
      date: new Date().toISOString(),
      args,
      machine: {
        cpus: availableParallelism(),
        cpuModel: cpus()[0]?.model,
        memGB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAvg1mAtStart: loadAtStart,
        loadAvg1mAtEnd: loadavg()[0],
      },
      chromium: { version: browser.version, executable: browser.executable },
      appVersion: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      dataset: {
        events: manifest.events,
        seed: manifest.seed,
        cardinality: manifest.cardinality ?? 'normal',
        distinct: manifest.distinct,
        files: manifest.files.length,
        jsonBytes: manifest.jsonBytes,
        gzBytes: manifest.gzBytes,
        generatorVersion: manifest.version,
      },
      ingest: { ...ingest, ...summary.ingest, runsMs: ingests.map((r) => r.ms) },
      indexSaved,
      reload,
      reloadCheck: { expected: args.events, count: reload.count, ok: reloadOk },
      memory,
      wordsMs,
      indexBytesPerEvent: summary.indexBytesPerEvent,
      detections,
      floor,
      ratioPct: summary.ratioPct,
      ratio2Pct: summary.ratio2Pct,
      targets: summary.targets,
      search,
      countBy,
      queries,
      scanFloor,
      searchTargets,
      exported,
      exportedParquet,
      identity,
      ipOrigins,
      pageErrors,
    };
    const out = join(BENCH, 'results', `${results.date.replace(/[:.]/g, '-')}-${args.events}.json`);
    mkdirSync(join(BENCH, 'results'), { recursive: true });
    writeFileSync(out, JSON.stringify(results, null, 2));
    log(`results: ${out}`);
    if (args.json !== undefined) {
      writeFileSync(args.json, JSON.stringify(results, null, 2));
      log(`results: ${args.json}`);
    }
    if (reload.failure !== undefined) {
      const f = reload.failure;
      const line = `FAILURE: after reload ${f.rep} the app shows ${f.count === undefined ? 'no' : f.count.toLocaleString('en-US')} events, expected ${f.expected.toLocaleString('en-US')} (${f.kind}: ${f.message}${f.alerts.length > 0 ? `; page says: ${f.alerts.join(' | ')}` : ''})`;
      process.stdout.write(`${line}\n`);
      log(line);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}

// ── Sessions (issue 17 §3): self-contained, logs its own lines, changes nothing in the case. ──
/**
 * The session list over every event and under a filter, each beside a plain scan of the same rows.
 * @param {import('@playwright/test').Page} page idle, nothing else running
 */
async function benchSessions(page) {
  for (const q of ['', 'readOnly:false']) {
    const figures = await measureSessions(page, { q }).catch((/** @type {unknown} */ e) => {
      log(`sessions: failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    if (figures === undefined) return;
    for (const line of describeSessions(figures)) log(line);
  }
}

/**
 * Identity profiles (issue 17): the top identity's profile, timed by the engine, beside a plain scan
 * of its records. Self-contained: its figures go to the log and to `results.identity`.
 * @param {import('playwright').Page} page idle, nothing else running
 * @param {number} reps
 */
async function identityStep(page, reps) {
  const bench = await measureIdentityProfile(page, Math.max(3, reps)).catch(
    (/** @type {unknown} */ e) => {
      log(`identity: failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    },
  );
  if (bench !== undefined) {
    log(describeIdentityBench(bench));
    process.stdout.write(`${describeIdentityBench(bench)}\n\n`);
  }
  return bench;
}

// ---- IP enrichment (issue 17, "Where IPs come from"): self-contained, see lib/ipOriginBench.js ----

/**
 * Measures the IP enrichment of every distinct source IP beside a plain per-row lookup, and prints
 * it; undefined (and nothing printed) for a build without the hook.
 * @param {import('@playwright/test').Page} page idle, with the case loaded
 */
async function benchIpOrigins(page) {
  const figures = await measureIpOrigins(page);
  if (figures !== undefined) process.stdout.write(`${describeIpOrigins(figures)}\n\n`);
  return figures;
}

// ---- end of IP enrichment ----

/** @param {import('./lib/cairn.js').IndexSaved} s @returns {string} */
/**
 * Issue 17's count-by step, on its own so other steps merge beside it: `| count by` one indexed
 * field and two, each beside a plain scan of the same rows (bench/lib/countBy.js). Logs its lines;
 * undefined for a build without the hook.
 * @param {import('@playwright/test').Page} page idle
 * @param {number} reps
 */
async function benchCountBy(page, reps) {
  try {
    return await measureCountBy(page, reps, log);
  } catch (error) {
    log(`count by: failed (${String(error)})`);
    return undefined;
  }
}

function describeIndexSaved(s) {
  const after = `${(s.ms / 1000).toFixed(1)} s after the ingest`;
  if (s.state === 'unknown')
    return `unknown (no data-index-saved attribute within ${(s.ms / 1000).toFixed(0)} s: a build before it)`;
  if (s.state === 'pending') return `still pending ${after}`;
  return `${s.state}, settled ${after}${s.error === undefined ? '' : `: ${s.error}`}`;
}

main().catch((err) => {
  const detail =
    err instanceof UsageError
      ? err.message
      : err instanceof Error
        ? (err.stack ?? err.message)
        : String(err);
  process.stderr.write(`bench failed: ${detail}\n`);
  process.exitCode = 1;
});

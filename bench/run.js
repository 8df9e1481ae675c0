// `npm run bench`: generates (or reuses) the synthetic data set, serves dist/ and bench/ locally,
// and measures in headless Chromium (fresh profile) Cairn's ingest of the AWSLogs folder, its
// query-ready time after a reload and its index size, against the native floor (gunzip + parse).
// Exits 0 whether targets pass or fail (it is a measurement); non-zero only on errors.
// Flags: --events N (200000)  --seed S (1)  --reps R (3)  --ingest-reps R (3)  --skip-floor
//        --skip-search  --skip-export
//        --json out.json
//        --dist DIR
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.js';
import { launchBrowser } from './lib/browser.js';
import { measureIngest, measureReload, waitForWords } from './lib/cairn.js';
import { measureFloor } from './lib/floor.js';
import { pickQueries } from './lib/pickQueries.js';
import { measureExport } from './lib/exportBench.js';
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
 * @returns {{ events: number, seed: number, reps: number, ingestReps: number, skipFloor: boolean,
 *   skipSearch: boolean,
 *   json: string | undefined,
 *   dist: string }}
 */
function readArgs() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '1' },
      reps: { type: 'string', default: '3' },
      'ingest-reps': { type: 'string', default: '3' },
      'skip-floor': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      'skip-export': { type: 'boolean', default: false },
      json: { type: 'string' },
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
  const ingestReps = Number(values['ingest-reps']);
  if (!Number.isInteger(ingestReps) || ingestReps < 1)
    throw new UsageError(`--ingest-reps must be a positive integer, got ${values['ingest-reps']}`);
  return {
    events,
    seed,
    reps,
    ingestReps,
    skipFloor: values['skip-floor'] === true,
    skipSearch: values['skip-search'] === true,
    skipExport: values['skip-export'] === true,
    json: values.json,
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
  const dataPath = `data/${args.events}-${args.seed}`;
  const dataDir = join(BENCH, dataPath);
  const manifest = await generate({ events: args.events, seed: args.seed, outDir: dataDir, log });
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

    log(`ingest: setting ${join(dataDir, 'AWSLogs')} on the folder input`);
    const ingest = await measureIngest(page, {
      baseUrl: server.url,
      dir: join(dataDir, 'AWSLogs'),
      events: args.events,
      log,
    });
    log(
      `ingest: ${args.events.toLocaleString('en-US')} events in ${(ingest.ms / 1000).toFixed(2)} s`,
    );
    const wordsMs = await waitForWords(page);
    log(`words: background word filters built ${(wordsMs / 1000).toFixed(2)} s after ingest`);
    const reload = await measureReload(page, { events: args.events, reps: args.reps, log });
    const queries = args.skipSearch
      ? undefined
      : pickQueries(
          dataDir,
          manifest.files.map((f) => f.path),
          log,
        );
    const search =
      queries === undefined ? undefined : await measureSearch(page, queries, args.reps, log);
    const exported =
      search === undefined || args.skipExport ? undefined : await measureExport(page);
    if (exported !== undefined) {
      log(
        `export: ${args.events.toLocaleString('en-US')} events as JSON lines, ${(exported.bytes / 1e6).toFixed(0)} MB in ${(exported.ms / 1000).toFixed(1)} s; page heap after ${exported.heapMB?.toFixed(0)} MB`,
      );
    }
    await page.close();
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
      reload,
      floor,
    });
    printReport({ manifest, summary, reload, floor, chromium: browser.version });
    const searchTargets =
      search === undefined || queries === undefined
        ? undefined
        : printSearch({ search, queries, scanFloor, floor, events: args.events, wordsMs });
    if (exported !== undefined) {
      process.stdout.write(
        `export    every event as JSON lines: ${(exported.bytes / 1e6).toFixed(0)} MB in ${(exported.ms / 1000).toFixed(1)} s (${(exported.bytes / 1e6 / (exported.ms / 1000)).toFixed(0)} MB/s); page JS heap after: ${exported.heapMB?.toFixed(0) ?? 'n/a'} MB\n\n`,
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
        files: manifest.files.length,
        jsonBytes: manifest.jsonBytes,
        gzBytes: manifest.gzBytes,
        generatorVersion: manifest.version,
      },
      ingest: { ...ingest, ...summary.ingest, runsMs: ingests.map((r) => r.ms) },
      reload,
      wordsMs,
      indexBytesPerEvent: summary.indexBytesPerEvent,
      floor,
      ratioPct: summary.ratioPct,
      ratio2Pct: summary.ratio2Pct,
      targets: summary.targets,
      search,
      queries,
      scanFloor,
      searchTargets,
      exported,
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
  } finally {
    await browser?.close();
    await server.close();
  }
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

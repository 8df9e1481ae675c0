// Writes the synthetic CloudTrail data set the benchmark ingests: N events as gzipped
// {"Records":[…]} log files of 1,000–3,000 records in the S3 layout
// AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<stamp>_<rand>.json.gz,
// 2 accounts, 4 Regions, March 2024 (30 days). Deterministic for a given (events, seed): files are
// planned up front and each is generated from its own seed, in worker threads, one file at a time.
// Usage on its own: node bench/generate.js [--events N] [--seed S] [--out DIR]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Rng, mixSeed, weighted } from './gen/prng.js';
import { REGIONS, buildPools } from './gen/pools.js';

/** Bump when the generated content changes, so cached data sets are regenerated. */
export const GENERATOR_VERSION = 1;
const START = Date.UTC(2024, 2, 1);
const SPAN = 30 * 86_400_000;
const ACCOUNT_SHARE = [0.6, 0.4];

/**
 * @typedef {{ path: string, account: string, region: string, events: number, jsonBytes: number,
 *   gzBytes: number }} ManifestFile
 * @typedef {{ version: number, events: number, seed: number, files: ManifestFile[], jsonBytes: number,
 *   gzBytes: number, generatedMs: number, createdAt: string }} Manifest
 * @typedef {import('./gen/worker.js').WorkerTask & { path: string, accountId: string }} PlannedFile
 */

/**
 * Generates the data set into `outDir`, or reuses it when `<outDir>/manifest.json` was written for the
 * same events, seed and generator version. NOTE deletes `<outDir>/AWSLogs` before generating.
 * @param {object} opts
 * @param {number} [opts.events] number of events; defaults to 200,000
 * @param {string} opts.outDir target directory (created if missing)
 * @param {number} [opts.seed] PRNG seed; defaults to 1
 * @param {number} [opts.workers] generator threads; defaults to the number of CPUs
 * @param {(line: string) => void} [opts.log] progress output; defaults to console.log
 * @returns {Promise<Manifest>}
 */
export async function generate({
  events = 200_000,
  outDir,
  seed = 1,
  workers = availableParallelism(),
  log = console.log,
}) {
  const dir = resolve(outDir);
  const manifestPath = join(dir, 'manifest.json');
  const cached = readManifest(manifestPath);
  if (
    cached !== undefined &&
    cached.events === events &&
    cached.seed === seed &&
    cached.version === GENERATOR_VERSION
  ) {
    log(`generate: reusing ${fmt(events)} events in ${cached.files.length} files (${dir})`);
    return cached;
  }
  rmSync(manifestPath, { force: true });
  rmSync(join(dir, 'AWSLogs'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = planFiles(events, seed, dir);
  log(`generate: ${fmt(events)} events in ${plan.length} files → ${dir} (${workers} threads)`);
  const t0 = performance.now();
  const results = await runWorkers(
    plan,
    seed,
    Math.max(1, Math.min(workers, plan.length)),
    (done, n) => {
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      log(
        `generate: ${fmt(done)} / ${fmt(events)} events (${Math.round((100 * done) / events)}%), ${n}/${plan.length} files, ${s} s`,
      );
    },
  );
  const files = plan.map((f, i) => ({
    path: f.path,
    account: f.accountId,
    region: f.region,
    ...results[i],
  }));
  /** @type {Manifest} */
  const manifest = {
    version: GENERATOR_VERSION,
    events,
    seed,
    files,
    jsonBytes: files.reduce((s, f) => s + f.jsonBytes, 0),
    gzBytes: files.reduce((s, f) => s + f.gzBytes, 0),
    generatedMs: Math.round(performance.now() - t0),
    createdAt: new Date().toISOString(),
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  log(
    `generate: done in ${(manifest.generatedMs / 1000).toFixed(1)} s, ${mb(manifest.jsonBytes)} MB JSON (${Math.round(manifest.jsonBytes / events)} B/event), ${mb(manifest.gzBytes)} MB gzip`,
  );
  return manifest;
}

/** @param {string} path @returns {Manifest | undefined} */
function readManifest(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Splits `events` into files of 1,000–3,000 records and gives each an account, Region, time window,
 * path and seed. Events of a file fall in the window before its delivery time.
 * @param {number} events @param {number} seed @param {string} dir
 * @returns {PlannedFile[]}
 */
export function planFiles(events, seed, dir) {
  const rng = new Rng(mixSeed(seed, 0xf11e5));
  const accounts = buildPools(seed).accounts;
  const counts = [];
  for (let left = events; left > 0;) {
    const n = left <= 3000 ? left : rng.range(1000, Math.min(3000, left - 1000));
    counts.push(n);
    left -= n;
  }
  const pickAccount = weighted(ACCOUNT_SHARE.map((w, i) => [i, w]));
  const pickRegion = weighted(REGIONS.map(([r, w]) => [r, w]));
  const shares = Object.fromEntries(REGIONS);
  return counts.map((count, index) => {
    const account = pickAccount(rng);
    const region = pickRegion(rng);
    // Each account/Region stream delivers files at its own pace; a file covers the gap since the last one.
    const end = START + ((index + rng.next()) * SPAN) / counts.length;
    const window = Math.max(
      300_000,
      Math.min(SPAN, SPAN / (counts.length * ACCOUNT_SHARE[account] * shares[region])),
    );
    const stamp = new Date(Math.ceil(end / 300_000) * 300_000).toISOString();
    const acct = accounts[account].id;
    const ymd = stamp.slice(0, 10).replaceAll('-', '');
    const hm = stamp.slice(11, 16).replace(':', '');
    const path = `AWSLogs/${acct}/CloudTrail/${region}/${stamp.slice(0, 4)}/${stamp.slice(5, 7)}/${stamp.slice(8, 10)}/${acct}_CloudTrail_${region}_${ymd}T${hm}Z_${rng.alnum(16)}.json.gz`;
    return {
      index,
      seed: mixSeed(seed, index, 0x5eed),
      account,
      accountId: acct,
      region,
      count,
      start: Math.max(START, end - window),
      end,
      path,
      file: join(dir, path),
    };
  });
}

/**
 * Runs the plan on a pool of worker threads, handing out files as workers become free.
 * @param {PlannedFile[]} plan @param {number} seed @param {number} threads
 * @param {(events: number, files: number) => void} progress called about every 10 % and at the end
 * @returns {Promise<Array<{ events: number, jsonBytes: number, gzBytes: number }>>}
 */
function runWorkers(plan, seed, threads, progress) {
  return new Promise((resolvePlan, reject) => {
    const results = new Array(plan.length);
    const total = plan.reduce((s, f) => s + f.count, 0);
    let next = 0;
    let doneFiles = 0;
    let doneEvents = 0;
    let reported = 0;
    const pool = Array.from(
      { length: threads },
      () => new Worker(new URL('./gen/worker.js', import.meta.url), { workerData: { seed } }),
    );
    const finish = (/** @type {Error | undefined} */ err) => {
      for (const w of pool) void w.terminate();
      if (err === undefined) resolvePlan(results);
      else reject(err);
    };
    const feed = (/** @type {Worker} */ w) => {
      if (next < plan.length) {
        const { index, seed: fileSeed, account, region, count, start, end, file } = plan[next++];
        w.postMessage({ index, seed: fileSeed, account, region, count, start, end, file });
      }
    };
    for (const w of pool) {
      w.on('error', finish);
      w.on(
        'message',
        (
          /** @type {{ index: number, events: number, jsonBytes: number, gzBytes: number }} */ m,
        ) => {
          results[m.index] = { events: m.events, jsonBytes: m.jsonBytes, gzBytes: m.gzBytes };
          doneFiles++;
          doneEvents += m.events;
          if (doneEvents - reported >= total / 10 || doneFiles === plan.length) {
            reported = doneEvents;
            progress(doneEvents, doneFiles);
          }
          if (doneFiles === plan.length) finish(undefined);
          else feed(w);
        },
      );
      feed(w);
    }
  });
}

/** @param {number} n @returns {string} */
const fmt = (n) => n.toLocaleString('en-US');
/** @param {number} b @returns {string} */
const mb = (b) => (b / 1e6).toFixed(1);

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (/** @type {string} */ name, /** @type {string} */ def) => {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : def;
  };
  const events = Number(arg('--events', '200000'));
  const seed = Number(arg('--seed', '1'));
  const outDir = arg('--out', new URL(`./data/${events}-${seed}`, import.meta.url).pathname);
  await generate({ events, seed, outDir });
}

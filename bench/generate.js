// Writes the synthetic CloudTrail data set the benchmark ingests: N events as gzipped
// {"Records":[…]} log files of 1,000–3,000 records in the S3 layout
// AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<stamp>_<rand>.json.gz,
// 2 accounts, 4 Regions, March 2024 (30 days). Deterministic for a given (events, seed, cardinality):
// files are planned up front and each is generated from its own seed, in worker threads, one file at
// a time.
// Cardinality 'normal' (the default) is the data set the figures in RESULTS.md were measured on;
// 'high' is a trail where nearly every role call is its own session with its own temporary key and
// nearly every S3 object event names its own object (issue "Data loss at 10M": 142,593 distinct
// access keys and 66,161 distinct resource ARNs in 168k real events). After generating, the distinct
// keys, ARNs, IPs and user agents are counted over every event and recorded in manifest.json.
// Usage on its own: node bench/generate.js [--events N] [--seed S] [--cardinality normal|high]
//   [--out DIR]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DistinctCounter } from './gen/distinct.js';
import { Rng, mixSeed, weighted } from './gen/prng.js';
import { REGIONS, buildPools } from './gen/pools.js';

/** Bump when the generated content changes, so cached data sets are regenerated. */
export const GENERATOR_VERSION = 1;
const START = Date.UTC(2024, 2, 1);
const SPAN = 30 * 86_400_000;
const ACCOUNT_SHARE = [0.6, 0.4];
export const CARDINALITIES = /** @type {const} */ (['normal', 'high']);
/** What the high-cardinality mode must show (checked after generating, warned about if missed). */
const HIGH_CLAIM = { tempKeyRatio: 0.8, arnRatio: 0.4 };

/**
 * @typedef {{ path: string, account: string, region: string, events: number, jsonBytes: number,
 *   gzBytes: number }} ManifestFile
 * @typedef {typeof CARDINALITIES[number]} Cardinality
 * @typedef {{ version: number, events: number, seed: number, cardinality?: Cardinality,
 *   files: ManifestFile[], jsonBytes: number, gzBytes: number, generatedMs: number,
 *   createdAt: string, distinct?: import('./gen/distinct.js').DistinctStats }} Manifest
 *   cardinality: absent in manifests written before the option (= 'normal'); distinct: absent in
 *   those too
 * @typedef {import('./gen/worker.js').WorkerTask & { path: string, accountId: string }} PlannedFile
 */

/**
 * The data set's directory under bench/data: `<events>-<seed>`, or `<events>-<seed>-high`.
 * @param {number} events @param {number} seed @param {Cardinality} [cardinality]
 * @returns {string}
 */
export function dataDirName(events, seed, cardinality = 'normal') {
  return `${events}-${seed}${cardinality === 'normal' ? '' : `-${cardinality}`}`;
}

/**
 * Generates the data set into `outDir`, or reuses it when `<outDir>/manifest.json` was written for the
 * same events, seed, cardinality and generator version. NOTE deletes `<outDir>/AWSLogs` before
 * generating.
 * @param {object} opts
 * @param {number} [opts.events] number of events; defaults to 200,000
 * @param {string} opts.outDir target directory (created if missing)
 * @param {number} [opts.seed] PRNG seed; defaults to 1
 * @param {Cardinality} [opts.cardinality] 'normal' (default) or 'high'
 * @param {number} [opts.workers] generator threads; defaults to the number of CPUs
 * @param {(line: string) => void} [opts.log] progress output; defaults to console.log
 * @returns {Promise<Manifest>}
 */
export async function generate({
  events = 200_000,
  outDir,
  seed = 1,
  cardinality = 'normal',
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
    (cached.cardinality ?? 'normal') === cardinality &&
    cached.version === GENERATOR_VERSION
  ) {
    log(
      `generate: reusing ${fmt(events)} events (${cardinality} cardinality) in ${cached.files.length} files (${dir})`,
    );
    if (cached.distinct !== undefined) log(`generate: ${describeDistinct(cached.distinct)}`);
    return { ...cached, cardinality };
  }
  rmSync(manifestPath, { force: true });
  rmSync(join(dir, 'AWSLogs'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = planFiles(events, seed, dir);
  log(
    `generate: ${fmt(events)} events (${cardinality} cardinality) in ${plan.length} files → ${dir} (${workers} threads)`,
  );
  const t0 = performance.now();
  const counter = new DistinctCounter();
  const results = await runWorkers(
    plan,
    seed,
    cardinality === 'high',
    counter,
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
  const distinct = counter.result();
  /** @type {Manifest} */
  const manifest = {
    version: GENERATOR_VERSION,
    events,
    seed,
    cardinality,
    files,
    jsonBytes: files.reduce((s, f) => s + f.jsonBytes, 0),
    gzBytes: files.reduce((s, f) => s + f.gzBytes, 0),
    generatedMs: Math.round(performance.now() - t0),
    createdAt: new Date().toISOString(),
    distinct,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  log(
    `generate: done in ${(manifest.generatedMs / 1000).toFixed(1)} s, ${mb(manifest.jsonBytes)} MB JSON (${Math.round(manifest.jsonBytes / events)} B/event), ${mb(manifest.gzBytes)} MB gzip`,
  );
  log(`generate: ${describeDistinct(distinct)}`);
  if (
    cardinality === 'high' &&
    (distinct.tempKeyRatio < HIGH_CLAIM.tempKeyRatio || distinct.arnRatio < HIGH_CLAIM.arnRatio)
  ) {
    log(
      `generate: WARNING the high-cardinality claim (≥ ${pct(HIGH_CLAIM.tempKeyRatio)} distinct temporary keys, ≥ ${pct(HIGH_CLAIM.arnRatio)} distinct ARNs) does not hold for this data set`,
    );
  }
  return manifest;
}

/**
 * One line of the data set's measured cardinality.
 * @param {import('./gen/distinct.js').DistinctStats} d
 * @returns {string}
 */
export function describeDistinct(d) {
  return (
    `distinct access keys ${fmt(d.distinctKeys)} / ${fmt(d.eventsWithKey)} events with a key = ${pct(d.keyRatio)}` +
    ` (temporary ASIA… ${fmt(d.distinctTempKeys)} = ${pct(d.tempKeyRatio)});` +
    ` distinct resource ARNs ${fmt(d.distinctArns)} / ${fmt(d.eventsWithResources)} events with resources = ${pct(d.arnRatio)};` +
    ` ${fmt(d.distinctIps)} source IPs, ${fmt(d.distinctUserAgents)} user agents`
  );
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
 * @param {PlannedFile[]} plan @param {number} seed @param {boolean} high the high-cardinality mode
 * @param {DistinctCounter} counter receives each file's distinct values
 * @param {number} threads
 * @param {(events: number, files: number) => void} progress called about every 10 % and at the end
 * @returns {Promise<Array<{ events: number, jsonBytes: number, gzBytes: number }>>}
 */
function runWorkers(plan, seed, high, counter, threads, progress) {
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
        w.postMessage({ index, seed: fileSeed, account, region, count, start, end, file, high });
      }
    };
    for (const w of pool) {
      w.on('error', finish);
      w.on(
        'message',
        (
          /** @type {{ index: number, events: number, jsonBytes: number, gzBytes: number,
           *   distinct: import('./gen/distinct.js').FileDistinct }} */ m,
        ) => {
          results[m.index] = { events: m.events, jsonBytes: m.jsonBytes, gzBytes: m.gzBytes };
          counter.add(m.distinct);
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
/** @param {number} r a ratio @returns {string} */
const pct = (r) => `${(100 * r).toFixed(1)}%`;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (/** @type {string} */ name, /** @type {string} */ def) => {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : def;
  };
  const events = Number(arg('--events', '200000'));
  const seed = Number(arg('--seed', '1'));
  const cardinality = /** @type {Cardinality} */ (arg('--cardinality', 'normal'));
  if (!CARDINALITIES.includes(cardinality)) {
    process.stderr.write(`--cardinality must be one of ${CARDINALITIES.join(', ')}\n`);
    process.exit(2);
  }
  const outDir = arg(
    '--out',
    new URL(`./data/${dataDirName(events, seed, cardinality)}`, import.meta.url).pathname,
  );
  await generate({ events, seed, cardinality, outDir });
}

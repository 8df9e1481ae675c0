// The floor Cairn's ingest is compared against: native gunzip + decode + JSON.parse of every file
// and nothing else, in dedicated module workers, with the files already in memory. See
// docs/reference/browser-limits.md §2 (the fastest gunzip, then decode and parse).

/**
 * @typedef {{ events: number, jsonBytes: number, gunzipMs: number, decodeMs: number,
 *   parseMs: number }} FileResult
 * @typedef {{ ms: number, events: number, jsonBytes: number, gzBytes: number, files: number,
 *   workers: number, fetchMs: number, stageMs: { gunzip: number, decode: number, parse: number } }} FloorResult
 */

/**
 * Fetches every file (not timed), then times gunzip + decode + parse of all of them across
 * `workers` workers, handing out files as workers become free.
 * NOTE the fetched buffers are transferred to the workers: each call fetches the files again.
 * @param {readonly string[]} fileUrls URLs of .json.gz log files (served without Content-Encoding)
 * @param {number} [workers] dedicated workers; defaults to 2
 * @returns {Promise<FloorResult>} wall-clock ms from the first file handed out to the last parsed
 */
async function runFloor(fileUrls, workers = 2) {
  const f0 = performance.now();
  /** @type {(ArrayBuffer | undefined)[]} */
  const buffers = await fetchAll(fileUrls, 6);
  const fetchMs = performance.now() - f0;
  const gzBytes = buffers.reduce((s, b) => s + (b?.byteLength ?? 0), 0);
  const pool = await Promise.all(Array.from({ length: workers }, startWorker));
  const totals = { events: 0, jsonBytes: 0, gunzip: 0, decode: 0, parse: 0 };
  let next = 0;
  const t0 = performance.now();
  try {
    await Promise.all(
      pool.map(async (w) => {
        while (next < buffers.length) {
          const i = next++;
          const buf = buffers[i];
          buffers[i] = undefined;
          if (buf === undefined) continue;
          const r = await w.run(buf);
          totals.events += r.events;
          totals.jsonBytes += r.jsonBytes;
          totals.gunzip += r.gunzipMs;
          totals.decode += r.decodeMs;
          totals.parse += r.parseMs;
        }
      }),
    );
  } finally {
    for (const w of pool) w.worker.terminate();
  }
  const ms = performance.now() - t0;
  return {
    ms,
    events: totals.events,
    jsonBytes: totals.jsonBytes,
    gzBytes,
    files: fileUrls.length,
    workers,
    fetchMs,
    stageMs: { gunzip: totals.gunzip, decode: totals.decode, parse: totals.parse },
  };
}

/**
 * @param {readonly string[]} urls
 * @param {number} concurrency
 * @returns {Promise<ArrayBuffer[]>}
 */
async function fetchAll(urls, concurrency) {
  /** @type {ArrayBuffer[]} */
  const out = new Array(urls.length);
  let next = 0;
  const one = async () => {
    while (next < urls.length) {
      const i = next++;
      const res = await fetch(urls[i], { cache: 'no-store' });
      if (!res.ok) throw new Error(`fetch ${urls[i]}: HTTP ${res.status}`);
      out[i] = await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, one));
  return out;
}

/**
 * Starts one floor worker and resolves once its module has loaded, so start-up is not timed.
 * @returns {Promise<{ worker: Worker, run: (buf: ArrayBuffer) => Promise<FileResult> }>}
 */
function startWorker() {
  const worker = new Worker(new URL('./floorWorker.js', import.meta.url), { type: 'module' });
  /** @type {((m: any) => void) | undefined} */
  let pending;
  /** @type {((e: Error) => void) | undefined} */
  let fail;
  worker.onmessage = (e) => pending?.(e.data);
  worker.onerror = (e) => fail?.(new Error(`floor worker: ${e.message}`));
  const next = () =>
    new Promise((resolve, reject) => {
      pending = resolve;
      fail = reject;
    });
  const run = async (/** @type {ArrayBuffer} */ buf) => {
    const reply = next();
    worker.postMessage(buf, [buf]);
    const m = await reply;
    if (typeof m.error === 'string') throw new Error(m.error);
    return m;
  };
  return next().then(() => ({ worker, run }));
}

Object.assign(window, { runFloor });

// Generator worker: builds, gzips and writes one log file per task it is sent, and answers with the
// file's sizes. Holds one file (≤ 3,000 events, ≈ 4 MB of JSON) at a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { generateFile } from './events.js';
import { buildPools } from './pools.js';

/** @typedef {import('./events.js').FileTask & { index: number, file: string }} WorkerTask */

const pools = buildPools(/** @type {{ seed: number }} */ (workerData).seed);

parentPort?.on('message', (/** @type {WorkerTask} */ task) => {
  const { json, events } = generateFile(pools, task);
  const gz = gzipSync(json, { level: 6 });
  mkdirSync(dirname(task.file), { recursive: true });
  writeFileSync(task.file, gz);
  parentPort?.postMessage({
    index: task.index,
    events,
    jsonBytes: Buffer.byteLength(json),
    gzBytes: gz.length,
  });
});

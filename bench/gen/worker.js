// Generator worker: builds, gzips and writes one log file per task it is sent, and answers with the
// file's sizes and its distinct values (hashed, for the data set's cardinality figures). Holds one
// file (≤ 3,000 events, ≈ 4 MB of JSON) at a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { KINDS, fileDistinct } from './distinct.js';
import { generateFile } from './events.js';
import { buildPools } from './pools.js';

/** @typedef {import('./events.js').FileTask & { index: number, file: string }} WorkerTask */

const pools = buildPools(/** @type {{ seed: number }} */ (workerData).seed);

parentPort?.on('message', (/** @type {WorkerTask} */ task) => {
  const { json, events, records } = generateFile(pools, task);
  const distinct = fileDistinct(records);
  const gz = gzipSync(json, { level: 6 });
  mkdirSync(dirname(task.file), { recursive: true });
  writeFileSync(task.file, gz);
  parentPort?.postMessage(
    {
      index: task.index,
      events,
      jsonBytes: Buffer.byteLength(json),
      gzBytes: gz.length,
      distinct,
    },
    KINDS.map((k) => /** @type {ArrayBuffer} */ (distinct.hashes[k].buffer)),
  );
});

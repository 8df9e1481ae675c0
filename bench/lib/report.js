// Turns the measurements into the figures the issue asks about, checks them against the targets
// and prints them as a readable table.
import { describeDistinct } from '../generate.js';
import { describeDetections, detectionsTarget } from './detections.js';
import { describePss } from './memory.js';

/** Targets from the issue, stated for 1,000,000 events. */
export const TARGETS = {
  ingestVsFloorPct: 70,
  queryReadyMs: 1500,
  indexBytesPerEvent: 150,
  atEvents: 1_000_000,
};

/**
 * @typedef {import('./floor.js').FloorSummary} FloorSummary
 * @typedef {{ name: string, target: string, value: string, pass: boolean | undefined }} TargetCheck
 */

/**
 * @param {object} m
 * @param {import('../generate.js').Manifest} m.manifest
 * @param {{ ms: number, minMs: number, maxMs: number, runs: number }} m.ingest median of `runs`
 * @param {{ medianMs: number, minMs: number, maxMs: number, indexBytes: number }} m.reload
 * @param {FloorSummary[] | undefined} m.floor
 * @param {import('./detections.js').DetectionsSummary | undefined} m.detections
 * @returns {{ ingest: { ms: number, minMs: number, maxMs: number, runs: number,
 *   eventsPerSec: number, jsonMBps: number, gzMBps: number },
 *   floor2: FloorSummary | undefined, ratioPct: number | undefined, ratio2Pct: number | undefined,
 *   indexBytesPerEvent: number, targets: TargetCheck[] }}
 */
export function summarise({ manifest, ingest, reload, floor, detections }) {
  const secs = ingest.ms / 1000;
  const ingestFigures = {
    ms: ingest.ms,
    minMs: ingest.minMs,
    maxMs: ingest.maxMs,
    runs: ingest.runs,
    eventsPerSec: manifest.events / secs,
    jsonMBps: manifest.jsonBytes / 1e6 / secs,
    gzMBps: manifest.gzBytes / 1e6 / secs,
  };
  const floor2 = floor?.find((f) => f.workers === 2);
  const floor1 = floor?.find((f) => f.workers === 1);
  // The issue defines the floor as gunzip + JSON.parse "alone in a worker": the target is checked
  // against one worker. The two-worker floor is printed beside it as the stricter, informative figure.
  const ratioPct =
    floor1 === undefined ? undefined : (100 * ingestFigures.eventsPerSec) / floor1.eventsPerSec;
  const ratio2Pct =
    floor2 === undefined ? undefined : (100 * ingestFigures.eventsPerSec) / floor2.eventsPerSec;
  const indexBytesPerEvent = reload.indexBytes / manifest.events;
  /** @type {TargetCheck[]} */
  const targets = [
    {
      name: 'ingest vs floor(1w)',
      target: `≥ ${TARGETS.ingestVsFloorPct}%`,
      value: ratioPct === undefined ? 'skipped' : `${ratioPct.toFixed(0)}%`,
      pass: ratioPct === undefined ? undefined : ratioPct >= TARGETS.ingestVsFloorPct,
    },
    {
      name: 'query-ready after reload',
      target: `≤ ${TARGETS.queryReadyMs} ms`,
      value: Number.isFinite(reload.medianMs) ? `${Math.round(reload.medianMs)} ms` : 'failed',
      pass: Number.isFinite(reload.medianMs) && reload.medianMs <= TARGETS.queryReadyMs,
    },
    {
      name: 'index size',
      target: `≤ ${TARGETS.indexBytesPerEvent} B/event`,
      value: Number.isFinite(indexBytesPerEvent)
        ? `${indexBytesPerEvent.toFixed(0)} B/event`
        : 'n/a',
      pass: Number.isFinite(indexBytesPerEvent)
        ? indexBytesPerEvent <= TARGETS.indexBytesPerEvent
        : undefined,
    },
    detectionsTarget(detections),
  ];
  return { ingest: ingestFigures, floor2, ratioPct, ratio2Pct, indexBytesPerEvent, targets };
}

/**
 * Prints the table to stdout.
 * @param {object} r
 * @param {import('../generate.js').Manifest} r.manifest
 * @param {ReturnType<typeof summarise>} r.summary
 * @param {import('./cairn.js').ReloadResult} r.reload
 * @param {FloorSummary[] | undefined} r.floor
 * @param {string} r.chromium
 * @param {import('./cairn.js').IndexSaved} r.indexSaved
 * @param {{ afterIngest: import('./memory.js').BrowserPss | undefined,
 *   afterReload: import('./memory.js').BrowserPss | undefined,
 *   peakDuringIngestKB: number | undefined, peakDuringReloadKB: number | undefined }} r.memory
 * @param {import('./detections.js').DetectionsSummary | undefined} r.detections
 * @param {boolean} r.verbose
 */
export function printReport({
  manifest,
  summary,
  reload,
  floor,
  chromium,
  indexSaved,
  memory,
  detections,
  verbose,
}) {
  const { ingest, ratioPct, ratio2Pct } = summary;
  const line = (/** @type {string} */ s) => process.stdout.write(`${s}\n`);
  line('');
  line(
    `Cairn bench: ${int(manifest.events)} events (seed ${manifest.seed}, ${manifest.cardinality ?? 'normal'} cardinality), ${manifest.files.length} files, ${mb(manifest.jsonBytes)} MB JSON, ${mb(manifest.gzBytes)} MB gzip; Chromium ${chromium}`,
  );
  if (manifest.distinct !== undefined) line(`data set  ${describeDistinct(manifest.distinct)}`);
  line('─'.repeat(100));
  const pct = (/** @type {number | undefined} */ p) => (p === undefined ? '—' : `${p.toFixed(0)}%`);
  const fl =
    ratioPct === undefined && ratio2Pct === undefined
      ? 'floor skipped'
      : `ratio vs floor(1w) ${pct(ratioPct)}, vs floor(2w) ${pct(ratio2Pct)}`;
  line(
    `ingest    ${int(manifest.events)} events  ${ingest.runs > 1 ? 'median ' : ''}${s(ingest.ms)}${ingest.runs > 1 ? ` [${(ingest.minMs / 1000).toFixed(2)}–${s(ingest.maxMs)}]` : ''}  ${rate(ingest.eventsPerSec)}  ${ingest.jsonMBps.toFixed(1)} MB/s json  ${ingest.gzMBps.toFixed(1)} MB/s gz  | ${fl}`,
  );
  for (const f of floor ?? []) {
    line(
      `floor(${f.workers}w) median ${s(f.ms)} [${(f.minMs / 1000).toFixed(2)}–${s(f.maxMs)}]  ${rate(f.eventsPerSec)}  ${f.jsonMBps.toFixed(0)} MB/s json  ${f.gzMBps.toFixed(1)} MB/s gz`,
    );
  }
  for (const l of describeDetections(detections, verbose)) line(l);
  const saved =
    indexSaved.state === 'unknown'
      ? `unknown (no data-index-saved attribute within ${(indexSaved.ms / 1000).toFixed(0)} s of the ingest: a build before it)`
      : indexSaved.state === 'pending'
        ? `still pending ${s(indexSaved.ms)} after the ingest`
        : `${indexSaved.state} (settled ${s(indexSaved.ms)} after the ingest)${indexSaved.error === undefined ? '' : `: ${indexSaved.error}`}`;
  line(`index saved  ${saved}`);
  line(
    `browser memory after ingest (PSS of all its processes)  ${describePss(memory.afterIngest)}`,
  );
  if (memory.peakDuringIngestKB !== undefined)
    line(
      `          peak during ingest + index write (2 s samples)  ${mib(memory.peakDuringIngestKB)}`,
    );
  if (Number.isFinite(reload.medianMs)) {
    line(
      `query-ready after reload  median ${Math.round(reload.medianMs)} ms [${Math.round(reload.minMs)}–${Math.round(reload.maxMs)}]${reload.runs.length > 1 ? ` over ${reload.runs.length} reloads` : ''}`,
    );
  }
  if (reload.failure === undefined) {
    line(`events after reload  ${int(reload.count ?? NaN)} = generated: OK`);
  } else {
    const f = reload.failure;
    line(
      `events after reload  FAILURE at reload ${f.rep}: ${f.count === undefined ? 'no count' : int(f.count)} shown, ${int(f.expected)} generated (${f.kind}, after ${s(f.wallMs)}${f.readyMs === undefined ? '' : `, ready mark at ${Math.round(f.readyMs)} ms`}): ${f.message}`,
    );
    if (f.alerts.length > 0) line(`          page says: ${f.alerts.join(' | ')}`);
  }
  line(
    `browser memory after reload (PSS of all its processes)  ${describePss(memory.afterReload)}`,
  );
  if (memory.peakDuringReloadKB !== undefined)
    line(`          peak during reload (2 s samples)  ${mib(memory.peakDuringReloadKB)}`);
  line(
    `index     ${summary.indexBytesPerEvent.toFixed(0)} B/event (${mb(summary.indexBytesPerEvent * manifest.events)} MB in memory${Number.isFinite(reload.indexBytes) ? '' : ', as the ingest ended'})`,
  );
  if (reload.storageUsage !== undefined)
    line(
      `storage   ${mb(reload.storageUsage)} MB (navigator.storage.estimate), ${(reload.storageUsage / manifest.events).toFixed(0)} B/event`,
    );
  line('');
  const note =
    manifest.events === TARGETS.atEvents
      ? ''
      : ` (set for ${int(TARGETS.atEvents)} events; this run has ${int(manifest.events)})`;
  line(`targets${note}:`);
  for (const t of summary.targets) {
    const verdict = t.pass === undefined ? '—' : t.pass ? 'PASS' : 'FAIL';
    line(`  ${t.name.padEnd(26)} ${t.target.padEnd(16)} ${t.value.padEnd(14)} ${verdict}`);
  }
  line('');
}

/** @param {number} n @returns {string} */
const int = (n) => n.toLocaleString('en-US');
/** @param {number} b @returns {string} */
const mb = (b) => (b / 1e6).toFixed(1);
/** @param {number} kb @returns {string} */
const mib = (kb) => `${Math.round(kb / 1024).toLocaleString('en-US')} MiB`;
/** @param {number} ms @returns {string} */
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** @param {number} evPerSec @returns {string} */
const rate = (evPerSec) => `${(evPerSec / 1000).toFixed(1)}k ev/s`;

// The detections figures: the engine's last rule run (read through the page's `window.__cairnBench`,
// src/data/benchHook.ts) and the plain scan it is compared with, every rule over every stored record.
// Builds without the hook (before issue 16) report nothing and the runner goes on.
import { median } from './stats.js';

/**
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {{ ruleId: string, title: string, read: number, verdictMs?: number, testMs?: number }} RuleRead
 * @typedef {{ running: boolean, done: number, total: number, rows: number,
 *   lastRunMs: number | undefined, recordsRead: number, byRule?: RuleRead[] }} DetectionProgress
 *   As the engine reports it (src/engine/DetectionService.ts DetectionProgress): rows evaluated by
 *   the last run, its duration (ms), and the records it read back (one per rule and row tested on
 *   the record). `byRule` only from a build that reports it (see README, "Detections").
 * @typedef {{ rules: number, progress: DetectionProgress }} DetectionRun
 * @typedef {{ ms: number, records: number, wallMs: number }} PlainScan
 *   ms and records as the worker reports them; wallMs from the runner's call to the answer.
 * @typedef {import('./report.js').TargetCheck} TargetCheck
 */

/** The issue's target: every shipped rule evaluated within this after the ingest ends, at 1M. */
export const DETECTIONS_TARGET_MS = 2000;

/**
 * The last detection run as the engine reports it, and how many rules the case runs.
 * @param {Page} page idle (so the run that followed the ingest or load has ended)
 * @returns {Promise<DetectionRun | undefined>} undefined when the build has no bench hook
 */
export function readDetectionRun(page) {
  return page.evaluate(async () => {
    const hook = /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
      /** @type {unknown} */ (window)
    ).__cairnBench;
    if (hook === undefined) return undefined;
    const [progress, rules] = await Promise.all([
      hook.detections.progress(),
      hook.detections.rules(),
    ]);
    return { rules, progress: /** @type {DetectionProgress} */ (progress) };
  });
}

/**
 * Runs the plain scan in the page: every rule over every stored record, no index.
 * @param {Page} page idle, nothing else running
 * @returns {Promise<PlainScan | undefined>} undefined when the build has no bench hook
 */
export async function measurePlainScan(page) {
  const t0 = performance.now();
  const scan = await page.evaluate(async () => {
    const hook = /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
      /** @type {unknown} */ (window)
    ).__cairnBench;
    return hook === undefined ? undefined : hook.detections.plainScan();
  });
  return scan === undefined ? undefined : { ...scan, wallMs: performance.now() - t0 };
}

/**
 * @typedef {{ rules: number, rows: number, firstRunMs: number, runMs: number, minMs: number, maxMs: number, runs: number,
 *   recordsRead: number, plain: PlainScan | undefined, ratio: number | undefined,
 *   ingestMs: number, ingestWithoutMs: number, reloadRunMs: number | undefined,
 *   reloadRows: number | undefined, byRule: RuleRead[] | undefined }} DetectionsSummary
 *   runMs: the median over the ingests of the run that followed each (the first is in the page the
 *   plain scan ran in); ratio: the first ingest's run ÷ the plain scan; ingestWithoutMs: the
 *   ingest figure (its median) less the median run, as the rules now run before the page says idle.
 */

/**
 * @param {object} d
 * @param {(DetectionRun | undefined)[]} d.ingestRuns the run after each ingest, first first
 * @param {PlainScan | undefined} d.plain
 * @param {number} d.ingestMs the ingest figure (median), which ends at idle: after the rules ran
 * @param {(DetectionRun | undefined)[]} d.reloadRuns the run after each reload (every stored row)
 * @returns {DetectionsSummary | undefined} undefined when the build reports no runs
 */
export function summariseDetections({ ingestRuns, plain, ingestMs, reloadRuns }) {
  const first = ingestRuns[0];
  const runs = ingestRuns.flatMap((r) => (r?.progress.lastRunMs === undefined ? [] : [r]));
  if (first?.progress.lastRunMs === undefined || runs.length === 0) return undefined;
  const ms = runs.map((r) => r.progress.lastRunMs ?? NaN).sort((a, b) => a - b);
  const runMs = median(ms);
  const reload = reloadRuns.flatMap((r) => (r?.progress.lastRunMs === undefined ? [] : [r]));
  return {
    rules: first.rules,
    rows: first.progress.rows,
    firstRunMs: first.progress.lastRunMs,
    runMs,
    minMs: ms[0] ?? NaN,
    maxMs: ms.at(-1) ?? NaN,
    runs: ms.length,
    recordsRead: first.progress.recordsRead,
    plain,
    ratio: plain === undefined ? undefined : first.progress.lastRunMs / plain.ms,
    ingestMs,
    ingestWithoutMs: ingestMs - runMs,
    reloadRunMs:
      reload.length === 0 ? undefined : median(reload.map((r) => r.progress.lastRunMs ?? NaN)),
    reloadRows: reload[0]?.progress.rows,
    byRule: first.progress.byRule,
  };
}

/**
 * The target row: every shipped rule evaluated within DETECTIONS_TARGET_MS of the ingest's end.
 * @param {DetectionsSummary | undefined} d
 * @returns {TargetCheck}
 */
export function detectionsTarget(d) {
  return {
    name: `detections (${d === undefined ? '?' : d.rules} rules)`,
    target: `≤ ${DETECTIONS_TARGET_MS / 1000} s`,
    value: d === undefined ? 'n/a' : `${(d.runMs / 1000).toFixed(2)} s`,
    pass: d === undefined ? undefined : d.runMs <= DETECTIONS_TARGET_MS,
  };
}

/** @param {number} ratio run ÷ plain scan @returns {string} */
const faster = (ratio) =>
  ratio < 1 ? `${(1 / ratio).toFixed(1)}× faster` : `${ratio.toFixed(2)}× slower`;

/**
 * The lines printed for the detections, below the ingest.
 * @param {DetectionsSummary | undefined} d
 * @param {boolean} verbose also the records read back per rule (from a build that reports them)
 * @returns {string[]}
 */
export function describeDetections(d, verbose) {
  if (d === undefined) return ['detections  n/a (this build has no window.__cairnBench hook)'];
  const secs = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
  const int = (/** @type {number} */ n) => n.toLocaleString('en-US');
  const spread = d.runs > 1 ? `median ${secs(d.runMs)} [${secs(d.minMs)}–${secs(d.maxMs)}]` : '';
  const readPct = d.rows > 0 ? ` (${((100 * d.recordsRead) / d.rows).toFixed(1)}% of rows)` : '';
  const lines = [
    `detections (${d.rules} rules)  run after the ingest ${secs(d.firstRunMs)} over ${int(d.rows)} rows${spread === '' ? '' : `, ${spread} over ${d.runs} ingests`}, ${int(d.recordsRead)} records read back${readPct}`,
    d.plain === undefined
      ? '          plain scan skipped'
      : `          plain scan (every rule, every record) ${secs(d.plain.ms)}, ${int(d.plain.records)} records  | ratio run ÷ plain scan ${(d.ratio ?? NaN).toFixed(3)} (${faster(d.ratio ?? NaN)})`,
    `          ingest figure ${secs(d.ingestMs)} ends at idle, after the rules: of it detections ${secs(d.runMs)}, ingest without them ${secs(d.ingestWithoutMs)}`,
  ];
  if (d.reloadRunMs !== undefined)
    lines.push(
      `          run after reload (the case opens: every stored row, ${int(d.reloadRows ?? NaN)}) median ${secs(d.reloadRunMs)}`,
    );
  if (verbose) {
    if (d.byRule === undefined)
      lines.push('          records read back per rule: not reported by this build');
    else {
      lines.push(
        '          records read back per rule (most first; ms: index verdicts, record tests):',
      );
      for (const r of [...d.byRule].sort((a, b) => b.read - a.read))
        lines.push(
          `            ${int(r.read).padStart(9)}  ${r.verdictMs === undefined ? '' : `${r.verdictMs.toFixed(0).padStart(5)} ms `}${r.testMs === undefined ? '' : `${r.testMs.toFixed(0).padStart(5)} ms  `}${r.title} (${r.ruleId})`,
        );
    }
  }
  return lines;
}

// The search half of the report: the issue's targets at 1M events, each beside a plain linear scan
// over typed arrays of the same size (the "scan floor") as a ratio.
import { BENCH_PREFIX } from './server.js';

/** Targets from the issue, stated for 1,000,000 events (10M: within 10× of these). */
export const SEARCH_TARGETS = {
  firstScreenMs: 50,
  facetsMs: 150,
  rareMs: 1000,
  commonFirstScreenMs: 1000,
  histogramMs: 100,
};

/**
 * Times the scan floor in a bench page.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} baseUrl
 * @param {number} events
 * @returns {Promise<{ filterMs: number, facetsMs: number, histogramMs: number }>}
 */
export async function measureScanFloor(context, baseUrl, events) {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}${BENCH_PREFIX.slice(1)}floor.html`);
    await page.waitForFunction(() => 'runScanFloor' in window);
    // @ts-expect-error runScanFloor is defined by scanFloor.js
    return await page.evaluate((n) => window.runScanFloor(n), events);
  } finally {
    await page.close();
  }
}

/**
 * Prints the search figures and returns the target checks.
 * @param {object} r
 * @param {Awaited<ReturnType<typeof import('./search.js').measureSearch>>} r.search
 * @param {import('./pickQueries.js').BenchQueries} r.queries
 * @param {{ filterMs: number, facetsMs: number, histogramMs: number } | undefined} r.scanFloor
 * @param {import('./floor.js').FloorSummary[] | undefined} r.floor
 * @param {number} r.events
 * @param {number | undefined} r.wordsMs time from ingest done to every word filter built
 */
export function printSearch({ search, queries, scanFloor, floor, events, wordsMs }) {
  const line = (/** @type {string} */ s) => process.stdout.write(`${s}\n`);
  const ms = (/** @type {number | undefined} */ v) =>
    v === undefined ? 'n/a' : `${v.toFixed(1)} ms`;
  const ratio = (/** @type {number | undefined} */ v, /** @type {number | undefined} */ f) =>
    v === undefined || f === undefined || f <= 0
      ? ''
      : ` (${(v / f).toFixed(1)}× the linear scan, ${f.toFixed(1)} ms)`;
  const floor1 = floor?.find((f) => f.workers === 1);
  const { rare, common } = search;
  const commonRate = events / (common.completeMs / 1000);
  line('search (through the UI: Enter → rows on screen; worker times as the app reports them)');
  line(
    `  word filters (background, after ingest)  ${wordsMs === undefined ? 'not built' : `built in ${(wordsMs / 1000).toFixed(2)} s`}`,
  );
  line(
    `  lookup + range, first screen   median ${ms(search.lookupFirstScreenMs)} (worker search ${ms(search.lookupSearchMs)})${ratio(search.lookupSearchMs, scanFloor?.filterMs)}`,
  );
  line(
    `  facets, all fields             median ${ms(search.facetsMs)}, max ${ms(search.facetsMaxMs)}${ratio(search.facetsMs, scanFloor?.facetsMs)}`,
  );
  line(
    `  histogram                      median ${ms(search.histogramMs)}${ratio(search.histogramMs, scanFloor?.histogramMs)}`,
  );
  line(
    `  free text, rare "${queries.rare.term}" (${queries.rare.files} of ${queries.files} files)  ${ms(rare.completeMs)}, ${rare.count} events`,
  );
  line(
    `  free text, common "${queries.common.term}" (${queries.common.files} files)  first screen ${ms(common.firstScreenMs)}, complete ${ms(common.completeMs)} = ${(commonRate / 1000).toFixed(1)}k ev/s${floor1 === undefined ? '' : ` (${((100 * commonRate) / floor1.eventsPerSec).toFixed(0)}% of floor(1w) ${(floor1.eventsPerSec / 1000).toFixed(1)}k ev/s)`}`,
  );
  const scale = events > 1_000_000 ? 10 : 1;
  const targets = [
    [
      'first screen (lookup + range)',
      SEARCH_TARGETS.firstScreenMs * scale,
      search.lookupFirstScreenMs,
    ],
    ['facets', SEARCH_TARGETS.facetsMs * scale, search.facetsMs],
    ['histogram', SEARCH_TARGETS.histogramMs * scale, search.histogramMs],
    ['free text, rare term', SEARCH_TARGETS.rareMs * scale, rare.completeMs],
    [
      'free text, common: first screen',
      SEARCH_TARGETS.commonFirstScreenMs * scale,
      common.firstScreenMs,
    ],
  ].map(([name, target, value]) => ({
    name: String(name),
    target: `≤ ${Number(target)} ms`,
    value: value === undefined ? 'n/a' : `${Number(value).toFixed(0)} ms`,
    pass: value === undefined ? undefined : Number(value) <= Number(target),
  }));
  targets.push({
    name: 'free text, common: rate',
    target: '≥ floor(1w)',
    value: `${(commonRate / 1000).toFixed(1)}k ev/s`,
    pass: floor1 === undefined ? undefined : commonRate >= floor1.eventsPerSec,
  });
  line(`search targets${scale > 1 ? ' (10M: 10× the 1M targets)' : ''}:`);
  for (const t of targets) {
    const verdict = t.pass === undefined ? '—' : t.pass ? 'PASS' : 'FAIL';
    line(`  ${t.name.padEnd(34)} ${t.target.padEnd(14)} ${t.value.padEnd(14)} ${verdict}`);
  }
  line('');
  return targets;
}

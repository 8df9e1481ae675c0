// Times an export of every event through the UI (Export → download) as JSON lines or Parquet, and
// samples the page's JS heap while it runs (peak) and after: a 1M-event export must stream, not
// build the file in memory.
import { statSync, unlinkSync } from 'node:fs';

/** How often the page heap is sampled during an export, ms. */
const SAMPLE_MS = 250;

/**
 * @param {import('@playwright/test').Page} page the app, idle, showing every event
 * @param {'jsonl' | 'parquet'} format the Export button (`data-export`) to press
 * @returns {Promise<{ format: string, ms: number, bytes: number, heapMB: number | undefined, peakHeapMB: number | undefined }>}
 */
export async function measureExport(page, format = 'jsonl') {
  const heap = () =>
    page
      .evaluate(() => {
        // Chromium only; a non-standard but long-lived API.
        const memory = /** @type {{ memory?: { usedJSHeapSize: number } }} */ (performance).memory;
        return memory?.usedJSHeapSize;
      })
      .catch(() => undefined);
  let peak = /** @type {number | undefined} */ (undefined);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const h = await heap();
      if (h !== undefined) peak = Math.max(peak ?? 0, h);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  const t0 = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30 * 60_000 }),
    page.locator(`[data-export="${format}"]`).click(),
  ]);
  const path = await download.path();
  const ms = Date.now() - t0;
  sampling = false;
  await sampler;
  const bytes = statSync(path).size;
  unlinkSync(path);
  const after = await heap();
  const mb = (/** @type {number | undefined} */ b) => (b === undefined ? undefined : b / 2 ** 20);
  return { format, ms, bytes, heapMB: mb(after), peakHeapMB: mb(peak) };
}

/**
 * One line per export, side by side.
 * @param {{ format: string, ms: number, bytes: number, heapMB: number | undefined, peakHeapMB: number | undefined }} e
 * @returns {string}
 */
export function describeExport(e) {
  const name = e.format === 'parquet' ? 'Parquet' : 'JSON lines';
  return `every event as ${name}: ${(e.bytes / 1e6).toFixed(0)} MB in ${(e.ms / 1000).toFixed(1)} s (${(e.bytes / 1e6 / (e.ms / 1000)).toFixed(0)} MB/s); page JS heap peak ${e.peakHeapMB?.toFixed(0) ?? 'n/a'} MB, after ${e.heapMB?.toFixed(0) ?? 'n/a'} MB`;
}

// Times an export of every event as JSON lines through the UI (Export → download), and reads the
// page's JS heap afterwards: a 1M-event export must stream, not build the file in memory.
import { statSync, unlinkSync } from 'node:fs';

/**
 * @param {import('@playwright/test').Page} page the app, idle, showing every event
 * @returns {Promise<{ ms: number, bytes: number, heapMB: number | undefined }>}
 */
export async function measureExport(page) {
  const t0 = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30 * 60_000 }),
    page.locator('[data-export="jsonl"]').click(),
  ]);
  const path = await download.path();
  const ms = Date.now() - t0;
  const bytes = statSync(path).size;
  unlinkSync(path);
  const heap = await page.evaluate(() => {
    // Chromium only; a non-standard but long-lived API.
    const memory = /** @type {{ memory?: { usedJSHeapSize: number } }} */ (performance).memory;
    return memory?.usedJSHeapSize;
  });
  return { ms, bytes, heapMB: heap === undefined ? undefined : heap / 2 ** 20 };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { tinyLogFiles } from '../test/tinyLogFiles';
import { eventCount, expectClean, openApp, waitForIdle } from './helpers/app';

const FILES = 300;
const PER_FILE = 300;

/** A delivered-looking folder of 300 gzipped trail files of real records, 90,000 distinct events. */
async function makeFolder(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'cairn-interrupted-'));
  const dir = join(root, 'evidence');
  for (const { path, file } of tinyLogFiles(FILES, PER_FILE)) {
    const target = join(dir, `${path}.gz`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, gzipSync(Buffer.from(await file.arrayBuffer())));
  }
  return dir;
}

test('a reload mid-ingest keeps what was stored, says so, and a resume completes it once', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = await makeFolder();
  try {
    const watch = await openApp(page);
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(dir);
    // Reload once the run has committed something and is still going.
    const bar = page.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', /^([1-9]|[1-8]\d)$/, { timeout: 60_000 });
    await page.reload();
    await waitForIdle(page);

    const banner = page.getByTestId('interrupted-run');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-total', String(FILES));
    const stored = Number(await banner.getAttribute('data-stored'));
    expect(stored).toBeLessThan(FILES);
    // Whole files only: every stored file brought all its events.
    expect(await eventCount(page)).toBe(stored * PER_FILE);
    await expect(page.getByTestId('interrupted-summary')).toContainText(
      `${stored} of ${FILES} files were stored (${(stored * PER_FILE).toLocaleString('en-US')} events)`,
    );
    // The Files panel opens on the lost run: stored files as stored, the rest not stored.
    const panel = page.getByRole('region', { name: 'Files of the last ingest' });
    await expect(panel.locator('[data-status="cancelled"]')).toHaveCount(FILES - stored);
    await expect(panel.locator('[data-status="ingested"]')).toHaveCount(stored);
    await expect(panel.locator('[data-status="cancelled"] .reason').first()).toHaveText(
      'Not stored: the page was closed or reloaded during the ingest (pick the folder again to resume)',
    );
    await page.screenshot({ path: 'test-results/screens/interrupted-banner.png' });

    // Resume: the same folder again. Stored files are recognised, the rest read, nothing twice.
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(dir);
    await expect(page.getByTestId('event-count')).toHaveAttribute(
      'data-count',
      String(FILES * PER_FILE),
      { timeout: 90_000 },
    );
    await waitForIdle(page);
    await expect(banner).toHaveCount(0);
    await expect(panel.locator('[data-status="duplicate"]')).toHaveCount(Math.min(stored, 2000));
    await expect(panel.locator('[data-status="ingested"]')).toHaveCount(FILES - stored);
    if (stored > 0) {
      await expect(panel.locator('[data-status="duplicate"] .reason').first()).toContainText(
        'Already stored before the interrupted ingest',
      );
    }
    // Survives another reload with no notice and the full count.
    await page.reload();
    await waitForIdle(page);
    expect(await eventCount(page)).toBe(FILES * PER_FILE);
    await expect(banner).toHaveCount(0);
    expectClean(watch);
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectClean, openApp, openHeaderAction, waitForIdle } from './helpers/app';

/** Real logs without digests: files named for 218007301253 holding events of 123837392027. */
const INVICTUS = new URL('../test/fixtures/samples/invictus-aws', import.meta.url).pathname;

/** Drops the invictus folder and waits until its events are in and the page is idle. */
async function loadInvictus(page: Page): Promise<void> {
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(INVICTUS);
  await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0', {
    timeout: 60_000,
  });
  await waitForIdle(page);
}

test('without digest files the header says so and every event reads "not validated"', async ({
  page,
}) => {
  const watch = await openApp(page, './?cols=eventTime,eventName,integrity');
  await loadInvictus(page);
  const summary = page.getByTestId('validation-summary');
  await expect(summary).toContainText('not validated: no digest files');
  // The hook stays readable by outside checks: every count zero.
  for (const name of [
    'logs-valid',
    'logs-modified',
    'logs-missing',
    'logs-uncovered',
    'digests-valid',
    'digests-not-valid',
    'digests-missing',
    'digests-untrusted-key',
  ])
    await expect(summary).toHaveAttribute(`data-${name}`, '0');

  const cells = page.locator('.event-table-tr .col-integrity');
  await expect(cells.first()).toHaveText('not validated');
  const texts = await cells.allTextContents();
  expect(texts.length).toBeGreaterThan(5);
  expect(new Set(texts)).toEqual(new Set(['not validated']));

  await summary.click();
  const panel = page.getByRole('dialog', { name: 'Log file integrity' });
  await expect(panel.getByTestId('validation-verdict')).toContainText(
    'Not validated: no digest files',
  );
  expectClean(watch);
});

test('the coverage map of a one-hour incident has minute columns and explains whose files hold whose events', async ({
  page,
}) => {
  const watch = await openApp(page);
  await loadInvictus(page);
  await openHeaderAction(page, 'Coverage');
  const dialog = page.getByRole('dialog', { name: 'Evidence coverage' });
  const grid = dialog.getByTestId('coverage-grid');
  await expect(grid).toBeVisible();
  await expect(dialog).toContainText('each column is one minute');
  await expect(grid).toHaveAttribute('aria-label', /by one minute, UTC/);
  const cross = dialog.getByTestId('coverage-cross-account');
  await expect(cross).toHaveCount(1);
  await expect(cross).toHaveAttribute('data-file-account', '218007301253');
  await expect(cross).toHaveAttribute('data-event-account', '123837392027');
  await expect(cross).toContainText(
    /files of 218007301253 hold events of 123837392027: an organisation or delegated trail/i,
  );
  expectClean(watch);
});

test('"Exported N events" goes away with the next query', async ({ page }) => {
  const watch = await openApp(page);
  await loadInvictus(page);
  const download = page.waitForEvent('download');
  await page.locator('[data-export="jsonl"]').click();
  await download;
  const status = page.getByRole('status').filter({ hasText: /^Exported [\d,]+ events$/ });
  await expect(status).toBeVisible();

  const input = page.getByTestId('query-input');
  await input.fill('eventName:ListBuckets');
  await input.press('Enter');
  await expect(page).toHaveURL(/q=eventName/);
  await waitForIdle(page);
  await expect(status).toHaveCount(0);
  expectClean(watch);
});

test('in the dark theme, empty timeline bins are not drawn as bright dots', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const watch = await openApp(page);
  await loadInvictus(page);
  const canvas = page.locator('[data-testid="timeline"] canvas').first();
  await expect(canvas).toBeVisible();
  // Opaque near-white pixels: nothing in the dark palette (bars, errors, axis, grid) is that bright;
  // uPlot's default point markers, filled white on every value of a sparse series, were.
  const bright = await canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; data !== undefined && i < data.length; i += 4)
      if (
        (data[i] ?? 0) > 235 &&
        (data[i + 1] ?? 0) > 235 &&
        (data[i + 2] ?? 0) > 235 &&
        (data[i + 3] ?? 0) > 128
      )
        n++;
    return n;
  });
  expect(bright).toBe(0);
  expectClean(watch);
});

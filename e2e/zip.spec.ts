import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser, Locator, Page } from '@playwright/test';
import { dropFolder, eventCount, expectClean, openApp, waitForIdle } from './helpers/app';
import { AWSLOGS, fixtureFacts } from './helpers/fixtureFacts';
import { folderEntries, writeFolderZip } from './helpers/zipFolder';

const FILES_INPUT = 'input[type=file][multiple]:not([webkitdirectory])';
const OTRF = new URL('../test/fixtures/samples/otrf/', import.meta.url).pathname;
const OTRF_ZIP = join(OTRF, 'zip/ec2_proxy_s3_exfiltration.zip');
const OTRF_LINES = join(OTRF, 'json-lines/ec2_proxy_s3_exfiltration_2020-09-14011940.json');

let temp: string;
test.beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'cairn-zip-'));
});
test.afterEach(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Drops `paths` through the files input, in a fresh browser context; returns what it shows. */
async function countInFreshContext(
  browser: Browser,
  drop: (page: Page) => Promise<void>,
): Promise<{ count: number; summary: Record<string, number> | undefined }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = await openApp(page);
  await drop(page);
  await waitForIdle(page);
  const result = {
    count: await eventCount(page),
    summary: await summaryCounts(page.getByTestId('validation-summary')),
  };
  expectClean(watch);
  await context.close();
  return result;
}

/** The `validation-summary` hook's counts, or undefined when there is none. */
async function summaryCounts(summary: Locator): Promise<Record<string, number> | undefined> {
  if ((await summary.count()) === 0) return undefined;
  const data = await summary.evaluate((el) => Object.assign({}, (el as HTMLElement).dataset));
  return Object.fromEntries(
    Object.entries(data)
      .filter(([k]) => k !== 'testid')
      .map(([k, v]) => [k, Number(v)]),
  );
}

test('a zip of the sample folder gives the same count as the folder', async ({ page, browser }) => {
  const folder = await countInFreshContext(browser, (p) =>
    dropFolder(p, AWSLOGS, fixtureFacts().distinctIds),
  );
  expect(folder.count).toBeGreaterThan(0);

  const zip = writeFolderZip(AWSLOGS, temp);
  // A corrupt archive dropped with it fails alone.
  const broken = join(temp, 'broken.zip');
  writeFileSync(broken, readFileSync(zip).subarray(0, 20_000));

  const watch = await openApp(page);
  await page.locator(FILES_INPUT).setInputFiles([zip, broken]);
  await expect(page.getByTestId('event-count')).toHaveAttribute(
    'data-count',
    String(folder.count),
    { timeout: 60_000 },
  );
  await waitForIdle(page);
  expect(await eventCount(page)).toBe(folder.count);
  // Digests inside the archive are matched to its logs exactly as in the folder.
  expect(await summaryCounts(page.getByTestId('validation-summary'))).toEqual(folder.summary);

  // The Files panel lists every entry under its archive path, and the corrupt archive as one file.
  const reports = page.locator('[data-testid="file-report"]');
  const entries = Object.keys(folderEntries(AWSLOGS)).map((p) => `AWSLogs.zip/${p}`);
  await expect(reports).toHaveCount(entries.length + 1);
  const paths = await reports.locator('td.mono').allTextContents();
  expect(paths.sort()).toEqual([...entries, 'broken.zip'].sort());
  const failed = reports.and(page.locator('[data-status="failed"]'));
  await expect(failed).toHaveCount(2);
  await expect(failed.filter({ hasText: 'broken.zip' })).toContainText('Corrupt zip archive');
  await expect(failed.filter({ hasText: 'AWSLogs.zip/AWSLogs/' })).toContainText('Truncated');
  await expect(reports.filter({ hasText: 'AWSLogs.zip/AWSLogs/notes.txt' })).toHaveAttribute(
    'data-status',
    'skipped',
  );
  await page.screenshot({ path: 'test-results/screens/zip-files.png' });
  expectClean(watch);
});

test('the otrf zip gives the same count as its JSON-lines file', async ({ page, browser }) => {
  // Counted independently: one event per line, each with its own eventID.
  const ids = new Set(
    readFileSync(OTRF_LINES, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { eventID: string }).eventID),
  );
  const lines = await countInFreshContext(browser, (p) =>
    p.locator(FILES_INPUT).setInputFiles(OTRF_LINES),
  );
  expect(lines.count).toBe(ids.size);

  const watch = await openApp(page);
  await page.locator(FILES_INPUT).setInputFiles(OTRF_ZIP);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(ids.size), {
    timeout: 60_000,
  });
  await waitForIdle(page);
  // Nothing failed, so the Files panel stays closed until asked for.
  await page.getByRole('button', { name: 'Files', exact: true }).click();
  await expect(page.locator('[data-testid="file-report"]')).toHaveText([
    /ec2_proxy_s3_exfiltration\.zip\/ec2_proxy_s3_exfiltration_2020-09-14011940\.json/,
  ]);
  // The same bytes dropped loose are the same file: nothing new.
  await page.locator(FILES_INPUT).setInputFiles(OTRF_LINES);
  await waitForIdle(page);
  await expect(page.locator('[data-testid="file-report"]')).toHaveAttribute(
    'data-status',
    'duplicate',
  );
  expect(await eventCount(page)).toBe(ids.size);
  expectClean(watch);
});

import { expect, test } from '@playwright/test';
import {
  dropFolder,
  eventCount,
  expectClean,
  openApp,
  openHeaderAction,
  waitForIdle,
} from './helpers/app';
import { AWSLOGS, fixtureFacts } from './helpers/fixtureFacts';

const facts = fixtureFacts();

test('a dropped AWSLogs folder becomes Event history that survives reload and re-drop', async ({
  page,
}) => {
  const watch = await openApp(page);
  expect(await eventCount(page)).toBe(0);

  await dropFolder(page, AWSLOGS, facts.distinctIds);

  // The corrupt file fails alone, with its reason shown.
  const failed = page.locator('[data-testid="file-report"][data-status="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('Truncated');
  await expect(failed).toContainText(
    'Truncated gzip: the file ends before its compressed data does',
  );
  await expect(page.locator('[data-testid="file-report"][data-status="digest"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="file-report"][data-status="skipped"]')).toContainText(
    'notes.txt',
  );

  // Newest first: the first row is the newest event, and selecting it shows its eventID.
  const firstRow = page.locator('.event-table-tr[data-position="0"]');
  await expect(firstRow).toContainText(facts.newestTime.replace('T', ' ').replace('Z', ''));
  await firstRow.click();
  const shownId = await page
    .getByTestId('summary-event-id')
    .locator('.summary-value')
    .textContent();
  expect(facts.newestIds.has(shownId ?? '')).toBe(true);

  // Keyboard: ↓ moves to the next row.
  await page.getByRole('grid', { name: 'Events' }).press('ArrowDown');
  await expect(page.locator('.event-table-tr[data-position="1"]')).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // The index is stored (in bounded pieces) before the reload, so the reload reads it back.
  await expect(page.locator('html')).toHaveAttribute('data-index-saved', 'true');
  await expect(page.getByTestId('index-save-error')).toHaveCount(0);
  await page.reload();
  await waitForIdle(page);
  expect(await eventCount(page)).toBe(facts.distinctIds);
  await expect(page.locator('html')).toHaveAttribute('data-index-saved', 'true');

  await page.locator('input[type=file][webkitdirectory]').setInputFiles(AWSLOGS);
  await waitForIdle(page);
  await expect(page.locator('.files-panel, button:has-text("Files")').first()).toBeVisible();
  expect(await eventCount(page)).toBe(facts.distinctIds);

  expectClean(watch);
});

test('re-delivered events are stored once; the column choice is remembered', async ({ page }) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, facts.distinctIds);
  // The same 5 records delivered again in the us-west-2 folder add nothing.
  await expect(
    page.locator('[data-testid="file-report"]', { hasText: 'Redelivered' }),
  ).toContainText('0 new of 5');

  const header = page.getByRole('columnheader', { name: 'AWS region' });
  await expect(header).toHaveCount(0);
  await openHeaderAction(page, 'Columns');
  await page.getByRole('checkbox', { name: 'AWS region' }).check();
  await page.keyboard.press('Escape');
  await expect(header).toBeVisible();
  await page.reload();
  await waitForIdle(page);
  await expect(header).toBeVisible();
  expectClean(watch);
});

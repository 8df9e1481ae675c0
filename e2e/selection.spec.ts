import { expect, test } from '@playwright/test';
import { dropFolder, expectClean, openApp, waitForIdle } from './helpers/app';
import { AWSLOGS, fixtureFacts, fixtureRecords } from './helpers/fixtureFacts';

// The selected event has one source of truth, the URL: a jump past the loaded rows, a reload and
// Escape all read and write it, and the table and the detail pane follow.
test('a selection made by key survives a reload, from the URL alone', async ({ page }) => {
  const watch = await openApp(page);
  const count = fixtureFacts().distinctIds;
  await dropFolder(page, AWSLOGS, count);
  // The oldest event, found without the app: End selects it in the newest-first table.
  const oldest = [...fixtureRecords().values()].sort((a, b) =>
    String(a['eventTime']).localeCompare(String(b['eventTime'])),
  )[0];
  const oldestId = String(oldest?.['eventID']);

  const grid = page.getByRole('grid', { name: 'Events' });
  await grid.focus();
  await page.keyboard.press('End');
  const last = grid.locator(`[role="row"][aria-rowindex="${String(count + 1)}"]`);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('summary-event-id')).toContainText(oldestId);
  await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(oldestId);
  const row = new URL(page.url()).searchParams.get('row');
  expect(row).toMatch(/^\d+$/);

  await page.reload();
  await waitForIdle(page);
  await expect(page.getByTestId('summary-event-id')).toContainText(oldestId);
  // Restored from the link, the selected row is scrolled into view and marked.
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-selected', 'true');

  // A row number from elsewhere (another case, another machine) does not override the eventID.
  const elsewhere = new URL(page.url());
  elsewhere.searchParams.set('row', '0');
  await page.goto(elsewhere.toString());
  await waitForIdle(page);
  await expect(page.getByTestId('summary-event-id')).toContainText(oldestId);

  // Enter moves into the detail pane; Escape closes it, which clears the selection.
  await grid.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('summary-event-id')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.has('event')).toBe(false);
  expect(new URL(page.url()).searchParams.has('row')).toBe(false);
  expectClean(watch);
});

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

// The oracle: the fixture's records read with node:zlib, looked up by the eventIDs the dialog shows.
const records = fixtureRecords();

const row = (page: Page, position: number) =>
  page.locator(`.event-table-tr[data-position="${position}"]`);
const markBox = (page: Page, position: number) =>
  row(page, position).getByRole('checkbox', { name: 'Compare this event' });

test('compare marked events side by side, differences highlighted', async ({ page }) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.size);

  // Three ways to mark: the checkbox, Ctrl+click, and Space on the selected row.
  await markBox(page, 0).check();
  await expect(page.getByRole('region', { name: 'Events marked for comparison' })).toHaveCount(0);
  await row(page, 1).click({ modifiers: ['ControlOrMeta'] });
  await expect(markBox(page, 1)).toBeChecked();
  await row(page, 2).click();
  await expect(page.getByTestId('summary-event-id')).toBeVisible();
  await page.getByRole('grid', { name: 'Events' }).press(' ');
  await expect(markBox(page, 2)).toBeChecked();
  // Marking did not take the selection away from the row clicked last.
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 0)).toHaveAttribute('aria-selected', 'false');

  // Five at most: the others are disabled and say why.
  await markBox(page, 3).check();
  await markBox(page, 4).check();
  await expect(markBox(page, 5)).toBeDisabled();
  await expect(markBox(page, 5)).toHaveAttribute('title', /At most 5 events/);
  await markBox(page, 4).uncheck();
  await markBox(page, 3).uncheck();
  await expect(markBox(page, 5)).toBeEnabled();

  const bar = page.getByRole('region', { name: 'Events marked for comparison' });
  await expect(bar).toContainText('3 events marked');
  const compare = bar.getByRole('button', { name: 'Compare' });
  await compare.click();

  const dialog = page.getByRole('dialog', { name: 'Compare 3 events' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('thead .compare-event-head')).toHaveCount(3);
  const idRow = dialog.locator('tr[data-path="eventID"]');
  await expect(idRow).toHaveClass(/is-diff/);
  const ids = await idRow.locator('td').allTextContents();
  expect(new Set(ids).size).toBe(3);
  const marked = ids.map((id) => records.get(id));
  expect(marked.every((r) => r !== undefined)).toBe(true);

  // A field every marked record holds with the same string value: hidden until asked for.
  const [first] = marked;
  const same = Object.keys(first ?? {}).find(
    (k) => typeof first?.[k] === 'string' && marked.every((r) => r?.[k] === first[k]),
  );
  expect(same).toBeDefined();
  const sameRow = dialog.locator(`tr[data-path="${same ?? ''}"]`);
  await expect(sameRow).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Only differences' }).uncheck();
  await expect(sameRow).toBeVisible();
  await expect(sameRow).not.toHaveClass(/is-diff/);
  await expect(sameRow.locator('td').first()).toHaveText(String(first?.[same ?? '']));
  // The console's order: event time first.
  await expect(dialog.locator('tbody tr').first()).toHaveAttribute('data-path', 'eventTime');
  await dialog.getByRole('checkbox', { name: 'Only differences' }).check();
  await expect(sameRow).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/screens/compare-1280x800.png' });

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(compare).toBeFocused();

  await bar.getByRole('button', { name: 'Clear' }).click();
  await expect(bar).toHaveCount(0);
  await expect(markBox(page, 0)).not.toBeChecked();
  expectClean(watch);
});

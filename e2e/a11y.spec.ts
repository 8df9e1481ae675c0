import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, openHeaderAction } from './helpers/app';
import { AWSLOGS, fixtureFacts } from './helpers/fixtureFacts';
import { buildSignedTrail, removeSignedTrail } from './helpers/signedTrail';

// Accessibility: axe-core (bundled with @axe-core/playwright, so it runs offline) over the main
// views in the light and the dark theme, then the keyboard paths: shortcuts, detail pane, focus.

const SCHEMES = ['light', 'dark'] as const;

/**
 * Runs axe on the page as it is (WCAG 2.x A and AA rules) and fails on any serious or critical
 * violation, naming the rule and the first elements that break it; saves a screenshot.
 */
async function expectAccessible(page: Page, view: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/a11y-${view}.png` });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.help}: ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
  expect(bad, `axe on ${view}`).toEqual([]);
  // The scan really ran: it checked rules and found elements to check them on.
  expect(results.passes.length, `axe passes on ${view}`).toBeGreaterThan(10);
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const row = (page: Page, position: number) =>
  page.locator(`.event-table-tr[data-position="${position}"]`);

for (const scheme of SCHEMES) {
  test.describe(`${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test(`axe finds no serious violation in the main views (${scheme})`, async ({ page }) => {
      test.setTimeout(120_000);
      const watch = await openApp(page);
      // The theme follows the system.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      await expectAccessible(page, `${scheme}-empty`);

      await dropFolder(page, AWSLOGS, fixtureFacts().distinctIds);
      // The facet sidebar is open by default: it is part of this view.
      await expect(page.getByRole('tablist', { name: 'Sidebar' })).toBeVisible();
      await row(page, 0).click();
      await expect(page.getByTestId('summary-event-id')).toBeVisible();
      await expectAccessible(page, `${scheme}-table-detail`);

      // Query bar with its suggestions open.
      const input = page.getByTestId('query-input');
      await input.fill('eventName:');
      await expect(page.getByRole('listbox')).toBeVisible();
      await expectAccessible(page, `${scheme}-suggestions`);
      await input.press('Escape');
      await input.press('Escape');

      // The help sheet.
      await grid(page).focus();
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(help).toBeVisible();
      await expectAccessible(page, `${scheme}-help`);
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();

      // The file view of the selected event's log file.
      await page.getByTestId('open-file-view').first().click();
      const view = page.getByTestId('file-view');
      await expect(view.getByTestId('file-view-sha256')).toBeVisible();
      await expectAccessible(page, `${scheme}-file-view`);
      await page.keyboard.press('Escape');
      await expect(view).toBeHidden();

      // The coverage map.
      await openHeaderAction(page, 'Coverage');
      const coverage = page.getByRole('dialog', { name: 'Evidence coverage' });
      await expect(coverage.getByTestId('coverage-grid')).toBeVisible();
      await expectAccessible(page, `${scheme}-coverage`);
      await page.keyboard.press('Escape');
      await expect(coverage).toBeHidden();

      // The compare dialog, two events marked.
      await row(page, 0).getByRole('checkbox', { name: 'Compare this event' }).check();
      await row(page, 1).getByRole('checkbox', { name: 'Compare this event' }).check();
      await page
        .getByRole('region', { name: 'Events marked for comparison' })
        .getByRole('button', { name: 'Compare' })
        .click();
      const compare = page.getByRole('dialog', { name: 'Compare 2 events' });
      await expect(compare).toBeVisible();
      await expectAccessible(page, `${scheme}-compare`);
      await page.keyboard.press('Escape');
      await expect(compare).toBeHidden();
      expectClean(watch);
    });

    test(`axe finds no serious violation in the validation panel (${scheme})`, async ({ page }) => {
      const trail = buildSignedTrail();
      try {
        const watch = await openApp(page);
        await dropFolder(page, trail.awsLogs, trail.recordCount);
        const summary = page.getByTestId('validation-summary');
        await expect(summary).toContainText('hash chain consistent');
        await summary.click();
        const panel = page.getByRole('dialog', { name: 'Log file integrity' });
        await expect(panel).toBeVisible();
        await expectAccessible(page, `${scheme}-validation`);
        await page.keyboard.press('Escape');
        await expect(panel).toBeHidden();
        // The focus went back to the summary that opened the panel.
        await expect(summary).toBeFocused();
        expectClean(watch);
      } finally {
        removeSignedTrail(trail);
      }
    });
  });
}

test('keyboard: focus after ingest, ? help, j/k, Enter into the detail, Escape back', async ({
  page,
}) => {
  const watch = await openApp(page);
  // The empty state's button opens the folder picker: the focus is there when the files arrive.
  await page
    .getByRole('button', { name: /folder/i })
    .first()
    .focus();
  await dropFolder(page, AWSLOGS, fixtureFacts().distinctIds);
  // The ingest finished: the focus moved onto the table.
  await expect(grid(page)).toBeFocused();

  // ? opens the help sheet, which lists the shortcuts; Escape closes it and restores the focus.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Select the next event');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  // Tab stays inside the modal sheet.
  await page.keyboard.press('Tab');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  // j does nothing while the sheet is open.
  await page.keyboard.press('j');
  await expect(page.locator('.event-table-tr[aria-selected="true"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(grid(page)).toBeFocused();

  // j/k move the selection; the grid's active descendant is the selected row.
  await page.keyboard.press('j');
  await expect(row(page, 0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(row(page, 1)).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'false');
  const rowId = await row(page, 1).getAttribute('id');
  expect(rowId).not.toBeNull();
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', rowId ?? '');
  // Arrows and End work on the focused grid as well.
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(row(page, 0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(row(page, 1)).toHaveAttribute('aria-selected', 'true');

  // Enter moves the focus into the detail pane; Escape closes it and returns to the table.
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await expect(detail).toBeFocused();
  await expect(page.getByTestId('summary-event-id')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('summary-event-id')).toHaveCount(0);
  await expect(page.locator('.event-table-tr[aria-selected="true"]')).toHaveCount(0);
  await expect(grid(page)).toBeFocused();
  // The table remembers where it was.
  await page.keyboard.press('j');
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true');

  // / focuses the query bar; j typed there is text, not a move; Enter applies and keeps the focus.
  await page.keyboard.press('/');
  const input = page.getByTestId('query-input');
  await expect(input).toBeFocused();
  await page.keyboard.type('-eventName:j*');
  await expect(row(page, 2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('-eventName:j*');
  expectClean(watch);
});

import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import {
  dropFolder,
  eventCount,
  expectClean,
  openApp,
  openHeaderAction,
  waitForIdle,
} from './helpers/app';
import { AWSLOGS, fixtureFacts } from './helpers/fixtureFacts';

const SCREENS = 'test-results/screens';
const NOTE = 'First console login from the attacker IP <b>not bold</b>';

const row = (page: Page, position: number) =>
  page.locator(`.event-table-tr[data-position="${position}"]`);
const detail = (page: Page) => page.getByRole('complementary', { name: 'Event detail' });

async function search(page: Page, q: string, expected: number) {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
  const count = page.getByTestId('match-count');
  await expect(count).toHaveAttribute('data-complete', 'true');
  await expect(count).toHaveAttribute('data-count', String(expected));
}

/** axe (WCAG A/AA) finds no serious or critical violation on the page as it is. */
async function expectAccessible(page: Page, view: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `axe on ${view}`).toEqual([]);
}

async function addTag(page: Page, tag: string) {
  const input = detail(page).getByRole('combobox', { name: 'Add a tag' });
  await input.fill(tag);
  await input.press('Enter');
  await expect(detail(page).getByRole('list', { name: 'Tags' })).toContainText(tag);
}

test('bookmarks, tags and notes filter the table and travel in a case bundle', async ({ page }) => {
  // Three ingests, an export and two imports: about a minute on a busy 2-core machine.
  test.slow();
  mkdirSync(SCREENS, { recursive: true });
  const facts = fixtureFacts();
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, facts.distinctIds);
  const total = await eventCount(page);
  // The fixture's truncated file opens the Files panel; the screenshots want the table.
  await page.getByRole('button', { name: 'Close files panel' }).click();

  // Event 0: bookmarked with the b key, tagged x and given a note.
  await row(page, 0).click();
  const toggle = detail(page).getByRole('button', { name: /Bookmark/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('b');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(row(page, 0).locator('.row-bookmark')).toBeVisible();
  await addTag(page, 'x');
  await addTag(page, 'initial-access');
  const note = detail(page).getByRole('textbox', { name: 'Note' });
  await note.fill(NOTE);
  await note.press('Control+Enter');
  await expect(detail(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/bundle-detail.png` });
  await expectAccessible(page, 'annotated detail');

  // Event 1: tagged x too (the chips show in the row).
  await row(page, 1).click();
  await addTag(page, 'x');
  await expect(row(page, 1).locator('.row-tag')).toHaveText(['x']);

  await search(page, 'bookmarked:true', 1);
  await search(page, 'tag:x', 2);
  await search(page, 'tag:initial-*', 1);
  await search(page, 'is:noted', 1);
  await search(page, '', total);
  await page.getByRole('button', { name: 'Bookmarks' }).click();
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByRole('button', { name: 'Bookmarks' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await search(page, 'tag:x', 2);

  // Export with the original files: one zip, its manifest lists every file with its SHA-256.
  await openHeaderAction(page, 'Case bundle');
  const dialog = page.getByRole('dialog', { name: 'Case bundle' });
  await expect(dialog.getByText(/2 annotated events · \d+ source files/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Case name' }).fill('Incident 42');
  const include = dialog.getByRole('checkbox', { name: /Include the original log files/ });
  await expect(include).toBeChecked();
  await page.screenshot({ path: `${SCREENS}/bundle-dialog.png` });
  await expectAccessible(page, 'case bundle dialog');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export case bundle' }).click();
  const saved = await (await download).path();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Saved the case bundle' }),
  ).toBeVisible();
  const zip = unzipSync(new Uint8Array(readFileSync(saved)));
  const manifest = JSON.parse(strFromU8(zip['cairn-case.json'] ?? new Uint8Array())) as {
    caseName: string;
    view: string;
    annotations: { note: string; tags: string[] }[];
    files: { path: string; entry?: string }[];
  };
  expect(manifest.caseName).toBe('Incident 42');
  expect(new URLSearchParams(manifest.view).get('q')).toBe('tag:x');
  expect(manifest.annotations).toHaveLength(2);
  expect(manifest.files.length).toBeGreaterThan(0);
  for (const f of manifest.files) expect(zip[f.entry ?? ''], f.path).toBeDefined();
  await dialog.getByRole('button', { name: 'Close case bundle' }).click();

  // Clear everything, start from a bare URL, and import the bundle.
  await openHeaderAction(page, 'Clear data');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', '0');
  await page.goto('./');
  await waitForIdle(page);
  await openHeaderAction(page, 'Case bundle');
  await page.getByTestId('bundle-input').setInputFiles(saved);
  await expect(page.getByTestId('bundle-outcome')).toContainText('Imported Incident 42');
  await expect(page.getByTestId('bundle-outcome')).toContainText('are in this case');
  await page.screenshot({ path: `${SCREENS}/bundle-imported.png` });
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Show the case' }).click();
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(total));
  await expect(page).toHaveURL(/q=tag%3Ax|q=tag:x/);
  await expect(page.getByTestId('query-input')).toHaveValue('tag:x');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '2');
  await search(page, 'bookmarked:true', 1);
  await row(page, 0).click();
  await expect(detail(page).getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
  await expect(detail(page).getByRole('button', { name: /Bookmark/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The note is text: its markup-looking part stays text.
  await expect(detail(page).locator('b')).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/bundle-detail-dark.png` });
  await expectAccessible(page, 'annotated detail, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // From the Cases dialog the bundle comes back as a case of its own, under its name: the open
  // case holds events, so a new one is made, and the first is left as it was.
  await page.getByTestId('case-switcher').click();
  const cases = page.getByTestId('cases-dialog');
  await cases.getByTestId('case-bundle-input').setInputFiles(saved);
  await expect(cases.getByRole('status').filter({ hasText: 'Opened as a new case' })).toBeVisible();
  await expect(cases.getByTestId('bundle-outcome')).toContainText('Imported Incident 42');
  await expect(page.getByTestId('case-switcher')).toContainText('Incident 42');
  await expect(cases.locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: `${SCREENS}/bundle-as-case.png` });
  await cases.getByRole('button', { name: 'Close cases' }).click();
  await waitForIdle(page);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(total));
  await expect(page.getByTestId('query-input')).toHaveValue('tag:x');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '2');

  // A bundle dropped on the window (here through Open files…) is imported as a case too, not
  // ingested as an ordinary zip into the open case.
  await page.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles({
    name: 'incident-42.zip',
    mimeType: 'application/zip',
    buffer: readFileSync(saved),
  });
  const notice = page.getByTestId('dropped-bundle');
  await expect(notice).toContainText('opened as a new case');
  await expect(notice.getByTestId('bundle-outcome')).toContainText('Imported Incident 42');
  await waitForIdle(page);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(total));
  await expect(page.getByTestId('query-input')).toHaveValue('tag:x');
  await page.screenshot({ path: `${SCREENS}/bundle-dropped.png` });
  await page.getByTestId('case-switcher').click();
  await expect(page.getByTestId('cases-dialog').locator('tbody tr')).toHaveCount(3);
  expectClean(watch);
});

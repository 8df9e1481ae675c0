import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, eventCount, expectClean, openApp, waitForIdle } from './helpers/app';
import { AWSLOGS } from './helpers/fixtureFacts';
import { tinyLogFiles } from '../test/tinyLogFiles';

/** Distinct eventIDs of the readable trail files under `dir`, read with node:zlib (not the app). */
function distinctIds(dir: string): number {
  const ids = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.includes('/CloudTrail/') && p.endsWith('.json.gz')) {
        try {
          const parsed = JSON.parse(gunzipSync(readFileSync(p)).toString('utf8')) as {
            Records: { eventID: string }[];
          };
          for (const r of parsed.Records) ids.add(r.eventID);
        } catch {
          // The truncated file holds no countable events.
        }
      }
    }
  };
  walk(dir);
  return ids.size;
}

const FOLDER_A = join(AWSLOGS, '218007301253/CloudTrail/us-east-1/2023/07/10');
const FOLDER_B = join(AWSLOGS, '333333333333');
const COUNT_A = distinctIds(FOLDER_A);
const COUNT_B = distinctIds(FOLDER_B);
const HOSTILE_NAME = 'Prod <img src=x onerror=alert(1)> breach';

/** A temporary folder `evidence/` of 300 gzipped trail files of 300 real records each (90,000 events). */
async function bigFolder(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'cairn-cases-'));
  for (const { path, file } of tinyLogFiles(300, 300)) {
    const target = join(root, 'evidence', `${path}.gz`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, gzipSync(Buffer.from(await file.arrayBuffer())));
  }
  return root;
}

const dialog = (page: Page) => page.getByTestId('cases-dialog');
const row = (page: Page, name: string) =>
  dialog(page)
    .getByTestId('case-row')
    .filter({ has: page.getByText(name, { exact: true }) });

async function openCases(page: Page): Promise<void> {
  await page.getByTestId('case-switcher').click();
  await expect(dialog(page)).toBeVisible();
}

async function createCase(page: Page, name: string): Promise<void> {
  await openCases(page);
  await dialog(page).getByTestId('new-case-name').fill(name);
  await dialog(page).getByRole('button', { name: 'Create and open' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await waitForIdle(page);
  await expect(page.getByTestId('case-switcher')).toContainText(name);
}

async function openCase(page: Page, name: string, expected: number): Promise<void> {
  await openCases(page);
  await row(page, name).getByRole('button', { name: 'Open' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await waitForIdle(page);
  await expect(page.getByTestId('case-switcher')).toContainText(name);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(expected));
}

test('cases: create, ingest, rename, switch, reload and delete, each keeping its own events', async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(COUNT_A).toBeGreaterThan(0);
  expect(COUNT_B).toBeGreaterThan(0);
  expect(COUNT_A).not.toBe(COUNT_B);
  page.on('dialog', () => {
    throw new Error('a case name ran as script');
  });
  const watch = await openApp(page);
  await expect(page.getByTestId('case-switcher')).toContainText('Case 1');

  await createCase(page, 'Incident 4711');
  expect(await eventCount(page)).toBe(0);
  await dropFolder(page, FOLDER_A, COUNT_A);

  await createCase(page, 'Second');
  expect(await eventCount(page)).toBe(0);
  await dropFolder(page, FOLDER_B, COUNT_B);

  // Rename in place; the name is shown as text, never as markup.
  await openCases(page);
  await row(page, 'Second').getByRole('button', { name: 'Rename Second' }).click();
  const input = dialog(page).getByRole('textbox', { name: 'New name for Second' });
  // Escape cancels the edit and leaves the dialog open.
  await input.fill('Discarded');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(dialog(page)).toBeVisible();
  await expect(row(page, 'Second')).toHaveCount(1);
  await row(page, 'Second').getByRole('button', { name: 'Rename Second' }).click();
  await input.fill(HOSTILE_NAME);
  await input.press('Enter');
  await expect(row(page, HOSTILE_NAME)).toHaveAttribute('data-active', 'true');
  await expect(dialog(page).locator('img')).toHaveCount(0);
  const figures = row(page, 'Incident 4711');
  await expect(figures).toHaveAttribute('data-events', String(COUNT_A));
  await expect(figures).toContainText('2023-07-10');
  await expect(figures).toContainText('1 account · 1 Region');
  await expect(row(page, HOSTILE_NAME)).toHaveAttribute('data-events', String(COUNT_B));
  // Persistence was asked for at the first ingest; the browser's answer is shown as given.
  const storage = dialog(page).getByTestId('storage-status');
  await expect(storage).toContainText('used');
  if ((await storage.getAttribute('data-persisted')) === 'true') {
    await expect(storage).toContainText('Persistent');
  } else {
    await expect(storage).toContainText('The browser declined the last request');
    await expect(storage.getByRole('button', { name: 'Keep data persistent' })).toBeEnabled();
  }
  await page.screenshot({ path: 'test-results/screens/cases.png' });
  await dialog(page).getByRole('button', { name: 'Close cases' }).click();
  await expect(page.getByTestId('case-switcher')).toContainText(HOSTILE_NAME);

  // A query in the URL belongs to the case it was typed in: switching clears it.
  const query = page.getByTestId('query-input');
  await query.fill('eventName:ConsoleLogin');
  await query.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  await openCase(page, 'Incident 4711', COUNT_A);
  await expect(page).not.toHaveURL(/[?&]q=/);
  await openCase(page, HOSTILE_NAME, COUNT_B);
  await openCase(page, 'Incident 4711', COUNT_A);

  // A reload opens the case open last, with its data.
  await page.reload();
  await waitForIdle(page);
  await expect(page.getByTestId('case-switcher')).toContainText('Incident 4711');
  expect(await eventCount(page)).toBe(COUNT_A);

  // Delete a case that is not open: it goes, the open one is untouched.
  await openCases(page);
  await expect(dialog(page).getByTestId('case-row')).toHaveCount(3);
  await row(page, 'Case 1').getByRole('button', { name: 'Delete Case 1' }).click();
  await expect(dialog(page).getByRole('group', { name: 'Confirm deleting Case 1' })).toContainText(
    'Its 0 events and 0 B of stored files are removed',
  );
  await dialog(page).getByRole('button', { name: 'Delete case', exact: true }).click();
  await expect(dialog(page).getByTestId('case-row')).toHaveCount(2);
  expect(await eventCount(page)).toBe(COUNT_A);

  // Delete the open case: the other one opens.
  await row(page, 'Incident 4711').getByRole('button', { name: 'Delete Incident 4711' }).click();
  await expect(
    dialog(page).getByRole('group', { name: 'Confirm deleting Incident 4711' }),
  ).toContainText(`Its ${COUNT_A.toLocaleString('en-US')} events`);
  await dialog(page).getByRole('button', { name: 'Delete case', exact: true }).click();
  await expect(dialog(page).getByTestId('case-row')).toHaveCount(1);
  await waitForIdle(page);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(COUNT_B));
  await expect(row(page, HOSTILE_NAME)).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await page.reload();
  await waitForIdle(page);
  expect(await eventCount(page)).toBe(COUNT_B);
  expectClean(watch);
});

test('Safari is told that it deletes site data after 7 days, until dismissed', async ({
  browser,
}) => {
  const context = await browser.newContext({
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  });
  const page = await context.newPage();
  const watch = await openApp(page);
  const notice = page.getByTestId('safari-notice');
  await expect(notice).toContainText('Safari deletes this site’s stored data after 7 days');
  await expect(notice).toContainText('Export case bundle');
  await page.getByRole('button', { name: 'Dismiss the Safari storage notice' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await waitForIdle(page);
  await expect(notice).toHaveCount(0);
  // The Cases dialog still says it.
  await page.getByTestId('case-switcher').click();
  await expect(page.getByTestId('cases-dialog').getByTestId('safari-notice')).toBeVisible();
  expectClean(watch);
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the Cases dialog passes axe with a delete being confirmed (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const watch = await openApp(page);
    await dropFolder(page, FOLDER_A, COUNT_A);
    await createCase(page, 'Empty one');
    await openCases(page);
    await row(page, 'Case 1').getByRole('button', { name: 'Delete Case 1' }).click();
    await page.screenshot({ path: `test-results/screens/cases-${scheme}.png` });
    const results = await new AxeBuilder({ page })
      .include('[data-testid="cases-dialog"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
    expectClean(watch);
  });
}

test('cases cannot be opened, created or deleted while an ingest runs, and say why', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const root = await bigFolder();
  try {
    const watch = await openApp(page);
    await createCase(page, 'Big');
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(root, 'evidence'));
    await expect(page.getByRole('progressbar')).toBeVisible();
    await openCases(page);
    const reason = 'An ingest is running: wait for it to finish or cancel it first';
    await expect(dialog(page).getByRole('status')).toHaveText(`${reason}.`);
    const open = row(page, 'Case 1').getByRole('button', { name: 'Open' });
    await expect(open).toBeDisabled();
    await expect(open).toHaveAttribute('title', reason);
    await expect(row(page, 'Big').getByRole('button', { name: 'Delete Big' })).toBeDisabled();
    await expect(dialog(page).getByRole('button', { name: 'Create and open' })).toBeDisabled();
    // Once it ends, the case's figures are taken and switching is allowed again.
    await waitForIdle(page);
    await expect(open).toBeEnabled();
    await expect(row(page, 'Big')).toHaveAttribute('data-events', String(300 * 300));
    await open.click();
    await waitForIdle(page);
    expect(await eventCount(page)).toBe(0);
    expectClean(watch);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an ingest interrupted in one case is offered for resume in that case only', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const root = await bigFolder();
  try {
    const watch = await openApp(page);
    await createCase(page, 'Interrupted');
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(root, 'evidence'));
    await expect(page.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      /^([1-9]|[1-8]\d)$/,
      { timeout: 60_000 },
    );
    await page.reload();
    await waitForIdle(page);
    await expect(page.getByTestId('case-switcher')).toContainText('Interrupted');
    const banner = page.getByTestId('interrupted-run');
    await expect(banner).toBeVisible();
    const stored = Number(await banner.getAttribute('data-stored'));
    expect(await eventCount(page)).toBe(stored * 300);

    await openCase(page, 'Case 1', 0);
    await expect(banner).toHaveCount(0);
    await openCase(page, 'Interrupted', stored * 300);
    await expect(banner).toHaveAttribute('data-stored', String(stored));
    await banner.getByRole('button', { name: 'Discard the rest' }).click();
    await expect(banner).toHaveCount(0);
    await openCase(page, 'Case 1', 0);
    await openCase(page, 'Interrupted', stored * 300);
    await expect(banner).toHaveCount(0);
    expectClean(watch);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a case deleted in another tab is said to be gone in this one, and a reload recovers', async ({
  context,
  page,
}) => {
  test.setTimeout(90_000);
  const watch = await openApp(page);
  await createCase(page, 'Doomed');
  await dropFolder(page, FOLDER_A, COUNT_A);
  // A second tab opens on the same case (the last one opened), then deletes it.
  const other = await context.newPage();
  const otherWatch = await openApp(other);
  await expect(other.getByTestId('case-switcher')).toContainText('Doomed');
  await openCases(other);
  await row(other, 'Doomed').getByRole('button', { name: 'Delete Doomed' }).click();
  await dialog(other).getByRole('button', { name: 'Delete case', exact: true }).click();
  await expect(dialog(other).getByTestId('case-row')).toHaveCount(1);
  await waitForIdle(other);

  const gone = page.getByTestId('case-closed-elsewhere');
  await expect(gone).toContainText('This case was deleted or changed in another tab');
  await page.screenshot({ path: 'test-results/screens/case-closed-elsewhere.png' });
  await gone.getByRole('button', { name: 'Reload' }).click();
  await waitForIdle(page);
  await expect(page.getByTestId('case-switcher')).toContainText('Case 1');
  await expect(gone).toHaveCount(0);
  expect(await eventCount(page)).toBe(0);
  expectClean(watch);
  expectClean(otherWatch);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { buildCoverageTrail, writeCoverageTrail } from '../test/coverageTrail';
import type { CoverageTrail } from '../test/coverageTrail';
import { dropFolder, expectClean, openApp, openHeaderAction, waitForIdle } from './helpers/app';

const HOUR = 3_600_000;
let trail: CoverageTrail;
let dir: string;
test.beforeEach(() => {
  trail = buildCoverageTrail();
  dir = mkdtempSync(join(tmpdir(), 'cairn-coverage-'));
  writeCoverageTrail(trail, dir);
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hourIso = (h: number) => new Date(trail.day + h * HOUR).toISOString();

/** The centre of a cell in page coordinates, from the geometry the grid exposes. */
async function cellPoint(grid: Locator, row: number, column: number) {
  const box = await grid.boundingBox();
  const num = async (name: string) => Number(await grid.getAttribute(`data-${name}`));
  const [lw, hh, cw, ch] = await Promise.all(
    ['label-width', 'header-height', 'cell-width', 'cell-height'].map(num),
  );
  if (box === null || lw === undefined || hh === undefined || cw === undefined || ch === undefined)
    throw new Error('the grid is not laid out');
  return { x: box.x + lw + column * cw + cw / 2, y: box.y + hh + row * ch + ch / 2 };
}

async function openCoverage(page: Page) {
  await openHeaderAction(page, 'Coverage');
  const dialog = page.getByRole('dialog', { name: 'Evidence coverage' });
  await expect(dialog.getByTestId('coverage-grid')).toBeVisible();
  return dialog;
}

async function expectFiltered(page: Page, hour: number) {
  await expect(page.getByRole('dialog', { name: 'Evidence coverage' })).toBeHidden();
  await expect(page.getByTestId('query-input')).toHaveValue(
    `recipientAccountId:${trail.account} awsRegion:${trail.region}`,
  );
  await expect(page.getByTestId('match-count')).toHaveAttribute(
    'data-count',
    String(trail.eventsByHour[hour]),
    { timeout: 30_000 },
  );
  const url = new URL(page.url());
  expect(url.searchParams.get('range')).toBe('custom');
  expect(new Date(url.searchParams.get('from') ?? '').getTime()).toBe(trail.day + hour * HOUR);
  expect(new Date(url.searchParams.get('to') ?? '').getTime()).toBe(trail.day + (hour + 1) * HOUR);
  await waitForIdle(page);
}

test('the coverage map marks the tampering, the chain gap and the missing file; a cell filters to itself', async ({
  page,
}) => {
  const total = trail.eventsByHour.reduce((s, n) => s + n, 0);
  const watch = await openApp(page);
  await dropFolder(page, join(dir, 'AWSLogs'), total);
  const dialog = await openCoverage(page);

  const count = (id: string) => dialog.getByTestId(id);
  await expect(count('coverage-tampering')).toHaveAttribute('data-count', '1');
  await expect(count('coverage-gaps')).toHaveAttribute('data-count', '1');
  await expect(count('coverage-missing')).toHaveAttribute('data-count', '1');
  await expect(count('coverage-uncovered')).toHaveAttribute('data-count', '2');
  await expect(count('coverage-modified')).toHaveAttribute('data-count', '0');

  // The findings, oldest first: the missing file (hour 1), the gap (hour 2), the StopLogging (hour 3).
  const findings = dialog.getByTestId('coverage-finding');
  await expect(findings).toHaveCount(3);
  await expect(findings.nth(0)).toHaveAttribute('data-kind', 'problem');
  await expect(findings.nth(0)).toHaveAttribute('data-from', hourIso(trail.missingLogHour));
  await expect(findings.nth(0)).toContainText('1 listed log file missing');
  await expect(findings.nth(1)).toHaveAttribute('data-kind', 'gap');
  await expect(findings.nth(1)).toHaveAttribute('data-from', hourIso(trail.gapHour));
  await expect(findings.nth(1)).toHaveAttribute('data-to', hourIso(trail.gapHour + 1));
  await expect(findings.nth(1)).toContainText('names a previous digest that is not here');
  await expect(findings.nth(2)).toHaveAttribute('data-kind', 'tampering');
  await expect(findings.nth(2)).toHaveAttribute('data-from', hourIso(trail.tamperingHour));
  await expect(findings.nth(2)).toContainText('Trail tampering: StopLogging');

  // A finding can be shown on the map: the cursor moves there, with its marks.
  await dialog.getByRole('button', { name: /^Show on the map: 2024-03-01 03:00/ }).click();
  const shown = dialog.getByTestId('coverage-cursor');
  await expect(shown).toHaveAttribute('data-column', String(trail.tamperingHour));
  await expect(shown).toHaveAttribute('data-marks', 'covered tampering');
  await expect(dialog.getByTestId('coverage-grid')).toBeFocused();

  // On the map itself: hovering a cell tells its marks and exact counts.
  const grid = dialog.getByTestId('coverage-grid');
  const tooltip = dialog.getByTestId('coverage-tooltip');
  const tamperCell = await cellPoint(grid, 0, trail.tamperingHour);
  await page.mouse.move(tamperCell.x, tamperCell.y);
  await expect(tooltip).toHaveAttribute('data-marks', 'covered tampering');
  await expect(tooltip).toContainText(
    `${trail.eventsByHour[trail.tamperingHour]} events · ${trail.filesByHour[trail.tamperingHour]} log files · 1 digest`,
  );
  await expect(tooltip).toContainText('Trail tampering: StopLogging ×1');
  await page.screenshot({ path: 'test-results/screens/coverage-1280x800.png' });
  const gapCell = await cellPoint(grid, 0, trail.gapHour);
  await page.mouse.move(gapCell.x, gapCell.y);
  await expect(tooltip).toHaveAttribute('data-marks', 'gap uncovered');
  await expect(tooltip).toContainText('Gap in the digest chain of trail "trail"');
  await expect(tooltip).toContainText('2 log files listed in no digest');

  // A click on the canvas filters the table to the account, Region and hour, and closes the map.
  await page.mouse.click(tamperCell.x, tamperCell.y);
  await expectFiltered(page, trail.tamperingHour);

  // The keyboard reaches every cell: Tab in, arrows move, Enter filters.
  const again = await openCoverage(page);
  await again.getByTestId('coverage-grid').focus();
  const cursor = again.getByTestId('coverage-cursor');
  await expect(cursor).toHaveAttribute('data-column', '0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cursor).toHaveAttribute('data-column', String(trail.gapHour));
  await expect(cursor).toHaveAttribute('data-marks', 'gap uncovered');
  await expect(cursor).toHaveAttribute('data-events', String(trail.eventsByHour[trail.gapHour]));
  await page.keyboard.press('Enter');
  await expectFiltered(page, trail.gapHour);

  await page.setViewportSize({ width: 1920, height: 1080 });
  const wide = await openCoverage(page);
  const point = await cellPoint(wide.getByTestId('coverage-grid'), 0, trail.missingLogHour);
  await page.mouse.move(point.x, point.y);
  await expect(wide.getByTestId('coverage-tooltip')).toContainText(
    '1 log file listed in a digest but missing',
  );
  await page.screenshot({ path: 'test-results/screens/coverage-1920x1080.png' });
  expectClean(watch);
});

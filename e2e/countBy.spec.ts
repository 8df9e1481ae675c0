import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectClean, openApp, waitForIdle } from './helpers/app';

// The invictus-aws sample: a Stratus Red Team run, 20 user names.
const INVICTUS = 'test/fixtures/samples/invictus-aws';

async function loadInvictus(page: Page): Promise<void> {
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(INVICTUS);
  await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0', {
    timeout: 60_000,
  });
  await waitForIdle(page);
}

async function matchCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('match-count').getAttribute('data-count'));
}

/** Opens `q` through the URL (a shared link) and waits for its count table to be complete. */
async function openCount(page: Page, q: string): Promise<void> {
  await page.goto(`./?q=${encodeURIComponent(q)}`);
  await waitForIdle(page);
  await expect(page.getByTestId('count-by')).toHaveAttribute('data-complete', 'true', {
    timeout: 30_000,
  });
}

test('?q=… | count by userName shows rows whose counts are what a click on each finds', async ({
  page,
}) => {
  const watch = await openApp(page);
  await loadInvictus(page);
  await openCount(page, 'eventSource:ec2.amazonaws.com | count by userName');
  const total = await matchCount(page);
  expect(total).toBeGreaterThan(0);
  const rows = page.getByTestId('count-row');
  const n = await rows.count();
  expect(n).toBeGreaterThan(2);
  // The match count is the events before grouping: the rows add up to it (one value per event).
  const counts = await rows.evaluateAll((els) =>
    els.map((el) => ({ key: el.getAttribute('data-key'), count: Number(el.dataset['count']) })),
  );
  expect(counts.reduce((s, r) => s + r.count, 0)).toBe(total);
  // Most events first.
  expect(counts.map((r) => r.count)).toEqual([...counts.map((r) => r.count)].sort((a, b) => b - a));

  for (const { key, count } of counts.slice(0, 3)) {
    await openCount(page, 'eventSource:ec2.amazonaws.com | count by userName');
    await page.locator(`[data-testid="count-row"][data-key="${key ?? ''}"] .col-key a`).click();
    await expect(page.getByTestId('count-by')).toHaveCount(0);
    await expect(page.getByTestId('query-input')).toHaveValue(
      key === '' ? 'eventSource:ec2.amazonaws.com -userName:*' : /userName:/,
    );
    await waitForIdle(page);
    await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(count));
  }
  expectClean(watch);
});

test('two fields: pairs under each value, sorting, and a pair link', async ({ page }) => {
  const watch = await openApp(page);
  await loadInvictus(page);
  await openCount(page, '| count by userName, eventName');
  const groups = page.getByTestId('count-group');
  expect(await groups.count()).toBeGreaterThan(2);
  const pair = page.getByTestId('count-row').first();
  const key = (await pair.getAttribute('data-key')) ?? '';
  expect(key.split('\t')).toHaveLength(2);
  const count = Number(await pair.getAttribute('data-count'));

  // Sorting by value puts the groups A to Z.
  await page.getByRole('button', { name: /^userName \/ eventName/ }).click();
  await expect(page).toHaveURL(/csort=key/);
  await expect(page.getByTestId('count-by')).toHaveAttribute('data-complete', 'true');
  const names = await groups.evaluateAll((els) =>
    els.map((el) => (el.getAttribute('data-key') ?? '').toLowerCase()),
  );
  expect(names).toEqual([...names].sort());

  await page.locator(`[data-testid="count-row"][data-key="${key}"] .col-key a`).click();
  await expect(page.getByTestId('count-by')).toHaveCount(0);
  await waitForIdle(page);
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(count));
  expectClean(watch);
});

test('"Count by" on a facet title groups the filter; a JSON path reads records back', async ({
  page,
}) => {
  const watch = await openApp(page);
  await loadInvictus(page);
  const facet = page.getByRole('region', { name: 'Event name', exact: true });
  await facet.getByRole('button', { name: 'Count by Event name' }).click();
  await expect(page.getByTestId('query-input')).toHaveValue('| count by eventName');
  await expect(page.getByTestId('count-by')).toHaveAttribute('data-complete', 'true');
  expect(await page.getByTestId('count-row').count()).toBeGreaterThan(5);

  await openCount(page, 'eventSource:s3.amazonaws.com | count by requestParameters.bucketName');
  const row = page.getByTestId('count-row').first();
  const count = Number(await row.getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  await row.locator('.col-events a').click();
  await waitForIdle(page);
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(count));
  expectClean(watch);
});

test('screenshots of a count at 1280×800 and 1920×1080', async ({ page }) => {
  await openApp(page);
  await loadInvictus(page);
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openCount(page, 'errorCode:* | count by userName, eventName');
    await page.screenshot({ path: `test-results/shots/countBy-${width}x${height}.png` });
    await openCount(page, '| count by userName');
    await page.screenshot({ path: `test-results/shots/countBy-one-${width}x${height}.png` });
  }
});

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, waitForIdle } from './helpers/app';

const SAMPLES = 'test/fixtures/samples/invictus-aws';
const EVENTS = 2900;

const header = (page: Page, id: string) => page.locator(`.event-table-th[data-column="${id}"]`);
const headerIds = (page: Page) =>
  page
    .locator('.event-table-th')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-column')));
const widthOf = async (page: Page, id: string) =>
  (await header(page, id).boundingBox())?.width ?? 0;

test('a dragged column width and a dragged column order are remembered across a reload', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, EVENTS);

  const before = await widthOf(page, 'userName');
  const edge = header(page, 'userName').locator('.th-resize');
  const box = await edge.boundingBox();
  if (box === null) throw new Error('no resize edge');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 90, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const after = await widthOf(page, 'userName');
  expect(after).toBeGreaterThan(before + 80);
  // The header and the cells below it stay one column.
  const cell = page.locator('.event-table-tr[data-position="0"] .col-userName');
  expect((await cell.boundingBox())?.width).toBeCloseTo(after, 0);

  await header(page, 'resourceType').dragTo(header(page, 'userName'));
  const moved = ['eventTime', 'resourceType', 'userName', 'eventName'];
  expect((await headerIds(page)).slice(0, 4)).toEqual(moved);

  await page.reload();
  await waitForIdle(page);
  await expect(header(page, 'userName')).toBeVisible();
  expect(await widthOf(page, 'userName')).toBeCloseTo(after, 0);
  expect((await headerIds(page)).slice(0, 4)).toEqual(moved);
  expectClean(watch);
});

test('a click on Event name sorts every row by name, in the URL; again, the other way', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, EVENTS);
  const names = () =>
    page
      .locator('.event-table-tr .col-eventName')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  const byName = (list: string[]) =>
    [...list].sort((a, b) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
    );

  await page.getByRole('button', { name: /^Event name/ }).click();
  await expect(header(page, 'eventName')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/[?&]sort=eventName/);
  // The header turns at once; the rows follow when the worker answers the sorted query.
  const sortedRows = async (order: (list: string[]) => string[]) => {
    let rows: string[] = [];
    await expect
      .poll(async () => {
        rows = await names();
        return rows.length > 10 && rows.join('\n') === order(rows).join('\n');
      })
      .toBe(true);
    return rows;
  };
  const first = await sortedRows(byName);
  // The whole result is sorted, not the page: the first name is the smallest the facet lists.
  const facetNames = await page
    .locator('.facet-value[data-field="eventName"] .facet-label')
    .allTextContents();
  expect(facetNames.length).toBeGreaterThan(3);
  for (const n of facetNames) expect(n.toLowerCase() >= (first[0] ?? '').toLowerCase()).toBe(true);

  await page.getByRole('button', { name: /^Event name/ }).click();
  await expect(header(page, 'eventName')).toHaveAttribute('aria-sort', 'descending');
  const last = await sortedRows((list) => byName(list).reverse());
  expect((last[0] ?? '').toLowerCase() > (first[0] ?? '').toLowerCase()).toBe(true);

  // The sort is part of the view: a reload keeps it.
  await page.reload();
  await waitForIdle(page);
  await expect(header(page, 'eventName')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(names).toEqual(last);
  expectClean(watch);
});

test('a value cut in the middle keeps its two ends, and hovering shows all of it', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, EVENTS);
  const cut = page
    .locator('.event-table-tr .col-resourceName', { has: page.locator('.cell-cut') })
    .first();
  await expect(cut).toBeVisible();
  const full = (await cut.getAttribute('title')) ?? '';
  const shown = (await cut.locator('.cell-text').textContent()) ?? '';
  const [head = '', tail = ''] = shown.split('…');
  expect(full.length).toBeGreaterThan(shown.length);
  expect(head.length).toBeGreaterThan(0);
  expect(tail.length).toBeGreaterThan(0);
  expect(full.startsWith(head)).toBe(true);
  expect(full.endsWith(tail)).toBe(true);
  // The cell holds what it shows: nothing spills past the column.
  const fits = await cut.evaluate((e) => e.scrollWidth <= e.clientWidth);
  expect(fits).toBe(true);
  expectClean(watch);
});

test('a query that matches nothing says so in the table, with a way back', async ({ page }) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, EVENTS);
  const q = 'eventName:"<b>NoSuchCall</b>"';
  await page.getByTestId('query-input').fill(q);
  await page.getByTestId('query-input').press('Enter');
  const none = page.getByRole('grid', { name: 'Events' }).getByTestId('no-matches');
  await expect(none).toContainText(`No events match ${q} in all time.`);
  // The query is text, never markup.
  await expect(none.locator('b')).toHaveCount(0);
  await none.getByRole('button', { name: 'Clear the query' }).click();
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(EVENTS));
  await expect(page.getByTestId('query-input')).toHaveValue('');
  await expect(none).toHaveCount(0);
  expectClean(watch);
});

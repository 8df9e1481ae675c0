import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectClean, openApp, waitForIdle } from './helpers/app';

// The invictus-aws sample: a Stratus Red Team run with 20 user names, some first seen late in it.
const INVICTUS = 'test/fixtures/samples/invictus-aws';

async function loadInvictus(page: Page): Promise<void> {
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(INVICTUS);
  await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0', {
    timeout: 60_000,
  });
  await waitForIdle(page);
}

/** The count a value's row shows, as a number. */
async function shownCount(row: ReturnType<Page['locator']>): Promise<number> {
  return Number((await row.locator('.facet-count').innerText()).replace(/[^\d]/g, ''));
}

test('"Show all" lists every user name, narrows as one types, and a click filters to its count', async ({
  page,
}) => {
  const watch = await openApp(page);
  await loadInvictus(page);
  const facet = page.getByRole('region', { name: 'User name', exact: true });
  await expect(facet.locator('.facet-value')).toHaveCount(8);
  await facet.getByRole('button', { name: 'Show all User name values' }).click();

  const all = page.getByRole('region', { name: 'All values of User name' });
  const values = all.locator('.facet-value');
  await expect(all.getByTestId('facet-all-note')).toHaveText(/^\d+ values$/);
  const distinct = Number(/^(\d+)/.exec(await all.getByTestId('facet-all-note').innerText())?.[1]);
  expect(distinct).toBeGreaterThan(8);
  await expect(values).toHaveCount(distinct);

  const box = all.getByRole('textbox', { name: 'Filter User name values' });
  await expect(box).toBeFocused();
  // Session names of the SDK's assumed roles (aws-go-sdk-<time>): five in the sample.
  await box.fill('AWS-GO-SDK');
  await expect(all.getByTestId('facet-all-note')).toHaveText(
    `5 of ${distinct} values contain “AWS-GO-SDK”`,
  );
  await expect(values).toHaveCount(5);
  for (const row of await values.all()) {
    await expect(row.locator('.facet-label')).toContainText('aws-go-sdk-');
    expect(await shownCount(row)).toBeGreaterThan(0);
  }

  // Any value of the list, not only a top one: the click applies its clause, and finds its count.
  await box.fill('nmfalu');
  await expect(values).toHaveCount(1);
  const row = values.first();
  await expect(row.locator('.facet-label')).toHaveText('stratus-red-team-nmfalu-gfjyeaypjt');
  const count = await shownCount(row);
  await row.click();
  await expect(page.getByTestId('query-input')).toHaveValue(
    'userName:stratus-red-team-nmfalu-gfjyeaypjt',
  );
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(count));
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-complete', 'true');
  // The list stays open, the picked value marked.
  await expect(all.locator('li.facet-include .facet-label')).toHaveText(
    'stratus-red-team-nmfalu-gfjyeaypjt',
  );

  // Escape clears the box, then closes the list.
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await box.press('Escape');
  await expect(all).toBeHidden();
  await expect(facet.locator('li.facet-include .facet-label')).toHaveText(
    'stratus-red-team-nmfalu-gfjyeaypjt',
  );
  expectClean(watch);
});

test('a user name first seen in the time range is marked "new"; one seen before it is not', async ({
  page,
}) => {
  const watch = await openApp(page);
  await loadInvictus(page);
  const facet = page.getByRole('region', { name: 'User name', exact: true });
  // All time: nothing is new.
  await expect(facet.locator('.facet-value').first()).toBeVisible();
  await expect(page.locator('.facet-new')).toHaveCount(0);

  await page.goto('./?range=custom&from=2023-07-10T12:15:00.000Z&to=2023-07-10T12:40:00.000Z');
  await waitForIdle(page);
  await expect(page.getByTestId('facets')).toHaveAttribute('data-version', /true$/);
  // RDS acts first at 12:15:04, bert-jan from 11:54.
  const rds = facet.locator('.facet-value', { hasText: 'rds.amazonaws.com' });
  await expect(rds.locator('.facet-new')).toHaveText('new');
  await expect(rds.locator('.facet-new')).toHaveAttribute(
    'title',
    'First seen in this time range: no event before 2023-07-10 12:15:00 UTC has it',
  );
  await expect(facet.locator('.facet-value', { hasText: 'bert-jan' })).toBeVisible();
  await expect(
    facet.locator('.facet-value', { hasText: 'bert-jan' }).locator('.facet-new'),
  ).toHaveCount(0);

  // The full list marks the same, beyond the top eight: Event name has more in the range.
  const names = page.getByRole('region', { name: 'Event name', exact: true });
  await names.getByRole('button', { name: 'Show all Event name values' }).click();
  const all = page.getByRole('region', { name: 'All values of Event name' });
  const values = all.locator('.facet-value');
  await expect(values.filter({ has: page.locator('.facet-new') }).first()).toBeVisible();
  await expect(values.filter({ hasNot: page.locator('.facet-new') }).first()).toBeVisible();
  await all.getByRole('textbox', { name: 'Filter Event name values' }).fill('describedbinstances');
  await expect(values).toHaveCount(1);
  await expect(values.locator('.facet-label')).toHaveText('DescribeDBInstances');
  await expect(values.locator('.facet-new')).toHaveText('new');
  expectClean(watch);
});

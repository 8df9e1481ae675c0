import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, openHeaderAction, waitForIdle } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

const records = [...fixtureRecords().values()];
const countOf = (test: (r: Record<string, unknown>) => boolean) => records.filter(test).length;

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

async function apply(page: Page, q: string): Promise<number> {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(q);
  return matchCount(page);
}

test('recent queries come back after a reload, most recent first; picking one applies it', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);
  const queries = ['eventName:Decrypt', 'readOnly:false', 'eventSource:s3.amazonaws.com'];
  for (const q of queries) await apply(page, q);
  await apply(page, 'eventName:Decrypt');
  await page.reload();
  await waitForIdle(page);

  const input = page.getByTestId('query-input');
  await input.focus();
  const list = page.getByRole('listbox', { name: 'Recent queries' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('option')).toHaveText([
    'eventName:Decrypt',
    'eventSource:s3.amazonaws.com',
    'readOnly:false',
  ]);
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveText(
    'eventSource:s3.amazonaws.com',
  );
  await input.press('Enter');
  await expect(list).toBeHidden();
  await expect(input).toHaveValue('eventSource:s3.amazonaws.com');
  await expect
    .poll(() => matchCount(page))
    .toBe(countOf((r) => r['eventSource'] === 's3.amazonaws.com'));
  expectClean(watch);
});

test('value counts in the suggestions are under the current filter, and say so', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);
  const base = 'readOnly:false';
  const matching = await apply(page, base);
  expect(matching).toBeLessThan(records.length);
  const input = page.getByTestId('query-input');
  await input.press('End');
  await input.pressSequentially(' eventName:');
  const suggestions = page.getByTestId('query-suggestions');
  await expect(suggestions).toContainText(
    `Counts in the ${matching.toLocaleString('en-US')} events matching the rest of the query`,
  );
  const first = suggestions.getByRole('option').first();
  const [name, shown] = await first.locator('span').allInnerTexts();
  expect(Number(shown?.replace(/,/g, ''))).toBe(
    countOf((r) => r['readOnly'] === false && r['eventName'] === name),
  );
  expectClean(watch);
});

test('a saved query is kept with the case, saved:<name> matches what it matches, and it travels in the bundle', async ({
  page,
}) => {
  test.slow();
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);
  const q = 'eventSource:s3.amazonaws.com readOnly:true';
  const expected = await apply(page, q);
  expect(expected).toBe(
    countOf((r) => r['eventSource'] === 's3.amazonaws.com' && r['readOnly'] === true),
  );

  await page.getByRole('button', { name: 'Save query…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved queries' });
  await expect(dialog.getByTestId('saved-query-current')).toHaveText(q);
  await dialog.getByTestId('saved-query-name').fill('S3 reads');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('saved:"S3 reads"');
  await expect(dialog.getByTestId('saved-query')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close saved queries' }).click();

  await apply(page, '');
  expect(await apply(page, 'saved:"S3 reads"')).toBe(expected);
  // An unknown name is an error under the box, like a syntax error; nothing is applied.
  const input = page.getByTestId('query-input');
  await input.fill('saved:nothing');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toContainText('No saved query named "nothing"');
  expect(await matchCount(page)).toBe(expected);
  await input.press('Escape');

  // Export the case bundle, import it as a new case: the saved query is there, and works.
  await openHeaderAction(page, 'Case bundle');
  const bundle = page.getByRole('dialog', { name: 'Case bundle' });
  await bundle.getByRole('textbox', { name: 'Case name' }).fill('Saved queries case');
  const download = page.waitForEvent('download');
  await bundle.getByRole('button', { name: 'Export case bundle' }).click();
  const saved = await (await download).path();
  await bundle.getByRole('button', { name: 'Close case bundle' }).click();
  await page.getByTestId('case-switcher').click();
  const cases = page.getByTestId('cases-dialog');
  await cases.getByTestId('case-bundle-input').setInputFiles(saved);
  await expect(cases.getByRole('status').filter({ hasText: 'Opened as a new case' })).toBeVisible();
  await expect(cases.getByTestId('bundle-outcome')).toContainText('1 saved query (1 added)');
  await cases.getByRole('button', { name: 'Close cases' }).click();
  await waitForIdle(page);
  await expect(page.getByTestId('case-switcher')).toContainText('Saved queries case');
  await page.getByRole('button', { name: 'Save query…' }).click();
  await expect(dialog.getByTestId('saved-query')).toHaveCount(1);
  await expect(dialog.getByTestId('saved-query')).toContainText('S3 reads');
  await expect(dialog.getByTestId('saved-query')).toContainText(q);
  await dialog.getByRole('button', { name: 'Close saved queries' }).click();
  expect(await apply(page, 'saved:"s3 reads"')).toBe(expected);
  expectClean(watch);
});

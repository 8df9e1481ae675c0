import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

const records = [...fixtureRecords().values()];

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

// Issue 15, bug 2: the box and the applied filter must never disagree. Escape closes the
// suggestions first, then undoes the unapplied edit; the native `type=search` clear never happens.
test('Escape closes the suggestions, then restores the applied query; the count never moves', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);
  const applied = 'eventName:Decrypt';
  const expected = records.filter((r) => r['eventName'] === 'Decrypt').length;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(records.length);

  const input = page.getByTestId('query-input');
  const list = page.getByRole('listbox');
  await input.fill(applied);
  await input.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  await expect.poll(() => matchCount(page)).toBe(expected);

  // Unapplied typing opens the field-name suggestions.
  await input.press('End');
  await input.pressSequentially(' eventS');
  const typed = `${applied} eventS`;
  await expect(list).toBeVisible();
  await expect(input).toHaveValue(typed);

  // First Escape: suggestions close, the text stays.
  await input.press('Escape');
  await expect(list).toBeHidden();
  await expect(input).toHaveValue(typed);
  expect(await matchCount(page)).toBe(expected);

  // Second Escape: the edit is undone, the box shows what is applied.
  await input.press('Escape');
  await expect(input).toHaveValue(applied);
  await expect(list).toBeHidden();
  expect(await matchCount(page)).toBe(expected);

  // A further Escape with nothing to close or undo leaves the applied query in the box.
  await input.press('Escape');
  await expect(input).toHaveValue(applied);
  await expect(input).toBeFocused();
  expect(await matchCount(page)).toBe(expected);

  // The field's own clear button (×, at its right end) empties the box: the filter goes with it.
  const box = await input.boundingBox();
  if (box === null) throw new Error('no query input');
  await page.mouse.click(box.x + box.width - 17, box.y + box.height / 2);
  await expect(input).toHaveValue('');
  await expect.poll(() => matchCount(page)).toBe(records.length);
  expectClean(watch);
});

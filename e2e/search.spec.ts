import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  dropFolder,
  eventCount,
  expectClean,
  openApp,
  openHeaderAction,
  waitForIdle,
} from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

// The oracle: the fixture's records read with node:zlib and filtered in plain JavaScript.
const records = [...fixtureRecords().values()];
const get = (r: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) =>
        v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined,
      r,
    );
const count = (pred: (r: Record<string, unknown>) => boolean) => records.filter(pred).length;

/** Applies `q` in the query bar and returns the match count once the search is complete. */
async function search(page: Page, q: string): Promise<number> {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  return matchCount(page);
}

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

test.describe('search', () => {
  test('lookup, combined and free-text counts equal the raw files', async ({ page }) => {
    const watch = await openApp(page);
    await dropFolder(page, AWSLOGS, records.length);

    const lookup = count((r) => r['eventName'] === 'Decrypt');
    expect(lookup).toBeGreaterThan(0);
    await expect.poll(() => search(page, 'eventName:Decrypt')).toBe(lookup);

    const combined = count(
      (r) =>
        String(r['eventSource']).startsWith('iam.') &&
        r['errorCode'] === undefined &&
        !/^10\./.test(String(r['sourceIPAddress'])),
    );
    await expect
      .poll(() => search(page, 'eventSource:iam.* -errorCode:* -sourceIPAddress:10.0.0.0/8'))
      .toBe(combined);

    // Free text matches whole words (letters and digits not continuing on either side).
    const text = count((r) =>
      /(?<![a-z0-9])throttlingexception(?![a-z0-9])/i.test(JSON.stringify(r)),
    );
    expect(text).toBeGreaterThan(0);
    await expect.poll(() => search(page, 'throttlingexception')).toBe(text);

    // `/` from the table jumps to the query bar.
    await page.getByRole('grid', { name: 'Events' }).focus();
    await page.keyboard.press('/');
    await expect(page.getByTestId('query-input')).toBeFocused();

    // A syntax error is shown with its position and applies nothing.
    const input = page.getByTestId('query-input');
    await input.fill('eventName:');
    await input.press('Enter');
    await expect(page.getByRole('alert')).toContainText('eventName');
    expect(await matchCount(page)).toBe(text);
    expectClean(watch);
  });

  test('a q link restores the view; Back returns to the previous one', async ({ page }) => {
    const watch = await openApp(page);
    await dropFolder(page, AWSLOGS, records.length);
    const q = 'eventSource:kms.amazonaws.com userIdentity.type:IAMUser';
    const expected = count(
      (r) => r['eventSource'] === 'kms.amazonaws.com' && get(r, 'userIdentity.type') === 'IAMUser',
    );
    await page.goto(`./?q=${encodeURIComponent(q)}&order=asc&cols=eventTime,eventName,awsRegion`);
    await waitForIdle(page);
    await expect(page.getByTestId('query-input')).toHaveValue(q);
    await expect.poll(() => matchCount(page)).toBe(expected);
    // The link's columns and sort: oldest matching event first.
    await expect(page.getByRole('columnheader', { name: 'AWS region' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'User name' })).toHaveCount(0);
    const oldest = records
      .filter(
        (r) =>
          r['eventSource'] === 'kms.amazonaws.com' && get(r, 'userIdentity.type') === 'IAMUser',
      )
      .map((r) => String(r['eventTime']))
      .sort()[0];
    await expect(page.locator('.event-table-tr[data-position="0"]')).toContainText(
      (oldest ?? '').replace('T', ' ').replace('Z', ''),
    );

    await search(page, 'eventName:Decrypt');
    await page.goBack();
    await expect(page.getByTestId('query-input')).toHaveValue(q);
    // A link with a broken query says so at once.
    await page.goto(`./?q=${encodeURIComponent('eventName:')}`);
    await waitForIdle(page);
    await expect(page.getByRole('alert')).toContainText('Missing value after "eventName:"');
    await page.goBack();
    await expect(page.getByTestId('query-input')).toHaveValue(q);
    await expect.poll(() => matchCount(page)).toBe(expected);
    expectClean(watch);
  });

  test('brushing the histogram narrows the time range', async ({ page }) => {
    const watch = await openApp(page);
    await dropFolder(page, AWSLOGS, records.length);
    const over = page.locator('[data-testid="timeline"] .u-over');
    const box = await over.boundingBox();
    if (box === null) throw new Error('timeline not drawn');
    // The fixture's events sit in two clusters at the ends of the axis: brush the right-hand end.
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/range=custom/);
    const url = new URL(page.url());
    const from = Date.parse(url.searchParams.get('from') ?? '');
    const to = Date.parse(url.searchParams.get('to') ?? '');
    expect(to).toBeGreaterThan(from);
    const expected = count((r) => {
      const t = Date.parse(String(r['eventTime']));
      return t >= from && t < to;
    });
    expect(expected).toBeLessThan(records.length);
    await expect.poll(() => matchCount(page)).toBe(expected);
    expectClean(watch);
  });

  test('"Same access key" lists exactly the events signed with that key', async ({ page }) => {
    const watch = await openApp(page);
    await dropFolder(page, AWSLOGS, records.length);
    // A temporary key with a handful of events, so every row is on screen.
    const byKey = new Map<string, string[]>();
    for (const r of records) {
      const key = get(r, 'userIdentity.accessKeyId');
      if (typeof key === 'string')
        byKey.set(key, [...(byKey.get(key) ?? []), String(r['eventID'])]);
    }
    const [key, ids] = [...byKey].find(([, v]) => v.length >= 3 && v.length <= 12) ?? ['', []];
    expect(key).not.toBe('');

    await openHeaderAction(page, 'Columns');
    await page.getByRole('checkbox', { name: 'Event ID' }).check();
    await page.keyboard.press('Escape');
    await search(page, `eventID:${ids[0] ?? ''}`);
    await page.locator('.event-table-tr[data-position="0"]').click();
    await page.locator('[data-pivot="Same access key"]').click();
    await expect(page.getByTestId('query-input')).toHaveValue(`accessKeyId:${key}`);
    await expect.poll(() => matchCount(page)).toBe(ids.length);
    const shown = await page.locator('.event-table-tr .col-eventID .cell-text').allTextContents();
    expect(shown.sort()).toEqual([...ids].sort());
    expectClean(watch);
  });

  test('an exported JSON file re-imports to the same count', async ({ page, browser }) => {
    const watch = await openApp(page);
    await dropFolder(page, AWSLOGS, records.length);
    const expected = count((r) => r['eventSource'] === 'iam.amazonaws.com');
    await expect.poll(() => search(page, 'eventSource:iam.amazonaws.com')).toBe(expected);
    const download = page.waitForEvent('download');
    await page.locator('[data-export="json"]').click();
    const file = await (await download).path();
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { Records: unknown[] };
    expect(parsed.Records).toHaveLength(expected);

    const context = await browser.newContext();
    const fresh = await context.newPage();
    const freshWatch = await openApp(fresh);
    await fresh.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles(file);
    await expect(fresh.getByTestId('event-count')).toHaveAttribute('data-count', String(expected));
    await waitForIdle(fresh);
    expect(await eventCount(fresh)).toBe(expected);
    expectClean(freshWatch);
    await context.close();
    expectClean(watch);
  });
});

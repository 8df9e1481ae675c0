import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';

// Issue 17 §1: the situation report over the invictus-aws sample is the first screen after an
// ingest; a top identity opens its profile, and each count filters the table to exactly that many.
const SAMPLES = 'test/fixtures/samples/invictus-aws';
const SAMPLE_EVENTS = 2900;
const SHOTS = process.env['CAIRN_SHOTS'];

const report = (page: Page) => page.getByTestId('situation-report');

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

test('the report is the first screen after an ingest; its numbers filter the table to exactly that many events', async ({
  page,
}) => {
  const watch = await openApp(page, './', { firstScreen: true });
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  await expect(report(page)).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('report');
  await expect(page.getByTestId('view-tab-report')).toHaveAttribute('aria-selected', 'true');
  await expect(report(page).getByTestId('report-identities')).toBeVisible();
  await expect(report(page).getByTestId('report-logins')).toBeVisible();

  if (SHOTS !== undefined) {
    await page.screenshot({ path: `${SHOTS}/report-1280.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/report-1920.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Counts in several panels: an identity, an IP, an error code, a login outcome, a sensitive call.
  for (const panel of ['identities', 'ips', 'errors', 'logins', 'sensitive']) {
    const link = report(page)
      .getByTestId(`report-panel-${panel}`)
      .locator('[data-testid=report-count]:not([data-count="0"])')
      .first();
    const count = Number(await link.getAttribute('data-count'));
    const q = (await link.getAttribute('data-q')) ?? '';
    expect(count, panel).toBeGreaterThan(0);
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(q);
    await expect(page.getByTestId('view-tab-events')).toHaveAttribute('aria-selected', 'true');
    // The count of the new query, once its search answers (the old one's may still show).
    await expect.poll(() => matchCount(page), { message: `${panel}: ${q}` }).toBe(count);
    await page.getByTestId('view-tab-report').click();
    await expect(report(page)).toBeVisible();
    // Back to the whole case for the next panel.
    await page.goto('./?view=report');
    await expect(report(page).getByTestId('report-identities')).toBeVisible();
  }

  const identity = report(page)
    .getByTestId('report-identities')
    .getByTestId('report-identity')
    .first();
  const value = (await identity.getAttribute('data-identity')) ?? '';
  expect(value).toBe('arn:aws:iam::123837392027:user/bert-jan');
  await identity.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('identity');
  expect(new URL(page.url()).searchParams.get('identity')).toBe(value);
  expectClean(watch);
});

test('the toggle lists AWS services; a URL with a query keeps the event table after a drop', async ({
  page,
}) => {
  const watch = await openApp(page, './?q=eventName:ConsoleLogin');
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  await expect(page.getByTestId('view-tab-events')).toHaveAttribute('aria-selected', 'true');
  expect(await matchCount(page)).toBe(2);
  await page.getByTestId('view-tab-report').click();
  const ips = report(page).getByTestId('report-ips');
  await expect(ips).toBeVisible();
  // Console logins come from people: no AWS service is left out of this filter's IPs.
  await expect(
    report(page).getByTestId('report-panel-ips').getByTestId('report-excluded'),
  ).toHaveCount(0);
  await page.goto('./?view=report');
  await expect(
    report(page).getByTestId('report-panel-ips').getByTestId('report-excluded'),
  ).toBeVisible();
  await report(page).getByTestId('report-include-services').check();
  await expect(
    report(page).getByTestId('report-panel-ips').getByTestId('report-excluded'),
  ).toHaveCount(0);
  await expect(ips.getByText('AWS Internal')).toBeVisible();
  expectClean(watch);
});

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, waitForIdle } from './helpers/app';

// Issue 17 §2: identity profiles over the invictus-aws sample (the IAM user bert-jan ran Stratus
// Red Team techniques).
const SAMPLES = 'test/fixtures/samples/invictus-aws';
const SAMPLE_EVENTS = 2900;
const ATTACKER = 'arn:aws:iam::123837392027:user/bert-jan';
const SHOTS = process.env['CAIRN_SHOTS'];

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

async function apply(page: Page, q: string): Promise<void> {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(q);
}

const profiles = (page: Page) => page.getByTestId('identity-profile');

test('a profile opens from the detail pane, each count opens exactly its events, and two compare side by side', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  await apply(page, `userIdentity.arn:"${ATTACKER}" eventName:AssumeRole`);
  await page.locator('.event-table-tr[data-position="0"]').click();
  await page.getByTestId('summary-principal-arn').getByTestId('open-profile').click();

  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('identity');
  await expect(profiles(page)).toHaveCount(1);
  const profile = profiles(page).first();
  await expect(profile).toHaveAttribute('data-identity', ATTACKER);
  await expect(profile.getByTestId('profile-services')).toBeVisible();
  await waitForIdle(page);

  // Counts of several panels, each followed to the table: the match count is the number shown.
  for (const panel of [
    'profile-services',
    'profile-ips',
    'profile-related',
    'profile-persistence',
  ]) {
    const link = profile.getByTestId(panel).getByTestId('profile-count').first();
    const count = Number(await link.getAttribute('data-count'));
    const q = (await link.getAttribute('data-q')) ?? '';
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
    await expect.poll(() => matchCount(page)).toBe(count);
    await page.goBack();
    await expect(profiles(page)).toHaveCount(1);
  }

  if (SHOTS !== undefined) {
    await page.screenshot({ path: `${SHOTS}/identity-1280.png` });
    for (const panel of [
      'profile-ips',
      'profile-sessions',
      'profile-related',
      'profile-persistence',
    ]) {
      await profile.getByTestId(panel).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SHOTS}/identity-1280-${panel}.png` });
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/identity-1920.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  await page.getByTestId('compare-with').click();
  const other = page.getByTestId('identity-picker').getByTestId('top-identity').nth(1);
  const otherIdentity = (await other.getAttribute('data-identity')) ?? '';
  expect(otherIdentity).not.toBe(ATTACKER);
  await other.getByRole('button').first().click();
  await expect(profiles(page)).toHaveCount(2);
  await expect(profiles(page).nth(1)).toHaveAttribute('data-identity', otherIdentity);
  expect(new URL(page.url()).searchParams.getAll('identity').join(',')).toContain(ATTACKER);
  await expect(profiles(page).nth(1).getByTestId('profile-services')).toBeVisible();
  if (SHOTS !== undefined) {
    await page.screenshot({ path: `${SHOTS}/compare-1280.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/compare-1920.png` });
  }
  expectClean(watch);
});

test('the Identities tab lists the top identities, AWS services only on request', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  await page.getByTestId('view-tab-identity').click();
  const top = page.getByTestId('top-identity');
  await expect(top.first()).toHaveAttribute('data-identity', ATTACKER);
  await expect(page.locator('[data-testid=top-identity][data-type=AWSService]')).toHaveCount(0);
  await page.getByLabel('Include AWS service principals').check();
  await expect(
    page.locator('[data-testid=top-identity][data-type=AWSService]').first(),
  ).toBeVisible();
  await page.getByLabel('Include AWS service principals').uncheck();
  await expect(page.locator('[data-testid=top-identity][data-type=AWSService]')).toHaveCount(0);
  const link = top.first().getByTestId('profile-count');
  const count = Number(await link.getAttribute('data-count'));
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/picker-1280.png` });
  await link.click();
  await expect.poll(() => matchCount(page)).toBe(count);
  expectClean(watch);
});

test('the baseline for "new" is in the URL: a link keeps it, typing one updates it, a reload keeps it', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  const profileUrl = `./?view=identity&identity=${encodeURIComponent(ATTACKER)}`;
  await page.goto(`${profileUrl}&baseline=2023-07-10T12:20:30.000Z`);
  await waitForIdle(page);
  await expect(profiles(page)).toHaveCount(1);
  const input = page.getByTestId('identity-baseline');
  await expect(input).toHaveValue('2023-07-10T12:20:30');
  const newIps = () => profiles(page).getByTestId('profile-ips').locator('td .profile-new').count();
  await expect.poll(newIps).toBeGreaterThan(0);
  const atNoon = await newIps();

  // A baseline after every event of the sample: nothing is first used from then on.
  await input.fill('2023-07-10T23:00:30');
  await expect
    .poll(() => new URL(page.url()).searchParams.get('baseline'))
    .toBe('2023-07-10T23:00:30.000Z');
  await expect.poll(newIps).toBe(0);
  await page.reload();
  await waitForIdle(page);
  await expect(page.getByTestId('identity-baseline')).toHaveValue('2023-07-10T23:00:30');
  await expect.poll(newIps).toBe(0);
  expect(atNoon).toBeGreaterThan(0);
  expectClean(watch);
});

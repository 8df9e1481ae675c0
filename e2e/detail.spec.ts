import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { expectClean, openApp, waitForIdle } from './helpers/app';

// The detail pane tells the story first (issue 15): real invictus-aws records, read as a responder.
const INVICTUS = 'test/fixtures/samples/invictus-aws';
const CONSOLE_LOGIN = '8feee4c2-5e27-4857-8475-bfa7e7b6d791';
const ASSUME_ROLE = '2e59bbc2-ff35-43a5-835a-ba9239af22b1';
const CREATE_KEY = '8c282c0b-00d1-4369-95b7-cb50b6eee620';
const UNAUTHORIZED = 'f4574dc5-9747-435c-bb53-22f2454be3b7';

async function loadInvictus(page: Page): Promise<void> {
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(INVICTUS);
  await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0', {
    timeout: 60_000,
  });
  await waitForIdle(page);
}

async function apply(page: Page, q: string): Promise<void> {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
}

async function openEvent(page: Page, eventID: string): Promise<Locator> {
  await apply(page, `eventID:${eventID}`);
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '1');
  await page.locator('.event-table-tr[data-position="0"]').click();
  await expect(page.getByTestId('summary-event-id')).toContainText(eventID);
  return page.getByRole('complementary', { name: 'Event detail' });
}

async function top(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.y ?? Number.NaN;
}

test('the summary opens with the outcome of a ConsoleLogin, an AssumeRole, a CreateAccessKey and an error', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const watch = await openApp(page);
  await loadInvictus(page);

  let pane = await openEvent(page, CONSOLE_LOGIN);
  const login = pane.getByTestId('login-outcome');
  await expect(login.getByTestId('outcome-console-login')).toHaveText('Success');
  await expect(login.getByTestId('outcome-mfa-used')).toHaveText('Yes');
  await expect(login.getByTestId('outcome-logged-in-to')).toContainText(
    'https://us-east-1.console.aws.amazon.com/vpc/home',
  );
  // The outcome comes before the annotations, which come before the facts.
  const notes = pane.getByRole('region', { name: 'Your annotations' });
  expect(await top(login)).toBeLessThan(await top(notes));
  expect(await top(notes)).toBeLessThan(await top(pane.getByTestId('summary-event-time')));

  pane = await openEvent(page, ASSUME_ROLE);
  const issued = pane.getByTestId('credentials-outcome');
  await expect(issued.getByTestId('outcome-role')).toHaveText(
    'arn:aws:iam::123837392027:role/stratus-red-team-ec2-enumerate-role',
  );
  await expect(issued.getByTestId('outcome-session-name')).toContainText('i-05c30218156bcc246');
  await expect(issued.getByTestId('outcome-issued-key')).toContainText('ASIATFQR7NSCWFKWOWVD');
  await expect(issued.getByTestId('outcome-expires')).toContainText('Jul 10, 2023, 6:38:25 PM');

  pane = await openEvent(page, CREATE_KEY);
  const created = pane.getByTestId('new-key-outcome');
  await expect(created.getByTestId('outcome-new-access-key')).toContainText('AKIATFQR7NSCQLA2F4OD');
  await expect(created.getByTestId('outcome-for-user')).toHaveText('malicious-iam-user');
  await expect(created.getByTestId('outcome-status')).toHaveText('Active');
  await expect(pane.locator('[data-pivot="Follow the new key"]')).toBeVisible();

  pane = await openEvent(page, UNAUTHORIZED);
  const code = pane.getByTestId('outcome-error-code');
  await expect(code).toHaveText('Client.UnauthorizedOperation');
  const message = pane.getByTestId('outcome-error-message');
  // The readable words show; the encoded blob waits behind "show".
  await expect(message).toContainText('You are not authorized to perform this operation.');
  const shortText = (await message.innerText()).length;
  expect(shortText).toBeLessThan(200);
  await message.getByRole('button', { name: /^show/ }).click();
  expect((await message.innerText()).length).toBeGreaterThan(600);
  // The error is the first thing in the pane body, above the who/what/when.
  expect(await top(code)).toBeLessThan(await top(pane.getByTestId('summary-event-time')));
  await page.screenshot({ path: 'test-results/screens/detail-error-1280x720.png' });
  expectClean(watch);
});

// The real CreateAccessKey, then hand-made calls: two signed with the new key after it, one signed
// with it before (a clock-skewed or forged record: not "later"), one with another key.
function keyFiles(): { name: string; mimeType: string; buffer: Buffer }[] {
  const raw = readFileSync(
    `${INVICTUS}/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T1230Z_ZtUNbBkwAu98FPZb.json.gz`,
  );
  const parsed: unknown = JSON.parse(gunzipSync(raw).toString());
  const records =
    parsed !== null && typeof parsed === 'object' && 'Records' in parsed ? parsed.Records : [];
  const create = (Array.isArray(records) ? records : []).find(
    (r: unknown) =>
      r !== null && typeof r === 'object' && 'eventID' in r && r.eventID === CREATE_KEY,
  );
  const use = (id: string, time: string, key: string) => ({
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: 'arn:aws:iam::123837392027:user/malicious-iam-user',
      accountId: '123837392027',
      accessKeyId: key,
      userName: 'malicious-iam-user',
    },
    eventTime: time,
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.13.0',
    requestParameters: null,
    responseElements: null,
    requestID: `req-${id}`,
    eventID: `0000000${id}-0000-4000-8000-000000000000`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '123837392027',
    eventCategory: 'Management',
  });
  const body = {
    Records: [
      create,
      use('1', '2023-07-10T12:20:00Z', 'AKIATFQR7NSCQLA2F4OD'),
      use('2', '2023-07-10T12:30:00Z', 'AKIATFQR7NSCQLA2F4OD'),
      use('3', '2023-07-10T12:40:00Z', 'AKIATFQR7NSCQLA2F4OD'),
      use('4', '2023-07-10T12:35:00Z', 'AKIAOTHERKEY0000000'),
    ],
  };
  return [
    {
      name: '123837392027_CloudTrail_us-east-1_20230710T1230Z_followkey.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(body)),
    },
  ];
}

test('"Follow the new key" finds every later event signed with the key CreateAccessKey issued', async ({
  page,
}) => {
  const watch = await openApp(page);
  await page.locator('input[type=file][multiple]:not([webkitdirectory])').setInputFiles(keyFiles());
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', '5', {
    timeout: 60_000,
  });
  await waitForIdle(page);
  const pane = await openEvent(page, CREATE_KEY);
  const follow = pane.locator('[data-pivot="Follow the new key"]');
  await expect(follow).toContainText('2 later events');
  await follow.click();
  await expect(page.getByTestId('query-input')).toHaveValue('accessKeyId:AKIATFQR7NSCQLA2F4OD');
  const count = page.getByTestId('match-count');
  await expect(count).toHaveAttribute('data-complete', 'true');
  await expect(count).toHaveAttribute('data-count', '2');
  const url = new URL(page.url());
  expect(url.searchParams.get('range')).toBe('custom');
  expect(new Date(url.searchParams.get('from') ?? '').toISOString()).toBe(
    '2023-07-10T12:24:50.000Z',
  );
  expectClean(watch);
});

test('selecting another event scrolls the pane back to the top', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const watch = await openApp(page);
  await loadInvictus(page);
  const pane = page.getByRole('complementary', { name: 'Event detail' });
  const first = page.locator('.event-table-tr[data-position="0"]');
  const second = page.locator('.event-table-tr[data-position="1"]');
  // Both details are read once, so going back shows the cached one at once (no loading state that
  // would empty the pane and reset its scroll by accident).
  await second.click();
  await expect(page.getByTestId('summary-event-id')).toBeVisible();
  await first.click();
  await expect(page.getByTestId('summary-event-id')).toBeVisible();
  for (const row of [second, first]) {
    await pane.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    expect(await pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBe(0);
  }
  expectClean(watch);
});

test('the JSON tree actions never cover the value being read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const watch = await openApp(page);
  await loadInvictus(page);
  const pane = await openEvent(page, ASSUME_ROLE);
  await pane.getByRole('button', { name: 'Expand all' }).click();
  const rows = pane.locator('.json-row');
  const n = await rows.count();
  expect(n).toBeGreaterThan(20);
  let checked = 0;
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const value = row.locator('.json-string, .json-number, .json-boolean, .json-null').first();
    if ((await value.count()) === 0) continue;
    await row.scrollIntoViewIfNeeded();
    await row.hover();
    const actions = row.locator('.json-actions');
    await expect(actions).toHaveCSS('opacity', '1');
    const a = await actions.boundingBox();
    // Every line box of the value (it may wrap), not only its outer box.
    const boxes = await value.evaluate((el) =>
      [...el.getClientRects()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
    );
    expect(a).not.toBeNull();
    if (a === null) continue;
    for (const b of boxes) {
      const overlap =
        b.x < a.x + a.width && a.x < b.x + b.w && b.y < a.y + a.height && a.y < b.y + b.h;
      expect(overlap, `row ${String(i)}: actions over the value`).toBe(false);
    }
    checked++;
  }
  expect(checked).toBeGreaterThan(10);
  expectClean(watch);
});

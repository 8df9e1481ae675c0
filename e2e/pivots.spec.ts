import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { applyQuery, dropFolder, expectClean, openApp } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

const records = [...fixtureRecords().values()];
const get = (r: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) =>
        v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined,
      r,
    );

const apply = applyQuery;

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

test('"Filter by this value" on a JSON leaf adds its path to the query', async ({ page }) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);
  const withBucket = records.find(
    (r) => typeof get(r, 'requestParameters.bucketName') === 'string',
  );
  const bucket = String(get(withBucket ?? {}, 'requestParameters.bucketName'));
  await apply(page, `eventID:${String(withBucket?.['eventID'])}`);
  await page.locator('.event-table-tr[data-position="0"]').click();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('button', { name: 'Filter by requestParameters.bucketName' }).click();
  await expect(page.getByTestId('query-input')).toHaveValue(
    new RegExp(
      `requestParameters\\.bucketName:"?${bucket.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?$`,
    ),
  );
  // The eventID clause stays: the new clause narrows (AND).
  expect(await matchCount(page)).toBe(1);
  await apply(page, `requestParameters.bucketName:${bucket}`);
  await expect
    .poll(() => matchCount(page))
    .toBe(
      records.filter(
        (r) =>
          String(get(r, 'requestParameters.bucketName')).toLowerCase() === bucket.toLowerCase(),
      ).length,
    );
  expectClean(watch);
});

test('the credential chain leads from a temporary key to the AssumeRole that issued it', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);
  const issuers = new Map(
    records.flatMap((r) => {
      const k = get(r, 'responseElements.credentials.accessKeyId');
      return typeof k === 'string' ? [[k, r] as const] : [];
    }),
  );
  const signed = records.find((r) => issuers.has(String(get(r, 'userIdentity.accessKeyId'))));
  const key = String(get(signed ?? {}, 'userIdentity.accessKeyId'));
  const issuer = issuers.get(key) ?? {};
  await apply(page, `eventID:${String(signed?.['eventID'])}`);
  await page.locator('.event-table-tr[data-position="0"]').click();
  const chain = page.getByRole('region', { name: 'Credential chain' });
  await expect(chain).toContainText(key);
  await expect(chain).toContainText('issued by AssumeRole');
  await expect(chain).toContainText(String(get(issuer, 'requestParameters.roleArn')));
  await chain.getByRole('button', { name: 'Show' }).first().click();
  await expect(page.getByTestId('query-input')).toHaveValue(`eventID:${String(issuer['eventID'])}`);
  expect(await matchCount(page)).toBe(1);
  // From the AssumeRole: every event signed with the key it issued.
  await page.locator('.event-table-tr[data-position="0"]').click();
  await page.locator('[data-pivot="Signed with issued key"]').click();
  await expect
    .poll(() => matchCount(page))
    .toBe(records.filter((r) => get(r, 'userIdentity.accessKeyId') === key).length);
  expectClean(watch);
});

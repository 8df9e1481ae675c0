import { expect, test } from '@playwright/test';
import { dropFolder, expectClean, openApp, waitForIdle } from './helpers/app';

const SAMPLES = 'test/fixtures/samples/invictus-aws';
const EVENTS = 2900;

test('?q=…&sql=duckdb opens the SQL dialog on DuckDB with the view as SQL, and Copy copies it', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, EVENTS);
  await page.goto('./?view=events&q=eventName%3AAssumeRole&sql=duckdb');
  await waitForIdle(page);

  const dialog = page.getByTestId('sql-dialog');
  await expect(dialog).toBeVisible();
  const duckdb = page.locator('[data-testid="view-sql"][data-dialect="duckdb"]');
  await expect(duckdb).toContainText("= 'assumerole'");
  // The files default to the dropped log files' common folder, as Cairn names their paths.
  const source = await page.getByTestId('sql-source').inputValue();
  expect(source).toMatch(/^invictus-aws\/CloudTrail\/\*\*\/\*/);
  const text = (await duckdb.textContent()) ?? '';
  expect(text).toContain(`read_json('${source}'`);
  expect(text.trimEnd().endsWith(';')).toBe(false);
  expect(text).not.toMatch(/\bLIMIT\b/);

  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // Another dialect is another URL; closing the dialog takes the parameter away.
  await dialog.getByRole('tab', { name: 'Athena' }).click();
  await expect(page).toHaveURL(/[?&]sql=athena/);
  await expect(page.locator('[data-testid="view-sql"][data-dialect="athena"]')).toContainText(
    'FROM "cloudtrail_logs"',
  );
  // Athena's table for the bucket: AWS's columns, projected over the dropped files' layout.
  await dialog.getByText('The table for the bucket').click();
  const ddl = page.getByTestId('athena-ddl');
  await expect(ddl).toContainText(
    'PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)',
  );
  await expect(ddl).toContainText(/'projection\.account\.values'='\d{12}'/);
  await page.getByTestId('athena-bucket').fill('s3://my-trail-bucket');
  await expect(ddl).toContainText("LOCATION 's3://my-trail-bucket/AWSLogs/'");

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]sql=/);
  expectClean(watch);
});

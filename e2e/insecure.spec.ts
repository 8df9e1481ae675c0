import { expect, test } from '@playwright/test';

// A page served over plain http from a name other than localhost is not a secure context: the
// browser withholds crypto.subtle and service workers, and the app must say so instead of failing
// file by file. The app is served here under such a name by routing it to the local server.
test('over plain http from another host, the app says why it cannot work', async ({
  page,
  baseURL,
}) => {
  const local = baseURL ?? 'http://localhost:4174/';
  await page.route('http://cairn.test/**', async (route) => {
    const url = route.request().url().replace('http://cairn.test/', local);
    // A request still in flight when the test ends (the app keeps loading) must not fail the next test.
    const response = await route.fetch({ url }).catch(() => undefined);
    if (response === undefined) await route.abort().catch(() => undefined);
    else await route.fulfill({ response }).catch(() => undefined);
  });
  await page.goto('http://cairn.test/');
  await expect(page.getByTestId('insecure-context')).toContainText('Serve it over https');
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
});

test('on localhost, no such notice', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-ingest-state', 'idle');
  await expect(page.getByTestId('insecure-context')).toHaveCount(0);
});

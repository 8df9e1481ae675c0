import { expect, test } from '@playwright/test';
import { waitForIdle } from './helpers/app';

// A page on Cairn's own origin that frames it, as an attacker's page would (same origin is the
// worst case: nothing in the browser stands between the two). serve.js sends no frame-ancestors
// header, as GitHub Pages cannot, so only the app's own check stands in the way.
const FRAMER =
  '<!doctype html><title>framer</title><iframe src="./" width="900" height="600"></iframe>';

test('Cairn refuses to run inside a frame and offers its own tab', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route('**/framer.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: FRAMER }),
  );
  await page.goto('./framer.html');
  const frame = page.frameLocator('iframe');
  await expect(
    frame.getByRole('heading', { name: 'Cairn will not run inside a frame' }),
  ).toBeVisible();
  await expect(frame.getByRole('button')).toHaveCount(0);
  await expect(frame.getByTestId('event-count')).toHaveCount(0);
  await expect(frame.locator('html')).toHaveAttribute('data-ingest-state', 'busy');
  // Nothing of the app ran: no database, no service worker.
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
  ).toBe(0);

  const link = frame.getByRole('link', { name: 'Open Cairn in its own tab' });
  await expect(link).toHaveAttribute('target', '_blank');
  const [tab] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await waitForIdle(tab);
  await expect(tab.getByRole('button', { name: 'Load sample data' })).toBeVisible();
  expect(errors).toEqual([]);
});

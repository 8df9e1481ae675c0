import { expect, test } from '@playwright/test';
import { openApp, waitForIdle } from './helpers/app';

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`shots ${w}x${h} ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page);
      await page.locator('input[type=file][webkitdirectory]').setInputFiles('test/fixtures/samples/invictus-aws');
      await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0');
      await waitForIdle(page);
      await page.locator('.event-table-tr[data-position="2"]').click();
      await page.screenshot({ path: `/tmp/shots-columns/table-${w}-${scheme}.png` });
      await page.getByRole('button', { name: /^Event name/ }).click();
      await waitForIdle(page);
      await page.screenshot({ path: `/tmp/shots-columns/sorted-${w}-${scheme}.png` });
      await page.getByTestId('query-input').fill('eventName:NoSuchThing');
      await page.getByTestId('query-input').press('Enter');
      await expect(page.getByTestId('no-matches')).toBeVisible();
      await page.screenshot({ path: `/tmp/shots-columns/nomatch-${w}-${scheme}.png` });
    });
  }
}

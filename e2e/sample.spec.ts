import { expect, test } from '@playwright/test';
import { eventCount, expectClean, openApp, waitForIdle } from './helpers/app';
import { sampleEventCount } from './helpers/sampleFacts';

const SAMPLE_EVENTS = sampleEventCount();

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`Load sample data, then read an event (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const watch = await openApp(page);
    await expect(
      page.getByRole('heading', { name: 'Read CloudTrail logs in your browser' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await expect(page.getByTestId('event-count')).toHaveAttribute(
      'data-count',
      String(SAMPLE_EVENTS),
      { timeout: 60_000 },
    );
    await waitForIdle(page);
    expect(await eventCount(page)).toBe(SAMPLE_EVENTS);
    await page.locator('.event-table-tr[data-position="3"]').click();
    await expect(page.getByTestId('summary-event-id')).toBeVisible();
    await page.screenshot({
      path: `test-results/screens/sample-${viewport.width}x${viewport.height}.png`,
    });
    expectClean(watch);
  });
}

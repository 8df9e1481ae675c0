import { expect, test } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';

// "What this call means" (issue 16 §5): TrailDiscover's description of a real Stratus Red Team
// StopLogging detonation, credited, loaded only when the detail pane first needs it.
const STRATUS = 'test/fixtures/samples/stratus-red-team';

// The network as the page sees it: the service worker would answer from its precache.
test.use({ serviceWorkers: 'block' });

test('the detail pane says what StopLogging means, credits TrailDiscover, and keeps the facts in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const fetched: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(r.url());
    if (m?.[1] !== undefined) fetched.push(m[1]);
  });
  const watch = await openApp(page);
  await dropFolder(page, STRATUS, 310);
  expect(fetched).not.toContain('loadCallMeanings');

  const input = page.getByTestId('query-input');
  await input.fill('eventName:StopLogging');
  await input.press('Enter');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '1');
  await page.locator('.event-table-tr[data-position="0"]').click();
  const pane = page.getByRole('complementary', { name: 'Event detail' });
  const meaning = pane.getByTestId('call-meaning');
  await expect(meaning.getByTestId('call-meaning-description')).toHaveText(
    'Suspends the recording of AWS API calls and log file delivery for the specified trail.',
  );
  await expect(meaning).toContainText('Defense Evasion');
  expect(fetched).toContain('loadCallMeanings');
  const credit = meaning.getByRole('link', { name: 'From TrailDiscover (CC BY 4.0)' });
  await expect(credit).toHaveAttribute(
    'href',
    'https://traildiscover.cloud/#CloudTrail-StopLogging',
  );
  await expect(credit).toHaveAttribute('target', '_blank');
  await expect(credit).toHaveAttribute('rel', 'noopener noreferrer');

  // The section follows the facts: the event's own time is on the first screen.
  await expect(pane.getByTestId('summary-event-time')).toBeInViewport();
  await meaning.getByRole('button', { name: 'more' }).click();
  await expect(meaning.getByRole('button', { name: 'less' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(meaning).toContainText('T1562.008 Impair Defenses: Disable or Modify Cloud Logs');
  const incident = meaning.getByRole('link', {
    name: 'LUCR-3: SCATTERED SPIDER GETTING SAAS-Y IN THE CLOUD',
  });
  await expect(incident).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(incident).toHaveAttribute('target', '_blank');

  // Another event, another call: its own description replaces the last one.
  await input.fill('eventName:DeleteTrail');
  await input.press('Enter');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '1');
  await page.locator('.event-table-tr[data-position="0"]').click();
  await expect(meaning.getByTestId('call-meaning-description')).toHaveText('Deletes a trail.');
  await expect(
    meaning.getByRole('link', { name: 'From TrailDiscover (CC BY 4.0)' }),
  ).toHaveAttribute('href', 'https://traildiscover.cloud/#CloudTrail-DeleteTrail');
  expectClean(watch);
});

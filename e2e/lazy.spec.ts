import { expect, test } from '@playwright/test';
import { dropFolder, expectClean, openApp, openHeaderAction } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

// The network as the page sees it: the service worker would answer from its precache.
test.use({ serviceWorkers: 'block' });

test('views off the first screen load from their own chunks, only when opened', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(r.url());
    if (m?.[1] !== undefined) fetched.push(m[1]);
  });
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, fixtureRecords().size);
  const lazy = ['CoverageDialog', 'CompareDialog', 'CasesDialog', 'CaseBundleDialog'];
  expect(fetched.filter((name) => lazy.includes(name))).toEqual([]);

  await openHeaderAction(page, 'Coverage');
  await expect(page.getByTestId('coverage-dialog')).toBeVisible();
  expect(fetched).toContain('CoverageDialog');
  expect(fetched.filter((name) => name !== 'CoverageDialog' && lazy.includes(name))).toEqual([]);
  expectClean(watch);
});

test('a view whose chunk cannot load says so and closes; the rest of the app works', async ({
  page,
}) => {
  const watch = await openApp(page);
  await page.route(/\/assets\/HelpSheet-[\w-]+\.js$/, (route) => route.abort());
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const notice = page.getByTestId('view-load-error');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('This view could not be loaded');
  await notice.getByRole('button', { name: 'Close' }).click();
  await expect(notice).toHaveCount(0);

  await openHeaderAction(page, 'Accounts');
  await expect(page.getByRole('dialog', { name: 'Account names' })).toBeVisible();
  // The only errors are the refused chunk's, as the browser and React report it.
  expect(watch.errors.length).toBeGreaterThan(0);
  for (const error of watch.errors) {
    expect(error).toMatch(/HelpSheet|dynamically imported module|Failed to load resource/);
  }
  expect(watch.offOrigin).toEqual([]);
});

import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Page errors and off-origin requests seen during a test; both must stay empty. */
export interface Watch {
  readonly errors: string[];
  readonly offOrigin: string[];
}

/**
 * Opens the app, recording page errors and any request that leaves the page's origin. A path that
 * names no view gets `view=events`: after a first ingest the app shows the situation report unless
 * the URL it opened on names a view or a query, and most specs work on the event table.
 * `firstScreen` opens `path` as given (report.spec.ts checks that first screen).
 */
export async function openApp(
  page: Page,
  path = './',
  options: { readonly firstScreen?: boolean } = {},
): Promise<Watch> {
  const watch: Watch = { errors: [], offOrigin: [] };
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
    if (url.host !== new URL(page.url() === 'about:blank' ? r.url() : page.url()).host)
      watch.offOrigin.push(r.url());
  });
  const named = /[?&]view=/.test(path);
  const target =
    options.firstScreen === true || named
      ? path
      : `${path}${path.includes('?') ? '&' : '?'}view=events`;
  await page.goto(target);
  await waitForIdle(page);
  return watch;
}

/** Waits for the app's idle signal: dataset loaded and no ingest running. Never a sleep. */
export async function waitForIdle(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-ingest-state', 'idle', {
    timeout: 60_000,
  });
}

/** The event count the header shows, from its data attribute. */
export async function eventCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('event-count').getAttribute('data-count'));
}

/** Sets files or a folder on the hidden input and waits until the ingest has finished and the count is `expected`. */
export async function dropFolder(page: Page, dir: string, expected: number): Promise<void> {
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(dir);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(expected), {
    timeout: 60_000,
  });
  await waitForIdle(page);
}

/** Asserts nothing went wrong on the page. */
export function expectClean(watch: Watch): void {
  expect(watch.errors, 'page errors').toEqual([]);
  expect(watch.offOrigin, 'requests off the page origin').toEqual([]);
}

/**
 * Runs one of the header's less-used actions (Columns, Coverage, Accounts, Case bundle, Clear data,
 * Times in UTC…): they sit behind the "More" menu button, so the header stays one row.
 */
export async function openHeaderAction(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'More actions' }).click();
  const menu = page.getByRole('menu', { name: 'More actions' });
  await menu
    .getByRole('menuitem', { name, exact: true })
    .or(menu.getByRole('menuitemradio', { name, exact: true }))
    .click();
}

/**
 * Types `q` into the query bar, presses Enter, and waits until the match count answers it: its
 * search key starts with the query text (src/search/types.ts searchKey) and it is complete. A count
 * or a row read before that belongs to the previous query.
 */
export async function applyQuery(page: Page, q: string): Promise<void> {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
  const count = page.getByTestId('match-count');
  const start = JSON.stringify([q.trim()]).slice(0, -1);
  await expect
    .poll(async () => ((await count.getAttribute('data-key')) ?? '').startsWith(start))
    .toBe(true);
  await expect(count).toHaveAttribute('data-complete', 'true');
}

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  dropFolder,
  eventCount,
  expectClean,
  openApp,
  openHeaderAction,
  waitForIdle,
} from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';
import { sampleEventCount } from './helpers/sampleFacts';

// The oracle: the fixture's distinct records, read with node:zlib.
const records = [...fixtureRecords().values()];
const decrypts = records.filter((r) => r['eventName'] === 'Decrypt').length;
const SAMPLE_EVENTS = sampleEventCount();

/** Waits until the service worker is active, has precached everything, and controls the page. */
async function waitForServiceWorker(page: Page): Promise<string> {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  return scope;
}

/** The URLs the service worker precached, relative to its scope. */
async function precachedPaths(page: Page, scope: string): Promise<string[]> {
  const urls = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) out.push(request.url);
    }
    return out;
  });
  return urls.map((u) => new URL(u).pathname.slice(new URL(scope).pathname.length));
}

async function search(page: Page, q: string): Promise<number> {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

/** Cuts the network, reloads, and checks the app came back from the service worker with its data. */
async function reloadOffline(page: Page, expected: number): Promise<void> {
  await page.context().setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await waitForIdle(page);
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(expected));
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test.describe('offline', () => {
  test('after one visit, an offline reload loads the app, its data, and answers queries', async ({
    page,
  }) => {
    const watch = await openApp(page);
    await dropFolder(page, AWSLOGS, records.length);
    const before = await eventCount(page);
    expect(before).toBe(records.length);
    const scope = await waitForServiceWorker(page);

    // Everything the app needs is in the precache: the page, its bundle, both workers, the sample,
    // and every chunk the build split off (views load them only when opened, perhaps offline).
    const paths = await precachedPaths(page, scope);
    expect(paths).toContain('index.html');
    expect(paths.some((p) => /^assets\/index-.*\.js/.test(p))).toBe(true);
    expect(paths.some((p) => /^assets\/engine\.worker-.*\.js/.test(p))).toBe(true);
    expect(paths.some((p) => /^assets\/parse\.worker-.*\.js/.test(p))).toBe(true);
    expect(paths).toContain('sample/manifest.json');
    expect(paths.filter((p) => p.startsWith('sample/AWSLogs/')).length).toBeGreaterThan(50);
    // The IP databases, so countries and ASNs show offline too.
    expect(paths).toContain('ip/country.mmdb.gz');
    expect(paths).toContain('ip/asn.bin.gz');
    const built = readdirSync(new URL('../dist/assets/', import.meta.url))
      .filter((f) => !f.endsWith('.map'))
      .map((f) => `assets/${f}`);
    expect(built.length).toBeGreaterThan(3);
    expect(built.filter((p) => !paths.includes(p))).toEqual([]);

    await reloadOffline(page, before);
    await expect(page.locator('.event-table-tr[data-position="0"]')).toBeVisible();
    // A view in a chunk of its own, never opened online, opens offline from the precache.
    await openHeaderAction(page, 'Coverage');
    await expect(page.getByTestId('coverage-dialog')).toContainText('Evidence coverage');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('coverage-dialog')).toHaveCount(0);
    expect(decrypts).toBeGreaterThan(0);
    await expect.poll(() => search(page, 'eventName:Decrypt')).toBe(decrypts);

    // A shared link (`?q=`) opens offline too: any navigation gets the precached app shell.
    await page.goto(`./?q=${encodeURIComponent('eventName:Decrypt')}`);
    await waitForIdle(page);
    await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(decrypts));
    await page.screenshot({ path: 'test-results/screens/offline-reload.png' });
    expectClean(watch);
  });

  test('"Load sample data" works offline', async ({ page }) => {
    const watch = await openApp(page);
    await waitForServiceWorker(page);
    await reloadOffline(page, 0);
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await expect(page.getByTestId('event-count')).toHaveAttribute(
      'data-count',
      String(SAMPLE_EVENTS),
      { timeout: 60_000 },
    );
    await waitForIdle(page);
    expectClean(watch);
  });
});

test.describe('path prefix', () => {
  const PREFIX = '/evidence/case-42/cairn/';
  let server: ChildProcess | undefined;
  let origin = '';

  test.beforeAll(async () => {
    // The same static server as the suite's, but serving dist/ only under a prefix (404 elsewhere).
    const child = spawn(
      process.execPath,
      ['scripts/serve.js', 'dist', '--port', '0', '--prefix', PREFIX],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    server = child;
    origin = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => {
        reject(new Error(`serve.js exited with ${String(code)}`));
      });
      child.stdout.on('data', (chunk: Buffer) => {
        const m = /http:\/\/localhost:(\d+)\//.exec(chunk.toString());
        if (m !== null) resolve(`http://localhost:${m[1] ?? ''}`);
      });
    });
  });

  test.afterAll(() => {
    server?.kill();
  });

  test('dist/ served under a path prefix loads, ingests, and works offline', async ({ page }) => {
    // Nothing is served at the root: any absolute path in the build would fail this test.
    const root = await page.request.get(`${origin}/index.html`);
    expect(root.status()).toBe(404);

    const watch = await openApp(page, `${origin}${PREFIX}`);
    await expect(
      page.getByRole('heading', { name: 'Read CloudTrail logs in your browser' }),
    ).toBeVisible();
    await dropFolder(page, AWSLOGS, records.length);
    const scope = await waitForServiceWorker(page);
    expect(new URL(scope).pathname).toBe(PREFIX);

    await reloadOffline(page, records.length);
    await expect.poll(() => search(page, 'eventName:Decrypt')).toBe(decrypts);
    // Chunks load relative to the bundle, under the prefix too.
    await openHeaderAction(page, 'Coverage');
    await expect(page.getByTestId('coverage-dialog')).toContainText('Evidence coverage');
    expectClean(watch);
  });
});

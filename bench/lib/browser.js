// Launches headless Chromium with a fresh profile directory per run, so IndexedDB starts empty and
// persists across reloads within the run. Debian's chromium when present (Playwright cannot
// download browsers on our machines), else CHROMIUM_PATH, else Playwright's own.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { browserPss } from './memory.js';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, executable: string,
 *   version: string, profile: string,
 *   pss: () => import('./memory.js').BrowserPss | undefined,
 *   close: () => Promise<void> }>} pss: PSS of every process of this Chromium (lib/memory.js);
 *   close also deletes the profile directory
 */
export async function launchBrowser() {
  const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const executablePath = existsSync(wanted) ? wanted : undefined;
  const profile = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    ...(executablePath === undefined ? {} : { executablePath }),
    args: [...ARGS, ...(process.env.BENCH_CHROME_ARGS ?? '').split(' ').filter(Boolean)],
    viewport: { width: 1280, height: 800 },
    // The app's service worker would answer the floor page's navigation (same origin) with the app,
    // and serve reloads from its cache: the bench measures Cairn's own loading, so none runs.
    serviceWorkers: 'block',
  });
  const version = context.browser()?.version() ?? (await versionOf(context));
  return {
    context,
    executable: executablePath ?? chromium.executablePath(),
    version,
    profile,
    // Playwright does not expose a persistent context's browser process: it is found by its profile.
    pss: () => browserPss(profile),
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** @param {import('@playwright/test').BrowserContext} context @returns {Promise<string>} */
async function versionOf(context) {
  const page = await context.newPage();
  try {
    return await page.evaluate(
      () => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown',
    );
  } finally {
    await page.close();
  }
}

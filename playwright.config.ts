import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers on our machines: use Debian's chromium when present, else
// Playwright's own (a developer who ran `npx playwright install` elsewhere).
const debianChromium = '/usr/bin/chromium';
const executablePath =
  process.env['CHROMIUM_PATH'] ?? (existsSync(debianChromium) ? debianChromium : undefined);
// CAIRN_E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env['CAIRN_E2E_PORT'] ?? 4174);
// CI runs Chromium. `CAIRN_BROWSER=firefox` or `webkit` runs the suite in Playwright's own build of
// that engine, where `npx playwright install firefox webkit` could fetch it (README "Browsers").
const BROWSERS = ['chromium', 'firefox', 'webkit'] as const;
const browser = BROWSERS.find((b) => b === (process.env['CAIRN_BROWSER'] ?? 'chromium'));
if (browser === undefined) throw new Error('CAIRN_BROWSER must be chromium, firefox or webkit');
const chromium = browser === 'chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  forbidOnly: process.env['CI'] !== undefined,
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    browserName: browser,
    launchOptions: {
      ...(executablePath === undefined || !chromium ? {} : { executablePath }),
      args: chromium ? CHROMIUM_ARGS : [],
    },
  },
  webServer: {
    command: `node scripts/serve.js dist --port ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
  },
});

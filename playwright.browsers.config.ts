import { defineConfig } from '@playwright/test';

// The cross-browser smoke (e2e/browsers/, README "Browsers"): stock Firefox ESR through WebDriver
// BiDi and WebKitGTK through WebDriver, each driven by its own client, not by Playwright's browsers
// (patched builds that cannot be downloaded here). Playwright runs the specs and the server only.
const PORT = Number(process.env['CAIRN_E2E_PORT'] ?? 4174);

export default defineConfig({
  testDir: 'e2e/browsers',
  testMatch: '*.smoke.ts',
  timeout: 240_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  forbidOnly: process.env['CI'] !== undefined,
  use: { baseURL: `http://localhost:${PORT}/` },
  webServer: {
    command: `node scripts/serve.js dist --port ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
  },
});

import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { ElementHandle } from 'puppeteer-core';
import type { SmokeDriver } from './SmokeDriver';

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`); FIREFOX_PATH names another stock build. */
export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/**
 * Launches a stock headless Firefox through WebDriver BiDi (puppeteer-core: Playwright's Firefox is
 * a patched build that cannot be downloaded here), with a fresh profile that lasts until close().
 * @throws Error when FIREFOX_PATH does not exist.
 * @see https://pptr.dev/webdriver-bidi
 */
export async function launchFirefox(): Promise<SmokeDriver> {
  if (!existsSync(FIREFOX_PATH))
    throw new Error(
      `No Firefox at ${FIREFOX_PATH}: apt-get install -y firefox-esr, or set FIREFOX_PATH`,
    );
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const element = async (selector: string) => {
    const handle = await page.$(selector);
    if (handle === null) throw new Error(`Nothing matches ${selector}`);
    return handle;
  };
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (expression) => page.evaluate(expression),
    click: (selector) => page.click(selector),
    typeAndEnter: async (selector, text) => {
      await page.click(selector, { count: 3 });
      await page.keyboard.press('Backspace');
      await page.type(selector, text);
      await page.keyboard.press('Enter');
    },
    setFiles: async (selector, paths) => {
      const input = await element(selector);
      if (!(await input.evaluate((e) => e instanceof HTMLInputElement && e.type === 'file')))
        throw new Error(`${selector} is not a file input`);
      // Checked just above: uploadFile is typed for <input> handles only.
      await (input as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    pageErrors: () => Promise.resolve([...errors]),
    close: () => browser.close(),
  };
}

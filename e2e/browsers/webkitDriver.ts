import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, By, Key } from 'selenium-webdriver';
import type { WebDriver } from 'selenium-webdriver';
import type { SmokeDriver } from './SmokeDriver';

/** Debian's `webkit2gtk-driver`: a classic WebDriver server for WebKitGTK's MiniBrowser. */
export const WEBKIT_DRIVER = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';

/** MiniBrowser from `libwebkit2gtk-4.1-0` (/usr/lib/<triplet>/webkit2gtk-4.1/), or WEBKIT_BROWSER_PATH. */
export function miniBrowserPath(): string | undefined {
  const given = process.env['WEBKIT_BROWSER_PATH'];
  if (given !== undefined) return given;
  for (const triplet of existsSync('/usr/lib') ? readdirSync('/usr/lib') : []) {
    const p = `/usr/lib/${triplet}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** A port nobody listens on right now, from the OS. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the WebDriver server answers GET /status with ready: true. */
async function waitReady(url: string, driver: ChildProcess): Promise<void> {
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`${WEBKIT_DRIVER} exited (${driver.exitCode})`);
    try {
      const body: unknown = await (await fetch(`${url}/status`)).json();
      const value =
        typeof body === 'object' && body !== null && 'value' in body ? body.value : undefined;
      if (typeof value === 'object' && value !== null && 'ready' in value && value.ready === true)
        return;
    } catch {
      // Not listening yet: ask again once the driver process has had a turn.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Collects what the page reports, since classic WebDriver has no log API in WebKitGTK. Installed
// after each load, so an error before the app's first script would go unseen: the app's own
// `data-ingest-state` waits still fail the smoke if it never starts.
const ERROR_HOOK = `(() => {
  if (window.__smokeErrors) return;
  const errors = (window.__smokeErrors = []);
  addEventListener('error', (e) => errors.push(String(e.error?.stack ?? e.message)));
  addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.stack ?? e.reason)));
  const consoleError = console.error.bind(console);
  console.error = (...a) => { errors.push(a.map((x) => String(x?.stack ?? x)).join(' ')); consoleError(...a); };
})()`;

/**
 * Starts WebKitWebDriver (under `xvfb-run -a` when there is no DISPLAY: MiniBrowser has no headless
 * mode in WebKitGTK) and opens a MiniBrowser session through it, with selenium-webdriver.
 * @throws Error when the driver or MiniBrowser is missing, or the session cannot start.
 * @see https://webkitgtk.org/reference/webkit2gtk/stable/ (WebDriver: `webkitgtk:browserOptions`)
 */
export async function launchWebKit(): Promise<SmokeDriver> {
  const binary = miniBrowserPath();
  if (!existsSync(WEBKIT_DRIVER) || binary === undefined || !existsSync(binary))
    throw new Error('No WebKitGTK driver: apt-get install -y webkit2gtk-driver xvfb');
  const port = await freePort();
  const headless = process.env['DISPLAY'] === undefined;
  const command = headless ? 'xvfb-run' : WEBKIT_DRIVER;
  const args = [...(headless ? ['-a', WEBKIT_DRIVER] : []), `--port=${port}`];
  // Its own process group, so close() ends xvfb-run, Xvfb and the driver together.
  const server = spawn(command, args, { detached: true, stdio: 'ignore' });
  const stop = () => {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  const url = `http://127.0.0.1:${port}`;
  let driver: WebDriver;
  try {
    await waitReady(url, server);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      })
      .build();
    await driver.manage().window().setRect({ width: 1280, height: 800 });
  } catch (e) {
    stop();
    throw e;
  }
  const hook = async () => {
    await driver.executeScript(ERROR_HOOK);
  };
  return {
    goto: async (target) => {
      await driver.get(target);
      await hook();
    },
    reload: async () => {
      await driver.navigate().refresh();
      await hook();
    },
    evaluate: (expression) => driver.executeScript(`return (${expression});`),
    click: async (selector) => {
      await driver.findElement(By.css(selector)).click();
    },
    typeAndEnter: async (selector, text) => {
      const field = driver.findElement(By.css(selector));
      await field.clear();
      await field.sendKeys(text, Key.ENTER);
    },
    setFiles: async (selector, paths) => {
      await driver.findElement(By.css(selector)).sendKeys(paths.join('\n'));
    },
    pageErrors: async () => {
      const errors: unknown = await driver.executeScript('return window.__smokeErrors ?? [];');
      return Array.isArray(errors) ? errors.map(String) : ['the error hook is gone'];
    },
    close: async () => {
      try {
        await driver.quit();
      } finally {
        stop();
      }
    },
  };
}

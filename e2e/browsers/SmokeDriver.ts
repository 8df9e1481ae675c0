/**
 * The little the cross-browser smoke needs from a browser, so one script (cairnSmoke.ts) runs
 * through Puppeteer in Firefox (WebDriver BiDi) and through classic WebDriver in WebKitGTK.
 * CSS selectors throughout; every call waits for nothing but what it does.
 */
export interface SmokeDriver {
  /** Navigates to an absolute URL and resolves once its `load` event has fired. */
  goto(url: string): Promise<void>;
  /** Reloads the page, as the user pressing F5 would. */
  reload(): Promise<void>;
  /** Evaluates a JavaScript expression in the page; its value must be JSON (strings, numbers…). */
  evaluate(expression: string): Promise<unknown>;
  /** Clicks the first element matching `selector` with real pointer input. */
  click(selector: string): Promise<void>;
  /** Types `text` into the field matching `selector` (emptied first), then presses Enter. */
  typeAndEnter(selector: string, text: string): Promise<void>;
  /** Sets local files on the file input matching `selector` (hidden inputs included). */
  setFiles(selector: string, paths: readonly string[]): Promise<void>;
  /** Uncaught errors, unhandled rejections and console errors the page has reported so far. */
  pageErrors(): Promise<string[]>;
  /** Ends the session and the browser. */
  close(): Promise<void>;
}

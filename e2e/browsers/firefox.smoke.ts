import { test } from '@playwright/test';
import { cairnSmoke } from './cairnSmoke';
import { launchFirefox } from './firefoxDriver';

test('Firefox ESR (WebDriver BiDi): sample, search, detail, validation, reload', async ({
  baseURL,
}) => {
  const driver = await launchFirefox();
  try {
    await cairnSmoke(driver, baseURL ?? '');
  } finally {
    await driver.close();
  }
});

import { test } from '@playwright/test';
import { webkitSmoke } from './cairnSmoke';
import { launchWebKit } from './webkitDriver';

test('WebKitGTK (WebDriver): starts, explains it cannot store files, reloads', async ({
  baseURL,
}) => {
  const driver = await launchWebKit();
  try {
    await webkitSmoke(driver, baseURL ?? '');
  } finally {
    await driver.close();
  }
});

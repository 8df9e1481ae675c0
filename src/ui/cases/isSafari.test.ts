import { describe, expect, it } from 'vitest';
import { isSafari } from './isSafari';

describe('isSafari', () => {
  it('tells Safari and WebKit on iOS from Chromium, Edge and Firefox', () => {
    const safariMac =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
    const safariIos =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
    const edge = `${chrome} Edg/130.0.0.0`;
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0';
    const firefoxIos =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/131.0 Mobile/15E148 Safari/605.1.15';
    expect([safariMac, safariIos, chrome, edge, firefox, firefoxIos].map(isSafari)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

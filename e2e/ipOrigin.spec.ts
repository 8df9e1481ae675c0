import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { Reader } from 'mmdb-lib';
import { dropFolder, expectClean, openApp, openHeaderAction } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

const PKG = new URL('../node_modules/@ip-location-db/geo-whois-asn-country-mmdb/', import.meta.url)
  .pathname;
const SCREENS = 'test-results/screens';

// The reference: each record's country from the package's own .mmdb (mmdb-lib, no app code), or
// the special value for addresses that are not public (private, aws, none).
function countryCounts(): Map<string, number> {
  const reader = new Reader<Record<string, unknown>>(
    readFileSync(`${PKG}geo-whois-asn-country.mmdb`),
  );
  const out = new Map<string, number>();
  for (const r of fixtureRecords().values()) {
    const ip = r['sourceIPAddress'];
    let value: string;
    if (typeof ip !== 'string' || ip === '') value = 'none';
    else if (ip === 'AWS Internal' || ip.endsWith('.amazonaws.com')) value = 'aws';
    else if (/^(10\.|192\.168\.|127\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip)) value = 'private';
    else {
      const code = reader.get(ip)?.['country_code'];
      value = typeof code === 'string' ? code : 'unknown';
    }
    out.set(value, (out.get(value) ?? 0) + 1);
  }
  return out;
}

async function shownCount(row: Locator): Promise<number> {
  return Number((await row.locator('.facet-count').innerText()).replace(/[^\d]/g, ''));
}

async function load(page: Page): Promise<void> {
  await dropFolder(page, AWSLOGS, fixtureRecords().size);
  // The ingest's file report covers the lower half of the screen: out of the way of the views.
  await page.getByRole('button', { name: 'Close files panel' }).click();
}

test('the country facet counts what the reference counts, and a click filters to exactly that', async ({
  page,
}) => {
  const watch = await openApp(page);
  await load(page);
  const expected = countryCounts();
  expect(expected.get('US') ?? 0).toBeGreaterThan(0);
  const facet = page.getByRole('region', { name: 'Source IP country', exact: true });
  const values = facet.locator('.facet-value');
  await expect(values).toHaveCount(Math.min(8, expected.size));
  const shown = new Map<string, number>();
  for (const row of await values.all()) {
    const value = await row.getAttribute('title');
    const key = /^([^\s:]+)/.exec(value ?? '')?.[1] ?? '';
    shown.set(key, await shownCount(row));
  }
  expect(shown).toEqual(expected);

  // A click on the United States filters to exactly the events it counts.
  const us = values.filter({ hasText: 'United States' });
  const count = await shownCount(us);
  await us.click();
  await expect(page.getByTestId('query-input')).toHaveValue('sourceIPAddress.country:US');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(count));
  expect(count).toBe(expected.get('US'));

  // Typed, with negation and a special value.
  const input = page.getByTestId('query-input');
  await input.fill('-sourceIPAddress.country:private,aws');
  await input.press('Enter');
  const publicOnly = [...expected].filter(([k]) => !['private', 'aws'].includes(k));
  await expect(page.getByTestId('match-count')).toHaveAttribute(
    'data-count',
    String(publicOnly.reduce((n, [, c]) => n + c, 0)),
  );
  await page.screenshot({ path: `${SCREENS}/ip-origin-facets-1280x800.png` });
  expectClean(watch);
});

test('the detail pane and the IP origin column say where an address comes from, with credits', async ({
  page,
}) => {
  const watch = await openApp(page);
  await load(page);
  const input = page.getByTestId('query-input');
  await input.fill('sourceIPAddress:3.225.16.109');
  await input.press('Enter');
  const withIp = [...fixtureRecords().values()].filter(
    (r) => r['sourceIPAddress'] === '3.225.16.109',
  ).length;
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(withIp));
  await page.locator('.event-table-tr[data-position="0"]').click();
  const facts = page.getByTestId('ip-origin-facts');
  await expect(facts).toContainText('United States (US)');
  await expect(facts).toContainText('AS14618');
  await expect(facts).toContainText('DB-IP');
  await facts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/ip-origin-pane-1280x800.png` });

  await openHeaderAction(page, 'Columns');
  await page
    .getByRole('dialog', { name: 'Visible columns' })
    .getByRole('checkbox', { name: 'IP origin' })
    .check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ip-origin').first()).toHaveAttribute('data-country', 'US');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `${SCREENS}/ip-origin-detail-1920x1080.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SCREENS}/ip-origin-detail-1280x800.png` });
  expectClean(watch);
});

test('IP origin data lists the databases with dates, refuses a bad .mmdb, keeps a good one', async ({
  page,
}) => {
  const watch = await openApp(page);
  await load(page);
  await openHeaderAction(page, 'IP origin data');
  const dialog = page.getByTestId('ip-data-dialog');
  const dbs = dialog.getByTestId('ip-database');
  await expect(dbs).toHaveCount(2);
  await expect(dbs.first()).toContainText(/data of \d{4}-\d{2}-\d{2}/);
  await expect(dbs.nth(1)).toContainText('data of 2026-06-17');
  await page.screenshot({ path: `${SCREENS}/ip-origin-dialog-1280x800.png` });

  const picker = dialog.getByTestId('ip-database-input');
  await picker.setInputFiles({
    name: 'not-a-database.mmdb',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not a MaxMind DB at all'),
  });
  await expect(dialog.getByTestId('ip-database-message')).toContainText('Not a MaxMind DB');
  await expect(dbs).toHaveCount(2);

  await picker.setInputFiles(`${PKG}geo-whois-asn-country-ipv4.mmdb`);
  await expect(dialog.getByTestId('ip-database-message')).toContainText('added');
  await expect(dbs).toHaveCount(3);
  await expect(dbs.first()).toHaveAttribute('data-role', 'user');

  // Kept with the case: after a reload it is still there.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ingest-state', 'idle', {
    timeout: 60_000,
  });
  await openHeaderAction(page, 'IP origin data');
  await expect(page.getByTestId('ip-database').first()).toHaveAttribute('data-role', 'user');
  await page
    .getByTestId('ip-data-dialog')
    .getByRole('button', { name: /^Remove / })
    .click();
  await expect(page.getByTestId('ip-database')).toHaveCount(2);
  expectClean(watch);
});

test('a .mmdb opened with the logs becomes the case’s own IP database, and is not ingested', async ({
  page,
}) => {
  const watch = await openApp(page);
  await load(page);
  const before = await page.getByTestId('event-count').getAttribute('data-count');
  await page
    .locator('input[type=file][multiple]:not([webkitdirectory])')
    .setInputFiles(`${PKG}geo-whois-asn-country-ipv4.mmdb`);
  const notice = page.getByTestId('dropped-ip-database');
  await expect(notice).toContainText('geo-whois-asn-country-ipv4.mmdb');
  await expect(notice).toContainText('kept with this case');
  await expect(page.locator('html')).toHaveAttribute('data-ingest-state', 'idle');
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', before ?? '');
  await openHeaderAction(page, 'IP origin data');
  await expect(page.getByTestId('ip-database').first()).toHaveAttribute('data-role', 'user');
  expectClean(watch);
});

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { applyQuery, dropFolder, expectClean, openApp } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

// The oracle: the fixture files read with node:zlib and node:crypto, none of the app's code.
const total = fixtureRecords().size;
const PARENT = join(AWSLOGS, '..');
const FILE = join(
  AWSLOGS,
  '218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1240Z_C1qUFaqvZS64BcIN.json.gz',
);
const raw = readFileSync(FILE);
const text = gunzipSync(raw).toString('utf8');
const fileRecords = (JSON.parse(text) as { Records: { eventID: string }[] }).Records;

/** Distinct eventIDs over the readable log files under `dir`. */
function idsUnder(dir: string): number {
  const ids = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.json.gz')) {
        try {
          const parsed = JSON.parse(gunzipSync(readFileSync(p)).toString('utf8')) as {
            Records?: { eventID: string }[];
          };
          for (const r of parsed.Records ?? []) ids.add(r.eventID);
        } catch {
          // The truncated file: not stored, no events.
        }
      }
    }
  };
  walk(dir);
  return ids.size;
}

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

/** The tree node with this id, once the tree shows it. */
function node(page: Page, id: string) {
  return page.locator(`[data-node-id="${id}"]`).first();
}

test('an event’s source file opens in the file view: path, SHA-256, events, content', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, total);
  // Read once the count answers this query, not the one before it (applyQuery).
  await applyQuery(page, `eventID:${fileRecords[0]?.eventID ?? ''}`);
  expect(await matchCount(page)).toBe(1);
  await page.locator('.event-table-tr[data-position="0"]').click();
  await page.getByTestId('open-file-view').first().click();

  const view = page.getByTestId('file-view');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('file-view-path')).toHaveText(relative(PARENT, FILE));
  await expect(view.getByTestId('file-view-sha256')).toHaveText(
    createHash('sha256').update(raw).digest('hex'),
  );
  await expect(view.getByTestId('file-view-inflated-sha256')).toHaveText(
    createHash('sha256').update(gunzipSync(raw)).digest('hex'),
  );
  const events = new Set(fileRecords.map((r) => r.eventID)).size;
  await expect(view.getByTestId('file-view-events')).toHaveAttribute('data-count', String(events));
  await expect(view.getByTestId('file-view-key')).toHaveText(relative(PARENT, FILE));
  await expect(view).toContainText('2023-07-10 12:40 UTC');
  // The raw view is the decompressed file, character for character.
  expect(await view.getByTestId('file-view-raw').textContent()).toBe(text);
  await expect(view.getByTestId('file-view-raw-note')).toContainText('shown whole');
  await page.screenshot({ path: 'test-results/screens/provenance-file-view-1280x800.png' });

  // The exact stored bytes download unchanged.
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Download original bytes' }).click();
  const saved = await (await download).path();
  expect(readFileSync(saved).equals(raw)).toBe(true);

  await view.getByRole('button', { name: /Show the .* events from this file/ }).click();
  await expect(view).toBeHidden();
  await expect(page.getByTestId('query-input')).toHaveValue(`file:${relative(PARENT, FILE)}`);
  expect(await matchCount(page)).toBe(events);
  expectClean(watch);
});

test('a sources-tree day filters to exactly the events of its files; again lifts it', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, total);
  // The Files panel opens on the truncated file's failure; close it to see the table.
  await page.getByRole('button', { name: 'Close files panel' }).click();
  await page.getByRole('tab', { name: 'Sources' }).click();
  const tree = page.getByTestId('sources-tree');
  await expect(tree).toContainText(`${total.toLocaleString('en-US')} events`);

  // Accounts are open at first; open the Region, then pick its day.
  await node(page, 'r:218007301253/us-east-1').getByRole('button', { name: 'Expand' }).click();
  const day = node(page, 'd:218007301253/us-east-1/2023-07-10');
  const dayIds = idsUnder(join(AWSLOGS, '218007301253/CloudTrail/us-east-1/2023/07/10'));
  await expect(day.getByTestId('sources-node').first()).toHaveAttribute(
    'data-events',
    String(dayIds),
  );
  await day.getByTestId('sources-node').first().click();
  await expect(page.getByTestId('query-input')).toHaveValue(
    'file:*218007301253_CloudTrail*_us-east-1_20230710T*',
  );
  expect(await matchCount(page)).toBe(dayIds);
  await expect(day).toHaveAttribute('aria-selected', 'true');

  // The us-west-2 file is a re-delivery: its events were stored from us-east-1 files first.
  await node(page, 'r:218007301253/us-west-2').getByRole('button', { name: 'Expand' }).click();
  const west = node(page, 'd:218007301253/us-west-2/2023-07-10');
  await west.getByTestId('sources-node').first().click();
  expect(await matchCount(page)).toBe(idsUnder(join(AWSLOGS, '218007301253/CloudTrail/us-west-2')));

  // A day's files are listed when it is opened; each opens its file view.
  await day.getByRole('button', { name: 'Expand' }).first().click();
  await expect(day.getByTestId('sources-file').first()).toBeVisible();
  await day.getByTestId('sources-node').first().click();
  expect(await matchCount(page)).toBe(dayIds);
  await page.screenshot({ path: 'test-results/screens/provenance-sources-1280x800.png' });
  const first = day.getByTestId('sources-file').first();
  const firstName = (await first.getAttribute('title'))?.split('\n')[0] ?? '';
  await day
    .getByRole('button', { name: /^Open the file view of / })
    .first()
    .click();
  await expect(page.getByTestId('file-view-path')).toHaveText(firstName);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await west.getByTestId('sources-node').first().click();

  // Clicking the selected node again lifts the filter.
  await west.getByTestId('sources-node').first().click();
  await expect(page.getByTestId('query-input')).toHaveValue('');
  expect(await matchCount(page)).toBe(total);
  expectClean(watch);
});

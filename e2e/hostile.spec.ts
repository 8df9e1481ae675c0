import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { dropFolder, expectClean, openApp, openHeaderAction, waitForIdle } from './helpers/app';
import { firstDifference, holdsWord, HOSTILE, hostileRecords } from './helpers/hostileFacts';

// The oracle: the corpus read with node:zlib. Its records attack the viewer: HTML and script in
// values and keys, javascript: URLs, bidi overrides and zero-width characters, a 1 MB string,
// 10,000-deep nesting and CSV formulas (scripts/makeHostileFixtures.js).
const records = hostileRecords();
const byId = new Map(records.map((r) => [String(r['eventID']), r]));

/**
 * Characters that must never reach the screen as themselves: bidi controls, zero-width, C0/C1, the
 * grapheme joiner, Hangul fillers, variation selectors and tag characters (ASCII smuggling).
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- invisible characters, combining ones included, are what it looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/u;

const row = (page: Page, position: number) =>
  page.locator(`.event-table-tr[data-position="${position}"]`);

/** Fails the test on any dialog, and traps the payloads' `window.__pwned = n` before the app loads. */
async function arm(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const hits: unknown[] = [];
    w['__pwnedHits'] = hits;
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => hits.length,
      set: (v: unknown) => void hits.push(v),
    });
  });
  return dialogs;
}

/** Nothing ran: no dialog, the trap untouched, no element a payload could have made. */
async function expectInert(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(dialogs, 'dialogs opened by payloads').toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __pwnedHits: unknown[] }).__pwnedHits),
  ).toEqual([]);
  await expect(page.locator('img[src="x"], svg[onload], [onerror], script:not([src])')).toHaveCount(
    0,
  );
  await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
}

/** No invisible or bidi character is shown as itself, in text or in tooltips. */
async function expectVisibleControls(page: Page): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text.match(INVISIBLE), 'invisible characters on screen').toBeNull();
  const titles = await page.evaluate(() =>
    [...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title') ?? ''),
  );
  expect(
    titles.filter((t) => INVISIBLE.test(t)),
    'invisible characters in tooltips',
  ).toEqual([]);
}

test('hostile records render inert, visible, and export safely', async ({ page }) => {
  test.setTimeout(180_000);
  expect(records).toHaveLength(16);
  expect(byId.size).toBe(16);
  const dialogs = await arm(page);
  const watch = await openApp(page);
  await dropFolder(page, HOSTILE, 16);

  await openHeaderAction(page, 'Columns');
  await page.getByRole('checkbox', { name: 'User agent' }).check();
  await page.getByRole('checkbox', { name: 'Event ID' }).check();
  await page.keyboard.press('Escape');
  // Fitted to their content (a double click on the header edge), the columns show values whole.
  for (const id of ['userName', 'userAgent']) {
    await page.locator(`.event-table-th[data-column="${id}"] .th-resize`).dblclick();
  }

  // The table: payloads as text, bidi and zero-width characters as escapes, 1 MB cut short.
  const grid = page.getByRole('grid', { name: 'Events' });
  await expect(grid).toContainText('<script>window.__pwned=1;alert(1)</script>');
  await expect(grid).toContainText('<img src=x onerror="window.__pwned=2;alert(2)">');
  await expect(grid).toContainText('javascript:window.__pwned=3;alert(3)');
  await expect(grid.locator('.col-userName .json-escape', { hasText: '\\u202E' })).toHaveCount(1);
  await expect(grid.locator('.col-userName', { hasText: 'ad\\u200Bmi\\u200Cn' })).toHaveCount(1);
  // The 1 MB value shows its two ends (cut in the middle) and its length.
  const long = grid.locator('.col-userAgent', { has: page.locator('.log-text-cut') });
  await expect(long).toHaveCount(1);
  expect((await long.innerText()).length).toBeLessThan(1000);
  await expect(long).toContainText('chars)');
  await expectVisibleControls(page);
  await expectInert(page, dialogs);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/screens/hostile-table-1280x800.png' });

  // Every event's detail pane, as a tree and as raw JSON.
  const seen = new Set<string>();
  for (let position = 0; position < records.length; position++) {
    await row(page, position).click();
    const id = page.getByTestId('summary-event-id');
    await expect(id).toBeVisible();
    const eventID = (await id.innerText()).replace('⧉', '').trim();
    const record = byId.get(eventID);
    expect(record, eventID).toBeDefined();
    seen.add(eventID);
    const pane = page.getByRole('complementary', { name: 'Event detail' });
    await pane.getByRole('tab', { name: 'Tree' }).click();
    await expect(pane.getByRole('tree', { name: 'Event record' })).toBeVisible();
    await pane.getByRole('button', { name: 'Expand all' }).click();
    await expect(pane.getByRole('treeitem').first()).toBeVisible();
    await expectVisibleControls(page);
    await pane.getByRole('tab', { name: 'Raw JSON' }).click();
    const raw = pane.locator('.raw-json pre');
    if (record?.['hostileFixture'] === '1 MB string') {
      // Cut at 100,000 characters until asked; the whole record is then there.
      await expect(raw).toContainText('… cut; Show all for the rest');
      expect((await raw.innerText()).length).toBeLessThan(110_000);
      await pane.getByRole('button', { name: /Show all \(.* chars\)/ }).click();
    }
    await expect(raw).toContainText(`"eventID": "${eventID}"`);
    await expectVisibleControls(page);
    if (record?.['hostileFixture'] === 'bidi override in sessionIssuer userName') {
      await expect(pane.locator('.raw-json pre')).toContainText(
        '"userName": "admin\\u202Egnp.exe"',
      );
      await pane.getByRole('tab', { name: 'Tree' }).click();
      await expect(pane.getByRole('tree')).toContainText('admin\\u202Egnp.exe');
      await expect(pane.getByTestId('summary-principal-arn')).toContainText(
        'assumed-role/admin\\u202Egnp.exe/dev\\u202Efdp.exe',
      );
      await page.screenshot({ path: 'test-results/screens/hostile-bidi-1280x800.png' });
    }
    if (record?.['hostileFixture'] === 'file name with a bidi override') {
      await expect(pane.getByTestId('summary-event-id')).toBeVisible();
      await expect(pane).toContainText('exported-\\u202Etxt.json');
    }
    if (record?.['hostileFixture'] === '1 MB string') {
      const agent = pane.getByTestId('summary-user-agent');
      expect((await agent.innerText()).length).toBeLessThan(5000);
      await expect(agent.getByRole('button', { name: /show all/ })).toBeVisible();
      await pane.getByRole('tab', { name: 'Tree' }).click();
      await page.screenshot({ path: 'test-results/screens/hostile-long-summary-1280x800.png' });
      await pane.getByRole('tab', { name: 'Raw JSON' }).click();
      await page.screenshot({ path: 'test-results/screens/hostile-long-1280x800.png' });
    }
    if (record?.['hostileFixture'] === '10,000-deep nesting') {
      await pane.getByRole('tab', { name: 'Tree' }).click();
      // Expand all opens 200 levels of the 10,000; the rest open one at a time.
      await pane.getByRole('button', { name: 'Expand all' }).click();
      await expect(pane.locator('[role="treeitem"][aria-level="200"]').first()).toBeAttached();
      await expect(pane.locator('[role="treeitem"][aria-level="202"]')).toHaveCount(0);
      const last = pane.locator('[role="treeitem"][aria-level="201"]').first();
      await last.scrollIntoViewIfNeeded();
      await last.focus();
      await last.press('ArrowRight');
      await expect(pane.locator('[role="treeitem"][aria-level="202"]').first()).toBeAttached();
      await page.screenshot({ path: 'test-results/screens/hostile-deep-1280x800.png' });
    }
  }
  expect(seen.size).toBe(records.length);
  await expectInert(page, dialogs);

  // The compare dialog on five of the worst: 10,000-deep, 1 MB, zero-width and bidi user names.
  for (let position = 5; position < 10; position++) {
    await row(page, position).getByRole('checkbox', { name: 'Compare this event' }).check();
  }
  await page
    .getByRole('region', { name: 'Events marked for comparison' })
    .getByRole('button', { name: 'Compare' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Compare 5 events' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('ad\\u200Bmi\\u200Cn');
  await expect(dialog).toContainText('Org\\u200BAdmin');
  await expectVisibleControls(page);
  await page.screenshot({ path: 'test-results/screens/hostile-compare-1280x800.png' });
  await expectInert(page, dialogs);
  await page.keyboard.press('Escape');
  await page
    .getByRole('region', { name: 'Events marked for comparison' })
    .getByRole('button', { name: 'Clear' })
    .click();

  // The file view (the decompressed file, 2 MB: cut, escapes visible), the Sources tab, the map.
  await row(page, 0).click();
  await page.getByTestId('open-file-view').first().click();
  const fileView = page.getByTestId('file-view');
  await expect(fileView.getByTestId('file-view-raw')).toContainText('window.__pwned=1');
  await expect(fileView.getByTestId('file-view-raw')).toContainText('admin\\u202Egnp.exe');
  await expectVisibleControls(page);
  await expectInert(page, dialogs);
  await page.screenshot({ path: 'test-results/screens/hostile-file-view-1280x800.png' });
  await page.keyboard.press('Escape');
  await expect(fileView).toBeHidden();
  await page.getByRole('tab', { name: 'Sources' }).click();
  await expectVisibleControls(page);
  await page.getByRole('button', { name: 'Files', exact: true }).click();
  const files = page.getByRole('region', { name: 'Files of the last ingest' });
  await expect(files).toContainText('exported-\\u202Etxt.json');
  await expectVisibleControls(page);
  await page.screenshot({ path: 'test-results/screens/hostile-files-1280x800.png' });
  await files.getByRole('button', { name: 'Close files panel' }).click();
  await page.getByRole('tab', { name: 'Facets' }).click();
  await openHeaderAction(page, 'Coverage');
  const coverage = page.getByRole('dialog', { name: 'Evidence coverage' });
  await expect(coverage.getByTestId('coverage-grid')).toBeVisible();
  await expectVisibleControls(page);
  await page.keyboard.press('Escape');
  await expect(coverage).toBeHidden();
  await expectInert(page, dialogs);

  // Autocomplete suggests the hostile user names with their escapes visible.
  await page.getByTestId('query-input').fill('userName:');
  const suggestions = page.getByRole('listbox');
  await expect(suggestions).toContainText('dev\\u202Efdp.exe');
  await expect(suggestions).toContainText('<img src=x onerror=');
  await expectVisibleControls(page);
  await page.screenshot({ path: 'test-results/screens/hostile-suggestions-1280x800.png' });
  await page.getByTestId('query-input').press('Escape');

  // Free text finds payload words, and a word 10,000 levels down.
  for (const word of ['pwned', 'onerror', 'deepest']) {
    const expected = records.filter((r) => holdsWord(r, word)).length;
    expect(expected, word).toBeGreaterThan(0);
    const input = page.getByTestId('query-input');
    await input.fill(word);
    await input.press('Enter');
    const count = page.getByTestId('match-count');
    await expect(count).toHaveAttribute('data-complete', 'true');
    await expect(count).toHaveAttribute('data-count', String(expected));
  }
  await expectInert(page, dialogs);
  await page.getByTestId('query-input').fill('');
  await page.getByTestId('query-input').press('Enter');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '16');

  // CSV: every cell that starts like a formula is escaped with a leading quote (papaparse).
  const csvDownload = page.waitForEvent('download');
  await page.locator('[data-export="csv"]').click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  const rows = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(17);
  const cells = rows.slice(1).flat();
  expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  for (const formula of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3']) {
    // eventName, userName and userAgent of one record each.
    expect(
      cells.filter((c) => c === `'${formula}`),
      formula,
    ).toHaveLength(3);
  }
  expect(cells).toContain("'\t=1+1");

  // JSON: the records come back with the same values, key order and nesting.
  const jsonDownload = page.waitForEvent('download');
  await page.locator('[data-export="json"]').click();
  const exported = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
    Records: Record<string, unknown>[];
  };
  expect(exported.Records).toHaveLength(records.length);
  for (const r of exported.Records) {
    expect(
      firstDifference(r, byId.get(String(r['eventID']))),
      String(r['eventID']),
    ).toBeUndefined();
  }

  await expectInert(page, dialogs);
  expectClean(watch);
});

/** `ascii` as tag characters: invisible, yet a model or a copy-paste reads them as the ASCII. */
const smuggle = (ascii: string) =>
  ascii.replace(/./g, (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)));

test('a hostile case bundle: its name, tags and file paths show their hidden characters', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dialogs = await arm(page);
  const watch = await openApp(page);
  const record = records.find((r) => r['hostileFixture'] === undefined) ?? records[0];
  const eventID = String(record?.['eventID']);
  const carried = strToU8(JSON.stringify({ Records: [record] }));
  const caseName = `Incident${smuggle('ok')}\u202E42`;
  const carriedPath = `AWSLogs/evil\u034F${smuggle('x')}.json`;
  const missingPath = `AWSLogs/gone\u3164\uFFA0\u115F\u1160.json.gz`;
  const tag = `ph${smuggle('i')}sh\uFE0F`;
  const manifest = {
    format: 'cairn-case-bundle',
    version: 1,
    exportedAt: '2026-01-20T10:00:00.000Z',
    caseName,
    view: '',
    annotations: [{ key: eventID, bookmarked: true, tags: [tag], note: '', updatedAt: 1 }],
    files: [
      // The listed SHA-256 is not the carried bytes': an altered file.
      {
        path: carriedPath,
        size: carried.length,
        sha256: 'a'.repeat(64),
        kind: 'log',
        events: 1,
        entry: 'files/0',
      },
      { path: missingPath, size: 1, sha256: 'b'.repeat(64), kind: 'log', events: 1 },
    ],
  };
  const zip = zipSync({
    'cairn-case.json': strToU8(JSON.stringify(manifest)),
    'files/0': carried,
  });

  await page.getByTestId('case-switcher').click();
  const cases = page.getByTestId('cases-dialog');
  await cases.getByTestId('case-bundle-input').setInputFiles({
    name: 'hostile.cairn.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zip),
  });
  const outcome = cases.getByTestId('bundle-outcome');
  await expect(outcome).toContainText('Imported Incident\\u{E006F}\\u{E006B}\\u202E42');
  await expect(outcome).toContainText('AWSLogs/evil\\u034F\\u{E0078}.json');
  await expect(outcome).toContainText('AWSLogs/gone\\u3164\\uFFA0\\u115F\\u1160.json.gz');
  await expect(cases.getByTestId('case-name').first()).toContainText('\\u202E');
  await expectVisibleControls(page);
  await page.screenshot({ path: 'test-results/screens/hostile-bundle-1280x800.png' });
  await page.keyboard.press('Escape');
  await waitForIdle(page);

  await expect(page.getByTestId('case-switcher')).toContainText(
    'Incident\\u{E006F}\\u{E006B}\\u202E42',
  );
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', '1');
  await expect(row(page, 0).locator('.row-tag')).toContainText('ph\\u{E0069}sh\\uFE0F');
  await row(page, 0).click();
  const pane = page.getByRole('complementary', { name: 'Event detail' });
  await expect(pane.locator('.row-tag').first()).toContainText('ph\\u{E0069}sh\\uFE0F');
  await expectVisibleControls(page);

  // The altered file keeps its mark in the file view.
  await page.getByTestId('open-file-view').first().click();
  const mark = page.getByTestId('file-view').getByTestId('file-view-bundle-mismatch');
  await expect(mark).toContainText('a'.repeat(64));
  await expect(mark).toContainText('Incident\\u{E006F}\\u{E006B}\\u202E42');
  await expectVisibleControls(page);
  await page.keyboard.press('Escape');
  await expectInert(page, dialogs);
  expectClean(watch);
});

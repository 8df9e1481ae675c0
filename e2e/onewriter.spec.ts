import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { tinyLogFiles } from '../test/tinyLogFiles';
import { expectClean, openApp, openHeaderAction, waitForIdle } from './helpers/app';

const FILES_A = 300;
const FILES_B = 40;
const PER_FILE = 300;
const TOTAL = (FILES_A + FILES_B) * PER_FILE;

/** The eventID tinyLogFiles gives record `k` of file `f`. */
const idOf = (f: number, k: number) =>
  `00000000-0000-4000-8000-${(f * PER_FILE + k).toString(16).padStart(12, '0')}`;

/**
 * Two delivered-looking folders of gzipped trail files with distinct events and paths: `a/` holds
 * files 0…FILES_A-1 (large enough to still be running when the other tab drops), `b/` the rest.
 */
async function makeFolders(): Promise<{ root: string; a: string; b: string }> {
  const root = mkdtempSync(join(tmpdir(), 'cairn-onewriter-'));
  const files = tinyLogFiles(FILES_A + FILES_B, PER_FILE);
  for (const [i, { path, file }] of files.entries()) {
    const target = join(root, i < FILES_A ? 'a' : 'b', `${path}.gz`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, gzipSync(Buffer.from(await file.arrayBuffer())));
  }
  return { root, a: join(root, 'a'), b: join(root, 'b') };
}

const folderInput = (page: Page) => page.locator('input[type=file][webkitdirectory]');

/** Finds one event by its eventID, opens it, and returns the eventID its detail pane shows. */
async function detailOf(page: Page, eventID: string): Promise<string | null> {
  const input = page.getByTestId('query-input');
  await input.fill(`eventID:${eventID}`);
  await input.press('Enter');
  const matches = page.getByTestId('match-count');
  await expect(matches).toHaveAttribute('data-complete', 'true');
  await expect(matches).toHaveAttribute('data-count', '1');
  await page.locator('.event-table-tr[data-position="0"]').click();
  const shown = page.getByTestId('summary-event-id').locator('.summary-value');
  await expect(shown).not.toHaveText('');
  return shown.textContent();
}

/** Opens the first `n` rows of the table and checks each detail pane shows the row's own eventID. */
async function expectRowsMatchDetail(page: Page, n: number): Promise<void> {
  for (let position = 0; position < n; position++) {
    const row = page.locator(`.event-table-tr[data-position="${position}"]`);
    const rowId = (await row.locator('.col-eventID .cell-text').textContent()) ?? '';
    expect(rowId).toMatch(/^00000000-0000-4000-8000-/);
    await row.click();
    await expect(page.getByTestId('summary-event-id').locator('.summary-value')).toHaveText(rowId);
  }
}

test('two tabs ingesting into one case at once: one writes, the other waits, and every event and detail is right', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const { root, a, b } = await makeFolders();
  try {
    const pageA = await context.newPage();
    const watchA = await openApp(pageA);
    const pageB = await context.newPage();
    const watchB = await openApp(pageB);

    await pageA.bringToFront();
    await folderInput(pageA).setInputFiles(a);
    // Tab B drops its folder once tab A's run has committed some files and is still going.
    await expect(pageA.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      /^([1-9]|[1-8]\d)$/,
      { timeout: 60_000 },
    );
    await pageB.bringToFront();
    await folderInput(pageB).setInputFiles(b);
    await expect(pageB.getByTestId('writer-wait')).toContainText(
      'Another Cairn tab is writing to this case',
    );
    await pageB.screenshot({ path: 'test-results/screens/writer-wait.png' });

    await waitForIdle(pageA);
    await waitForIdle(pageB);
    // Both tabs count every event: tab A took in tab B's run without a reload.
    for (const page of [pageA, pageB]) {
      await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', String(TOTAL), {
        timeout: 60_000,
      });
      await waitForIdle(page);
    }
    await expect(pageB.getByTestId('writer-wait')).toHaveCount(0);

    // Every detail pane shows its own record, in both tabs, for events of both runs; and after a
    // reload, which reads the index and the files as stored.
    const probes = [
      idOf(0, 0),
      idOf(1, 7),
      idOf(FILES_A - 1, PER_FILE - 1),
      idOf(FILES_A, 0),
      idOf(FILES_A + 1, 3),
      idOf(FILES_A + FILES_B - 1, PER_FILE - 1),
    ];
    for (const page of [pageA, pageB]) {
      for (const id of probes) expect(await detailOf(page, id)).toBe(id);
    }
    await pageB.reload();
    await waitForIdle(pageB);
    await expect(pageB.getByTestId('event-count')).toHaveAttribute('data-count', String(TOTAL));
    for (const id of probes) expect(await detailOf(pageB, id)).toBe(id);
    await pageB.getByTestId('query-input').fill('');
    await pageB.getByTestId('query-input').press('Enter');
    await openHeaderAction(pageB, 'Columns');
    await pageB.getByRole('checkbox', { name: 'Event ID' }).check();
    await pageB.keyboard.press('Escape');
    await expectRowsMatchDetail(pageB, 8);

    expectClean(watchA);
    expectClean(watchB);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

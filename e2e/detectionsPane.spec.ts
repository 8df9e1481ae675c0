import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { applyQuery, expectClean, openApp, waitForIdle } from './helpers/app';

// Detections where the responder reads events (issue 16 §4, §6, §7): the detail pane, the table's
// marker, the timeline, triage per hit, and rule files through the drop zone, on the Stratus Red
// Team detonations.
const STRATUS = 'test/fixtures/samples/stratus-red-team';
const PACK_BLOB = 'https://github.com/SigmaHQ/sigma/blob/8eaafff';
const CUSTOM_ID = '0f7f3c5e-9d55-4c1e-8a7d-3b1c2f1e9a01';
const CUSTOM_RULE = `title: Trail stopped (test rule)
id: ${CUSTOM_ID}
status: experimental
description: A rule of the case, dropped through the drop zone.
author: Cairn e2e
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        eventName: StopLogging
    condition: selection
level: low
`;
// `|gt` is no Sigma modifier: the reading must refuse it with its line.
const BAD_RULE = `title: Not a rule Cairn runs
id: 7c1b2a90-1111-4c1e-8a7d-3b1c2f1e9a02
logsource:
    product: aws
detection:
    selection:
        eventName|gt: 3
    condition: selection
`;

async function apply(page: Page, q: string): Promise<void> {
  await applyQuery(page, q);
  await waitForIdle(page);
}

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

test('the pane lists an event’s detections with credit, a hit marked benign stays so, and dropped rule files are reported', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const watch = await openApp(page);
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(STRATUS);
  await expect(page.getByTestId('event-count')).not.toHaveAttribute('data-count', '0', {
    timeout: 60_000,
  });
  await waitForIdle(page);
  await expect(page.getByTestId('timeline-hits-legend')).toHaveText('detection hits');

  await apply(page, 'rule:*');
  const hits = await matchCount(page);
  expect(hits).toBeGreaterThan(5);
  await expect(page.getByTestId('timeline')).toHaveAttribute(
    'aria-label',
    new RegExp(`, ${hits} with detection hits$`),
  );

  // An event one rule matched: marking that hit benign takes it out of rule:*.
  const row = page.locator('.event-table-tr', {
    has: page.locator('[data-testid="detection-mark"][title^="Matched 1 rule,"]'),
  });
  await row.first().click();
  const pane = page.getByRole('complementary', { name: 'Event detail' });
  const section = pane.getByTestId('detection-hits');
  const hit = section.getByTestId('detection-hit').first();
  await expect(hit.locator('.hit-title')).not.toBeEmpty();
  await expect(hit.getByTestId('rule-credit')).toContainText(/^Rule by \S/);
  const link = hit.getByTestId('rule-credit').locator(`a[href^="${PACK_BLOB}"]`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // Compact: the event's own summary is still on the first screen.
  const time = pane.getByTestId('summary-event-time');
  await expect(time).toBeInViewport();
  const eventID = (await pane.getByTestId('summary-event-id').innerText()).trim();

  // Triage where the event stays in the result (under rule:* the pane would close with it).
  const openEvent = async () => {
    await apply(page, `eventID:${eventID}`);
    await page.locator('.event-table-tr[data-position="0"]').click();
    return pane.getByTestId('detection-hit').first();
  };
  const first = page.locator('.event-table-tr[data-position="0"] [data-testid="detection-mark"]');
  let own = await openEvent();
  // Closed, a rule shows its title and credit; opening it shows the description and triage.
  await own.locator('.hit-toggle').click();
  await expect(own.locator('.hit-toggle')).toHaveAttribute('aria-expanded', 'true');
  await own.getByRole('button', { name: 'Mark benign…' }).click();
  await own.getByRole('textbox', { name: 'Why this hit is benign' }).fill('Red team detonation');
  await own.getByRole('button', { name: 'Mark benign', exact: true }).click();
  await expect(own.getByTestId('hit-benign')).toHaveText(/^Marked benign: Red team detonation/);
  await expect(first).toHaveCount(0);
  await apply(page, 'rule:*');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(hits - 1));

  // The suppression is kept with the case.
  await page.reload();
  await waitForIdle(page);
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(hits - 1));
  own = await openEvent();
  await expect(own.getByTestId('hit-benign')).toContainText('Red team detonation');
  await own.getByRole('button', { name: 'Undo' }).click();
  await expect(own.getByTestId('hit-benign')).toHaveCount(0);
  await expect(first).toHaveAttribute('title', /^Matched 1 rule, /);
  await apply(page, 'rule:*');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', String(hits));

  // Rule files dropped (here through Open files…, as the drop zone hands them over) join the case.
  const dir = info.outputPath('rules');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'stopped.yml'), CUSTOM_RULE);
  writeFileSync(join(dir, 'broken.yaml'), BAD_RULE);
  await page
    .locator('input[type=file][multiple]:not([webkitdirectory])')
    .setInputFiles([join(dir, 'stopped.yml'), join(dir, 'broken.yaml')]);
  await waitForIdle(page);
  const notice = page.getByTestId('dropped-rules');
  await expect(notice).toContainText('1 rule added from 1 of 2 files');
  const files = notice.getByTestId('dropped-rule-file');
  await expect(files.nth(0)).toContainText(`stopped.yml ✓ rule ${CUSTOM_ID}`);
  await expect(files.nth(1)).toContainText(/broken\.yaml.*line 7: /);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  await apply(page, `rule:${CUSTOM_ID}`);
  expect(await matchCount(page)).toBeGreaterThan(0);
  await page.locator('.event-table-tr[data-position="0"]').click();
  const custom = pane.locator(`[data-testid="detection-hit"][data-rule-id="${CUSTOM_ID}"]`);
  await custom.getByRole('button', { name: /Trail stopped \(test rule\)/ }).click();
  await expect(custom.getByTestId('rule-credit')).toHaveText(
    'Rule by Cairn e2e · from your rule file stopped.yml',
  );
  expectClean(watch);
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, waitForIdle } from './helpers/app';
import { buildSignedTrail, removeSignedTrail } from './helpers/signedTrail';
import type { SignedTrail } from './helpers/signedTrail';

/** The `validation-summary` automation hook's counts, read in one go. */
async function summaryCounts(summary: Locator): Promise<Record<string, number>> {
  const data = await summary.evaluate((el) => Object.assign({}, (el as HTMLElement).dataset));
  return Object.fromEntries(
    Object.entries(data)
      .filter(([k]) => k !== 'testid')
      .map(([k, v]) => [k, Number(v)]),
  );
}

/** Waits for `marker` to show the new run (the summary is replaced while validating), then idle. */
async function settle(page: Page, summary: Locator, marker: string, value: number): Promise<void> {
  await expect(summary).toHaveAttribute(marker, String(value), { timeout: 60_000 });
  await waitForIdle(page);
}

let trail: SignedTrail;
test.beforeEach(() => {
  trail = buildSignedTrail();
});
test.afterEach(() => {
  removeSignedTrail(trail);
});

test('digests validate offline: keys, then the newest signature, then the report', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, trail.awsLogs, trail.recordCount);
  const summary = page.getByTestId('validation-summary');
  const [olderListed, newestListed] = [
    trail.listedLogKeys.slice(0, 2).flat(),
    trail.listedLogKeys[2] ?? [],
  ];
  expect(olderListed).toContain(trail.modifiedKey);

  // No key: every hash that matches is only consistent; the rewritten file and the late one show.
  await expect(summary).toContainText('hash chain consistent, signatures not checked');
  expect(await summaryCounts(summary)).toEqual({
    logsValid: 0,
    logsModified: 1,
    logsMissing: 0,
    logsUncovered: 1,
    digestsValid: 0,
    digestsNotValid: 0,
    digestsMissing: 0,
    digestsUntrustedKey: 0,
  });

  // The key list, imported as trusted: the two older digests get their signatures from the next one's
  // previousDigestSignature; the newest has none yet.
  await summary.click();
  const panel = page.getByRole('dialog', { name: 'Log file integrity' });
  await expect(panel).toBeVisible();
  const rows = panel.locator('tr[data-status]');
  const status = (s: string) => panel.locator(`tr[data-status="${s}"]`);
  await expect(status('unverified')).toHaveCount(3);
  await expect(status('consistent')).toHaveCount(olderListed.length + newestListed.length - 1);
  await page.getByTestId('trusted-keys-input').setInputFiles(trail.publicKeysFile);
  await settle(page, summary, 'data-digests-valid', 2);
  await expect(panel.getByText('1 key trusted for this case.')).toBeVisible();
  await expect(panel.locator('[data-testid="key-row"][data-trusted="true"]')).toHaveCount(1);
  expect(await summaryCounts(summary)).toEqual({
    logsValid: olderListed.length - 1,
    logsModified: 1,
    logsMissing: 0,
    logsUncovered: 1,
    digestsValid: 2,
    digestsNotValid: 0,
    digestsMissing: 0,
    digestsUntrustedKey: 0,
  });
  await expect(status('unverified')).toHaveCount(1);
  await expect(status('consistent')).toHaveCount(newestListed.length);

  // The newest digest's signature, from its saved head-object output.
  await page.getByTestId('digest-signatures-file').setInputFiles(trail.signatureSidecar);
  await settle(page, summary, 'data-digests-valid', 3);
  await expect(panel.getByText('1 of 1 signature files read.')).toBeVisible();
  const final = {
    logsValid: olderListed.length + newestListed.length - 1,
    logsModified: 1,
    logsMissing: 0,
    logsUncovered: 1,
    digestsValid: 3,
    digestsNotValid: 0,
    digestsMissing: 0,
    digestsUntrustedKey: 0,
  };
  expect(await summaryCounts(summary)).toEqual(final);
  expect(final.logsValid).toBe(5);

  // Problems first: the rewritten file, then the late one; everything else verified.
  const modified = status('modified');
  await expect(modified).toHaveCount(1);
  await expect(modified).toContainText(trail.modifiedKey);
  await expect(modified).toContainText('SHA-256 differs');
  const uncovered = status('uncovered');
  await expect(uncovered).toHaveCount(1);
  await expect(uncovered).toContainText(trail.uncoveredKey);
  await expect(status('valid')).toHaveCount(3 + final.logsValid);
  await expect(rows).toHaveCount(3 + 6 + 1);
  await expect(rows.first()).toHaveAttribute('data-status', 'modified');

  // The JSON report carries the same totals as the hook, and the two it does not expose.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Report (JSON)' }).click();
  const report = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    totals: Record<string, number>;
    problems: string[];
    conflicts: unknown[];
    digests: { key: string; status: string }[];
    logs: { key: string; status: string }[];
  };
  expect(report.totals).toEqual({ ...final, logsConsistent: 0, digestsUnverified: 0 });
  expect(report.conflicts).toEqual([]);
  expect(report.problems).toEqual([]);
  expect(report.digests.map((d) => [d.key, d.status]).sort()).toEqual(
    trail.digestKeys.map((k) => [k, 'valid']).sort(),
  );
  expect(report.logs.filter((l) => l.status === 'modified').map((l) => l.key)).toEqual([
    trail.modifiedKey,
  ]);

  await page.screenshot({ path: 'test-results/screens/validation-1280x800.png' });

  // Keys and signatures are kept: a reload validates the stored files again to the same verdict.
  await page.reload();
  await waitForIdle(page);
  expect(await summaryCounts(summary)).toEqual(final);

  // Each event shows its file's status: the rewritten record is flagged in the table and the detail.
  const input = page.getByTestId('query-input');
  await input.fill('sourceIPAddress:203.0.113.66');
  await input.press('Enter');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '1');
  const row = page.locator('.event-table-tr[data-position="0"]');
  await expect(row.locator('[data-integrity="modified"]')).toHaveAttribute(
    'aria-label',
    'Source file modified',
  );
  await row.click();
  const source = page.getByTestId('source-file');
  await expect(source).toContainText(
    trail.modifiedKey.slice(trail.modifiedKey.lastIndexOf('/') + 1),
  );
  await expect(source.locator('[data-integrity="modified"]')).toHaveText('modified');
  await page.screenshot({ path: 'test-results/screens/validation-event-1280x800.png' });
  // The file's other events are flagged too; events from verified files are not (only problems are).
  await input.fill('-sourceIPAddress:203.0.113.66');
  await input.press('Enter');
  await expect(page.getByTestId('match-count')).toHaveAttribute(
    'data-count',
    String(trail.recordCount - 1),
  );
  await expect(page.locator('.event-table-tr [data-integrity="modified"]')).toHaveCount(
    trail.modifiedRecords - 1,
  );
  expect(trail.modifiedRecords - 1).toBeGreaterThan(0);
  await expect(page.locator('.event-table-tr [data-integrity]')).toHaveCount(
    trail.modifiedRecords - 1,
  );
  expectClean(watch);
});

test('a key list dropped with the logs is listed as not trusted until the user trusts it', async ({
  page,
}) => {
  const watch = await openApp(page);
  // What an older Cairn kept for every case: the key, trusted for any evidence. It must not count.
  await page.evaluate(
    (list) =>
      localStorage.setItem(
        'cairn.validation.v1',
        JSON.stringify({ publicKeys: [list], signatures: [] }),
      ),
    JSON.parse(trail.publicKeysJson) as unknown,
  );
  await page.reload();
  await waitForIdle(page);
  expect(await page.evaluate(() => localStorage.getItem('cairn.validation.v1'))).toBeNull();
  // The whole evidence folder: AWSLogs/ plus list-public-keys.json and the newest digest's sidecar.
  await dropFolder(page, trail.root, trail.recordCount);
  const summary = page.getByTestId('validation-summary');
  await settle(page, summary, 'data-digests-untrusted-key', 3);
  const untrusted = {
    logsValid: 0,
    logsModified: 1,
    logsMissing: 0,
    logsUncovered: 1,
    digestsValid: 0,
    digestsNotValid: 0,
    digestsMissing: 0,
    digestsUntrustedKey: 3,
  };
  expect(await summaryCounts(summary)).toEqual(untrusted);
  await expect(summary).toContainText('3 signed by an untrusted key');
  await page.getByRole('button', { name: /^Files/ }).click();
  await expect(
    page.getByText(/list-public-keys output\): found in the evidence, not trusted/),
  ).toBeVisible();
  await expect(page.getByText(/saved S3 metadata\): added to digest validation/)).toBeVisible();
  await page.keyboard.press('Escape');

  // The key is listed apart, with its fingerprint, and trusted only by an explicit step.
  await summary.click();
  const panel = page.getByRole('dialog', { name: 'Log file integrity' });
  const found = panel.getByTestId('evidence-keys');
  await expect(found).toContainText('Found in the evidence, not trusted (1)');
  await expect(found.locator('[data-testid="key-row"]')).toHaveAttribute(
    'data-fingerprint',
    'a1b2c3d4',
  );
  await expect(panel.locator('tr[data-status="untrustedKey"]')).toHaveCount(3);
  await found.getByRole('button', { name: 'Review and trust these keys…' }).click();
  await expect(found.getByRole('group', { name: 'Trust the keys found' })).toContainText(
    'a1b2c3d4',
  );
  await found.getByRole('button', { name: 'Trust this key' }).click();
  await settle(page, summary, 'data-digests-valid', 3);
  expect(await summaryCounts(summary)).toEqual({
    ...untrusted,
    logsValid: 5,
    digestsValid: 3,
    digestsUntrustedKey: 0,
  });
  await expect(panel.getByTestId('evidence-keys')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/validation-keys-1280x800.png' });
  expectClean(watch);
});

test('forged digests re-signed with a planted key: untrusted, then not valid; a rival key is a conflict', async ({
  page,
}) => {
  const forger = buildSignedTrail();
  try {
    const watch = await openApp(page);
    // The forger rewrote the logs, signed digests with their own key under AWS's fingerprint, and
    // left that key in the bucket as list-public-keys.json.
    await dropFolder(page, forger.root, forger.recordCount);
    const summary = page.getByTestId('validation-summary');
    await settle(page, summary, 'data-digests-untrusted-key', 3);
    expect(await summaryCounts(summary)).toMatchObject({ digestsValid: 0, logsValid: 0 });

    // The real key, imported as trusted: the forged digests are not valid.
    await summary.click();
    const panel = page.getByRole('dialog', { name: 'Log file integrity' });
    await page.getByTestId('trusted-keys-input').setInputFiles(trail.publicKeysFile);
    await settle(page, summary, 'data-digests-not-valid', 3);
    expect(await summaryCounts(summary)).toMatchObject({
      digestsValid: 0,
      digestsUntrustedKey: 0,
      logsValid: 0,
    });
    await expect(panel.locator('tr[data-status="notValid"]').first()).toContainText(
      'does not match the trusted key',
    );

    // A second trusted key that claims the same fingerprint: both are a conflict, neither validates.
    await page.getByTestId('trusted-keys-input').setInputFiles(forger.publicKeysFile);
    await settle(page, summary, 'data-digests-not-valid', 0);
    await expect(panel.getByTestId('key-conflict')).toHaveCount(2);
    await expect(panel.getByTestId('evidence-keys')).toHaveCount(0);
    expect(await summaryCounts(summary)).toMatchObject({ digestsValid: 0, logsValid: 0 });
    await expect(panel.locator('tr[data-status="unverified"]').first()).toContainText(
      'trusted keys claim fingerprint a1b2c3d4',
    );
    expectClean(watch);
  } finally {
    removeSignedTrail(forger);
  }
});

test('a trusted key outside its validity window does not validate', async ({ page }) => {
  const watch = await openApp(page);
  await dropFolder(page, trail.awsLogs, trail.recordCount);
  const summary = page.getByTestId('validation-summary');
  await waitForIdle(page);
  await summary.click();
  const panel = page.getByRole('dialog', { name: 'Log file integrity' });
  // Retired two weeks before the trail's day (2024-03-01), pasted rather than imported.
  const expired = trail.publicKeysJson.replace('2024-04-01T00:00:00Z', '2024-02-15T00:00:00Z');
  expect(expired).not.toBe(trail.publicKeysJson);
  await panel.getByLabel('Public keys (list-public-keys output)').fill(expired);
  await panel.getByRole('button', { name: 'Trust pasted keys' }).click();
  await settle(page, summary, 'data-digests-not-valid', 2);
  expect(await summaryCounts(summary)).toMatchObject({ digestsValid: 0, logsValid: 0 });
  await expect(panel.locator('tr[data-status="notValid"]').first()).toContainText(
    'is valid from 2024-02-01T00:00:00.000Z to 2024-02-15T00:00:00.000Z',
  );
  expectClean(watch);
});

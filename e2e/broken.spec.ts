import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';

/** Broken input built from real records by scripts/makeBrokenFixtures.js. */
const BROKEN = new URL('./fixtures-broken', import.meta.url).pathname;
const DAY = 'CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710';

/** Each bad file (by the end of its path) and the exact message the Files panel must show for it. */
const FAILED: readonly (readonly [string, string])[] = [
  [
    `${DAY}T1215Z_CorruptGzip001.json.gz`,
    'Corrupt gzip: the compressed data is damaged and cannot be inflated (invalid block type)',
  ],
  [
    `${DAY}T1220Z_TruncatedGz001.json.gz`,
    'Truncated gzip: the file ends before its compressed data does (1,748 bytes; cut short in a copy or download?)',
  ],
  [
    'missing-fields/all-bad.json',
    'None of its 4 records can be indexed: a record has no eventTime (CloudTrail records carry eventTime, eventSource and eventName)',
  ],
  [
    'empty/218007301253_CloudTrail_us-east-1_20230710T1235Z_Empty000000001.json.gz',
    'Empty file (0 bytes)',
  ],
];
const SKIPPED: readonly (readonly [string, string])[] = [
  [
    `${DAY}T1225Z_GzipNotJson001.json.gz`,
    'Not a CloudTrail log: gzip of something that is not JSON, CSV or CloudWatch Logs export lines',
  ],
  [
    'not-cloudtrail/manifest.json',
    'Not a CloudTrail log: JSON, but not CloudTrail: no Records array, event or known wrapper (keys: sourceBucket, destinationBucket, fileFormat, files)',
  ],
  [
    'LICENSE-invictus-aws',
    'Not a CloudTrail file: neither gzip, JSON, CSV nor CloudWatch Logs export lines',
  ],
];
/** Ingested files that carry a warning. */
const WARNED: readonly (readonly [string, string])[] = [
  ['missing-fields/some-bad.json', '2 records skipped: a record has no eventSource or eventName'],
  [
    'truncated/218007301253_CloudTrail_us-east-1_20230710T1230Z_Truncated00001.json',
    'Truncated JSON: the file ends inside a record; the 3 whole records before that point were kept (cut short in a copy or download?)',
  ],
  [
    'T1210Z_Redelivered001.json.gz',
    '4 events already loaded from another file (kept once, both sources listed)',
  ],
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * The good events, counted here without the app: every record with the fields CloudTrail always
 * writes, from every file Node's own zlib and JSON.parse can read (a trail file cut off inside a
 * record: up to the start of that record), once per eventID.
 */
function distinctGoodEvents(): number {
  const ids = new Set<string>();
  for (const path of walk(BROKEN)) {
    let text: string;
    try {
      const bytes = readFileSync(path);
      text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
      const value: unknown = parseWholeRecords(text);
      if (typeof value !== 'object' || value === null || !('Records' in value)) continue;
      const records: unknown = value.Records;
      if (!Array.isArray(records)) continue;
      for (const r of records as readonly unknown[]) {
        if (typeof r !== 'object' || r === null) continue;
        if (!['eventTime', 'eventSource', 'eventName'].every((k) => k in r)) continue;
        if ('eventID' in r && typeof r.eventID === 'string') ids.add(r.eventID);
      }
    } catch {
      continue;
    }
  }
  return ids.size;
}

/** JSON.parse, or for a trail file cut off inside a record, its records before that record. */
function parseWholeRecords(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(`${text.slice(0, text.lastIndexOf(',{"eventVersion"'))}]}`);
  }
}

test('broken input: exact good events, and a specific message for every bad file', async ({
  page,
}) => {
  const expected = distinctGoodEvents();
  // 12 + 9 from the good files, 3 new of the re-delivery, 5 good of the mixed file, 3 whole
  // records of the truncated one.
  expect(expected).toBe(32);
  const watch = await openApp(page);
  await dropFolder(page, BROKEN, expected);

  await expect(page.getByRole('button', { name: /^Files/ })).toHaveText('Files · 4 failed');
  const panel = page.getByRole('region', { name: 'Files of the last ingest' });
  await expect(panel).toBeVisible();
  const rows = panel.getByTestId('file-report');
  await expect(rows).toHaveCount(walk(BROKEN).length);
  const byPath = (end: string) => rows.filter({ has: page.locator('td.mono', { hasText: end }) });

  await expect(panel.locator('[data-status="failed"]')).toHaveCount(FAILED.length);
  for (const [path, reason] of FAILED) {
    const row = byPath(path);
    await expect(row, path).toHaveAttribute('data-status', 'failed');
    await expect(row.locator('.reason')).toHaveText(reason);
  }
  await expect(panel.locator('[data-status="skipped"]')).toHaveCount(SKIPPED.length);
  for (const [path, reason] of SKIPPED) {
    const row = byPath(path);
    await expect(row, path).toHaveAttribute('data-status', 'skipped');
    await expect(row.locator('.reason')).toHaveText(reason);
  }
  for (const [path, reason] of WARNED) {
    const row = byPath(path);
    await expect(row, path).toHaveAttribute('data-status', 'ingested');
    await expect(row.locator('.reason')).toHaveText(reason);
  }
  await expect(byPath('missing-fields/some-bad.json')).toContainText('5 new of 7');
  await expect(byPath('T1210Z_Redelivered001.json.gz')).toContainText('3 new of 7');
  await expect(byPath('Truncated00001.json')).toContainText('3 new of 3');

  // The same bytes under two names: one stored, the other named as its duplicate.
  const good = 'T1200Z_Good0000000001.json.gz';
  const pair = rows.filter({ hasText: good });
  await expect(pair).toHaveCount(2);
  const duplicate = pair.and(page.locator('[data-status="duplicate"]'));
  await expect(duplicate).toHaveCount(1);
  await expect(duplicate.locator('.reason')).toHaveText(
    new RegExp(`^Same bytes as \\S*${good.replace(/\./g, '\\.')}, already loaded$`),
  );
  await expect(pair.and(page.locator('[data-status="ingested"]'))).toContainText('12 new of 12');

  await page.screenshot({ path: 'test-results/screens/broken-files.png' });
  expectClean(watch);
});

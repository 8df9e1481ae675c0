import { expect, test } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';

/** One file per input shape, built from real records by scripts/makeShapeFixtures.js. */
const SHAPES = new URL('./fixtures-shapes', import.meta.url).pathname;
const LAKE =
  'AWSLogs/218007301253/CloudTrail-Lake/Query/2025/03/06/0f3a7c2e-5b1d-4e9a-8c6f-2d7b9e1a4c30';

/** Each file's shape as the Files panel must show it, and its events (every record is distinct). */
const READ_AS: readonly (readonly [string, string, number])[] = [
  [
    '222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
    'Records envelope',
    20,
  ],
  ['event_history.json', 'Records envelope', 6],
  ['aws.persistence.iam-create-admin-user.json', 'JSON array of events', 3],
  ['CreateSession.json.cloudtrail', 'single event', 1],
  ['ec2_proxy_s3_exfiltration.jsonl', 'JSON lines of events', 103],
  ['concatenated-events.json', 'concatenated JSON of events', 4],
  ['eventbridge-create-bucket.json', 'EventBridge event', 1],
  ['eventbridge-2025-03-06-00-00-00-1a2b3c', 'concatenated JSON of EventBridge events', 8],
  ['cloudwatch/log-events.jsonl', 'JSON lines of CloudWatch Logs events', 5],
  ['logs-insights-results.json', 'JSON array of CloudWatch Logs events', 4],
  [
    'export-task/218007301253_CloudTrail_us-east-1/000000.gz',
    'CloudWatch Logs export (timestamped lines)',
    6,
  ],
  [
    'cwl-subscription-2025-03-06-00-05-00-4d5e6f',
    'concatenated JSON of CloudWatch Logs subscription payloads, gzipped twice',
    5,
  ],
  ['event_history_with_records.csv', 'Event history CSV', 4],
  ['lookup-events.json', 'lookup-events output', 4],
  [`${LAKE}/result_1.csv.gz`, 'CloudTrail Lake results (CSV)', 3],
  ['lake-get-query-results.json', 'CloudTrail Lake results (JSON)', 2],
  ['newer-record-kinds.json', 'Records envelope', 4],
];
const TOTAL = READ_AS.reduce((n, [, , events]) => n + events, 0);

/** Files holding no CloudTrail event: skipped, each with a reason that says what it is. */
const SKIPPED: readonly (readonly [string, RegExp])[] = [
  ['event_history.csv', /Event history CSV holds only the table's columns/],
  [`${LAKE}/result_2.csv`, /select eventJson in the CloudTrail Lake query/],
  [`${LAKE}/result_sign.json`, /result signature file/],
  ['notes.txt', /neither gzip, JSON, CSV nor CloudWatch Logs export lines/],
  ['inventory.json', /no Records array, event or known wrapper \(keys: Items\)/],
];

test('every input shape ingests with its exact count, and the Files panel says how each file was read', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SHAPES, TOTAL);
  expect(TOTAL).toBe(183);

  await page.getByRole('button', { name: /^Files/ }).click();
  const rows = page.getByTestId('file-report');
  await expect(page.locator('[data-testid="file-report"][data-status="ingested"]')).toHaveCount(
    READ_AS.length,
  );
  for (const [path, shape, events] of READ_AS) {
    const row = rows.filter({ hasText: path });
    await expect(row, path).toHaveCount(1);
    await expect(row).toHaveAttribute('data-status', 'ingested');
    await expect(row.getByTestId('file-shape')).toHaveText(shape);
    await expect(row).toContainText(`${events} new of `);
  }
  // The Firehose batch holds one EventBridge event that is not from CloudTrail: counted, not indexed.
  const batch = rows.filter({ hasText: 'eventbridge-2025-03-06' });
  await expect(batch).toContainText('8 new of 9');
  await expect(batch.locator('.reason')).toHaveText(
    '1 record skipped: an EventBridge event that is not from CloudTrail ("EC2 Instance State-change Notification")',
  );
  for (const [path, reason] of SKIPPED) {
    const row = rows.filter({ hasText: path });
    await expect(row, path).toHaveAttribute('data-status', 'skipped');
    await expect(row).toContainText(reason);
  }
  await expect(page.locator('[data-testid="file-report"][data-status="failed"]')).toHaveCount(0);

  await rows.filter({ hasText: 'newer-record-kinds.json' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/shapes-files.png' });

  // What is indexed and searched is the unwrapped record: the detail of the two EventBridge
  // CreateBucket events, and a word inside a CloudWatch Logs message of the twice-gzipped file.
  const query = page.getByTestId('query-input');
  await query.fill('eventName:CreateBucket');
  await query.press('Enter');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '2');
  await query.fill('i-zp53l4c48xqmrau3');
  await query.press('Enter');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('match-count')).toHaveAttribute('data-complete', 'true');
  await page.locator('.event-table-tr[data-position="0"]').click();
  await expect(page.getByTestId('summary-event-id')).toContainText(
    '1cf7422a-d20c-43ec-827f-4a5db6993bfa',
  );
  expectClean(watch);
});

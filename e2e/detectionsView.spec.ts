import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, openHeaderAction, waitForIdle } from './helpers/app';

// Issue 16 §4, §6, §7: the Detections view over the invictus-aws sample (a Stratus Red Team run).
const SAMPLES = 'test/fixtures/samples/invictus-aws';
const SAMPLE_EVENTS = 2900;
const RULES = new URL('../test/fixtures/rules/', import.meta.url).pathname;
// SigmaHQ's aws_cloudtrail_disable_logging.yml: StopLogging, UpdateTrail, DeleteTrail.
const TRAIL_RULE = {
  id: '4db60cc0-36fb-42b7-9b58-a5b53019fb74',
  title: 'AWS CloudTrail Important Change',
};
const TRAIL_QUERY =
  'eventSource:cloudtrail.amazonaws.com eventName:StopLogging,UpdateTrail,DeleteTrail';

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

async function apply(page: Page, q: string): Promise<number> {
  const input = page.getByTestId('query-input');
  await input.fill(q);
  await input.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(q);
  return matchCount(page);
}

const view = (page: Page) => page.getByTestId('detections-view');
const hitRow = (page: Page, id: string) =>
  view(page).locator(`[data-testid=detections-hits] tr[data-rule-id="${id}"]`);

test('the summary says what was found; the view lists the rules with hits, most severe first, and a click filters the table', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);

  const summary = page.getByTestId('detections-summary');
  const rules = Number(await summary.getAttribute('data-rules'));
  const events = Number(await summary.getAttribute('data-events'));
  const high = Number(await summary.getAttribute('data-high'));
  expect(rules).toBeGreaterThan(0);
  expect(events).toBeGreaterThan(0);
  expect(high).toBeGreaterThan(0);
  await expect(summary).toHaveText(`${rules} rules matched ${events} events, ${high} high`);
  // Every rule hit counts once in `rule:*`.
  expect(await apply(page, 'rule:*')).toBe(events);

  await summary.click();
  await expect(page).toHaveURL(/[?&]view=detections/);
  await expect(view(page)).toBeVisible();
  const rows = view(page).locator('[data-testid=detections-hits] tbody tr[data-rule-id]');
  await expect(rows).toHaveCount(rules);
  await expect(page.getByTestId('view-tab-detections')).toContainText(String(rules));
  const levels = await rows
    .locator('[data-level]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-level') ?? ''));
  const rank = ['critical', 'high', 'medium', 'low', 'informational', 'other'];
  expect(levels.map((l) => rank.indexOf(l))).toEqual(
    levels.map((l) => rank.indexOf(l)).sort((a, b) => a - b),
  );
  expect(levels.filter((l) => l === 'high' || l === 'critical')).toHaveLength(high);

  // The trail rule: its count equals the count of the query its selection spells out.
  const row = hitRow(page, TRAIL_RULE.id);
  await expect(row.getByRole('button', { name: TRAIL_RULE.title, exact: true })).toBeVisible();
  const hits = Number(await row.getAttribute('data-hits'));
  expect(hits).toBeGreaterThan(0);
  await expect(row.getByTestId('rule-hits')).toHaveText(String(hits));
  // The DRL 1.1 credit: author and a link to the rule at the vendored commit, in a new tab.
  await expect(row).toContainText('by vitaliy0x1');
  const link = row.getByRole('link', { name: 'rule' });
  await expect(link).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/SigmaHQ\/sigma\/blob\/[0-9a-f]{40}\/rules\/cloud\/aws\/cloudtrail\/aws_cloudtrail_disable_logging\.yml$/,
  );
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  await row.getByRole('button', { name: TRAIL_RULE.title, exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(`rule:${TRAIL_RULE.id}`);
  await expect(page).not.toHaveURL(/[?&]view=detections/);
  await expect(page.locator('.table-area')).toBeVisible();
  expect(await matchCount(page)).toBe(hits);
  await expect(page.getByTestId('query-input')).toHaveValue(`rule:${TRAIL_RULE.id}`);

  // A reload with that URL restores the filter; Back goes to the Detections view.
  await page.reload();
  await waitForIdle(page);
  expect(await matchCount(page)).toBe(hits);
  expect(await apply(page, TRAIL_QUERY)).toBe(hits);
  await page.goBack();
  await page.goBack();
  await expect(view(page)).toBeVisible();

  // Rules without hits are there too, collapsed, with their credit.
  const quiet = page.getByTestId('detections-quiet');
  await expect(quiet.locator('summary')).toHaveText(`${57 - rules} rules without hits`);
  await quiet.locator('summary').click();
  await expect(quiet.locator('li').first().getByRole('link', { name: 'rule' })).toBeVisible();
  expectClean(watch);
});

test('a rule marked benign leaves the count, survives a reload and a case bundle round trip, and comes back with Undo', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  const summary = page.getByTestId('detections-summary');
  const events = Number(await summary.getAttribute('data-events'));
  const rules = Number(await summary.getAttribute('data-rules'));
  await page.getByTestId('view-tab-detections').click();
  const row = hitRow(page, TRAIL_RULE.id);
  const hits = Number(await row.getAttribute('data-hits'));
  await row.getByRole('button', { name: /Mark .* benign/ }).click();
  await page.getByTestId('benign-note').fill('Red team exercise, ticket 42');
  await page.getByRole('button', { name: 'Mark benign', exact: true }).click();
  await waitForIdle(page);

  const benign = page.getByTestId('detections-benign');
  await expect(benign.locator(`li[data-rule-id="${TRAIL_RULE.id}"]`)).toContainText(
    'Red team exercise, ticket 42',
  );
  await expect(row).toHaveCount(0);
  await expect(summary).toHaveAttribute('data-rules', String(rules - 1));
  expect(Number(await summary.getAttribute('data-events'))).toBeLessThanOrEqual(events);

  await page.reload();
  await waitForIdle(page);
  await expect(view(page)).toBeVisible();
  await expect(benign.locator(`li[data-rule-id="${TRAIL_RULE.id}"]`)).toContainText(
    'Red team exercise, ticket 42',
  );
  await expect(summary).toHaveAttribute('data-rules', String(rules - 1));

  // A case bundle carries the mark: export, clear the case, import into the empty one.
  await openHeaderAction(page, 'Case bundle');
  const dialog = page.getByRole('dialog', { name: 'Case bundle' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export case bundle' }).click();
  const saved = await (await download).path();
  await dialog.getByRole('button', { name: 'Close case bundle' }).click();
  await openHeaderAction(page, 'Clear data');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('event-count')).toHaveAttribute('data-count', '0');
  await page.goto('./');
  await waitForIdle(page);
  await openHeaderAction(page, 'Case bundle');
  await page.getByTestId('bundle-input').setInputFiles(saved);
  await expect(page.getByTestId('bundle-outcome')).toContainText('1 detection hit marked benign');
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Show the case' }).click();
  await expect(page.getByTestId('event-count')).toHaveAttribute(
    'data-count',
    String(SAMPLE_EVENTS),
  );
  await waitForIdle(page);
  await expect(summary).toHaveAttribute('data-rules', String(rules - 1));
  await page.getByTestId('view-tab-detections').click();
  await expect(benign.locator(`li[data-rule-id="${TRAIL_RULE.id}"]`)).toContainText(
    'Red team exercise, ticket 42',
  );

  await benign.getByRole('button', { name: /^Undo/ }).click();
  await waitForIdle(page);
  await expect(benign).toHaveCount(0);
  await expect(row).toHaveAttribute('data-hits', String(hits));
  await expect(summary).toHaveAttribute('data-rules', String(rules));
  await expect(summary).toHaveAttribute('data-events', String(events));
  expectClean(watch);
});

test('rule files of your own: a valid one hits, an invalid one gets its error with the line; Save query as rule adds one', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  const expected = await apply(page, 'eventSource:s3.amazonaws.com eventName:ListAccessPoints');
  expect(expected).toBeGreaterThan(0);
  const rules = Number(await page.getByTestId('detections-summary').getAttribute('data-rules'));

  await page.getByTestId('view-tab-detections').click();
  await expect(page.getByRole('button', { name: 'Add rule files…' })).toBeVisible();
  await page
    .getByTestId('rules-input')
    .setInputFiles([`${RULES}list_access_points.yml`, `${RULES}unsupported_modifier.yml`]);
  const outcomes = page.getByTestId('rule-outcomes');
  await expect(outcomes.locator('li[data-file="list_access_points.yml"]')).toContainText(
    'added rule 2d7c9f3e-5b1a-4c8e-9f20-6a4b3c2d1e0f',
  );
  await expect(outcomes.locator('li[data-file="unsupported_modifier.yml"]')).toContainText(
    /line 8: .*foo/,
  );
  await waitForIdle(page);
  const row = hitRow(page, '2d7c9f3e-5b1a-4c8e-9f20-6a4b3c2d1e0f');
  await expect(row).toHaveAttribute('data-hits', String(expected));
  await expect(row).toContainText('by Cairn e2e');
  await expect(row).toContainText('list_access_points.yml');
  await expect(page.getByTestId('detections-summary')).toHaveAttribute(
    'data-rules',
    String(rules + 1),
  );
  await expect(page.getByTestId('rule-files').locator('li')).toHaveCount(1);

  // Save query as rule, in the Saved queries dialog: it does nothing without a query, and says why.
  await apply(page, '');
  await page.getByRole('button', { name: 'Save query…' }).click();
  const savedQueries = page.getByRole('dialog', { name: 'Saved queries' });
  const inSaved = savedQueries.getByRole('button', { name: 'Save as rule…' });
  await expect(inSaved).toHaveAttribute('aria-disabled', 'true');
  await expect(inSaved).toHaveAttribute('title', /Apply a query first/);
  await inSaved.click({ force: true });
  await expect(page.getByTestId('save-rule-dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  // With a query, from the Detections view: the YAML is shown, and Add puts it in the case.
  const deleted = await apply(page, 'eventName:DeleteBucket');
  expect(deleted).toBeGreaterThan(0);
  await page.getByTestId('view-tab-detections').click();
  await view(page).getByRole('button', { name: 'Save as rule…' }).click();
  const dialog = page.getByTestId('save-rule-dialog');
  await expect(dialog.getByTestId('save-rule-yaml')).toContainText('eventName: "DeleteBucket"');
  await expect(dialog.getByTestId('save-rule-add')).toBeDisabled();
  await dialog.getByTestId('save-rule-title').fill('Buckets deleted');
  await dialog.getByTestId('save-rule-add').click();
  await expect(dialog.getByRole('status')).toContainText(
    'Added to this case as Buckets deleted.yml',
  );
  await page.keyboard.press('Escape');
  await waitForIdle(page);
  const saved = view(page).locator('[data-testid=detections-hits] tr', {
    hasText: 'Buckets deleted',
  });
  await expect(saved).toHaveAttribute('data-hits', String(deleted));
  await expect(page.getByTestId('rule-files').locator('li')).toHaveCount(2);

  // Remove takes the file's rule and its hits away.
  await page.getByRole('button', { name: 'Remove list_access_points.yml' }).click();
  await waitForIdle(page);
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('rule-files').locator('li')).toHaveCount(1);
  expectClean(watch);
});

for (const scheme of ['light', 'dark'] as const)
  test(`axe finds no serious violation in the Detections view and its forms (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const watch = await openApp(page);
    await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
    await page.getByTestId('view-tab-detections').click();
    await page.getByTestId('detections-quiet').locator('summary').click();
    await hitRow(page, TRAIL_RULE.id)
      .getByRole('button', { name: /Mark .* benign/ })
      .click();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 4)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    expect(bad).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
    expectClean(watch);
  });

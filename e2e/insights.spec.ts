import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';
import { eventsInWindow, get, INSIGHT_LOGS, insightFixture } from './helpers/insightFacts';

// Facts computed from the fixture with node:zlib, independently of the app.
const { insights, management } = insightFixture();
const total = new Set([...insights, ...management].map((r) => r['eventID'])).size;
const find = (name: string, state: string) => {
  const r = insights.find(
    (i) => get(i, 'insightDetails.eventName') === name && get(i, 'insightDetails.state') === state,
  );
  if (r === undefined) throw new Error(`no ${state} insight on ${name}`);
  return r;
};
const sig3 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

async function openSelected(page: Page, q: string) {
  const watch = await openApp(page, `./?q=${encodeURIComponent(q)}`);
  await dropFolder(page, INSIGHT_LOGS, total);
  await expect.poll(() => matchCount(page)).toBe(1);
  await page.locator('.event-table-tr[data-position="0"]').click();
  await expect(page.getByTestId('insight-details')).toBeVisible();
  return watch;
}

test('a call-rate Insight reads plainly, leads to its End record and to the calls in its window', async ({
  page,
}) => {
  const start = find('RunInstances', 'Start');
  const end = find('RunInstances', 'End');
  const inWindow = eventsInWindow(management, start, end);
  expect(inWindow.length).toBeGreaterThan(0);
  const watch = await openSelected(
    page,
    'eventCategory:Insight eventName:RunInstances insightDetails.state:Start',
  );
  const pane = page.getByTestId('insight-details');
  await expect(page.getByTestId('insight-state')).toHaveText('Start');
  await expect(page.getByTestId('insight-type')).toHaveText('API call rate');
  await expect(page.getByTestId('insight-error-code')).toHaveCount(0);
  await expect(page.getByTestId('insight-api')).toHaveText(
    `${String(get(start, 'insightDetails.eventName'))} on ${String(get(start, 'insightDetails.eventSource'))}`,
  );
  const baseline = Number(get(start, 'insightDetails.insightContext.statistics.baseline.average'));
  const during = Number(get(start, 'insightDetails.insightContext.statistics.insight.average'));
  await expect(page.getByTestId('insight-sentence')).toContainText(
    `${sig3.format(baseline)} calls/min baseline vs ${sig3.format(during)} at the start of the insight`,
  );
  // The window runs from the Start record to its End record, found by sharedEventID.
  const from = String(start['eventTime']).replace('T', ' ').replace('Z', '');
  const to = String(end['eventTime']).slice(11, 19);
  await expect(page.getByTestId('insight-window')).toHaveText(`${from} → ${to} UTC (5 min)`);
  await expect(page.getByTestId('insight-duration')).toContainText('1 min');
  await expect(page.getByTestId('insight-baseline-duration')).toContainText('7 d 1 h');
  // Attributions: each attribute's values, insight and baseline, as text.
  for (const a of get(start, 'insightDetails.insightContext.attributions') as unknown[]) {
    const table = pane.getByTestId(`insight-attribution-${String(get(a, 'attribute'))}`);
    for (const v of [...(get(a, 'insight') as unknown[]), ...(get(a, 'baseline') as unknown[])]) {
      const value = String(get(v, 'value'));
      await expect(table).toContainText(value === 'null' ? 'no error' : value);
    }
  }
  await page.screenshot({ path: 'test-results/screens/insights.png' });

  // The paired End record: the query shows both records, and the End one is selected.
  await page.getByTestId('insight-pair').click();
  await expect(page.getByTestId('query-input')).toHaveValue(
    `sharedEventID:${String(start['sharedEventID'])}`,
  );
  expect(await matchCount(page)).toBe(2);
  await expect(page.getByTestId('insight-state')).toHaveText('End');
  await expect(page).toHaveURL(new RegExp(`event=${String(end['eventID'])}`));
  await expect(page.getByTestId('insight-pair')).toHaveText(/Go to the Start event/);
  await expect(page.getByTestId('insight-sentence')).toContainText(
    `vs ${sig3.format(Number(get(end, 'insightDetails.insightContext.statistics.insight.average')))} during`,
  );

  // The window pivot: its count, then exactly those management events.
  const pivot = page.getByTestId('insight-window-pivot');
  await expect(pivot).toHaveText(`Show the ${inWindow.length} management events in this window`);
  await page.screenshot({ path: 'test-results/screens/insights-end.png' });
  await pivot.click();
  expect(await matchCount(page)).toBe(inWindow.length);
  await page.screenshot({ path: 'test-results/screens/insights-window.png' });
  await expect(page.getByTestId('query-input')).toHaveValue(
    /^eventSource:ec2\.amazonaws\.com eventName:RunInstances /,
  );
  const times = await page.locator('.event-table-tr .col-eventTime').allTextContents();
  expect(new Set(times)).toEqual(
    new Set(inWindow.map((r) => String(r['eventTime']).replace('T', ' ').replace('Z', ''))),
  );
  expectClean(watch);
});

test('an error-rate Insight shows its error code and pivots to the failed calls in its window', async ({
  page,
}) => {
  const start = find('AssumeRole', 'Start');
  const end = find('AssumeRole', 'End');
  const inWindow = eventsInWindow(management, start, end);
  const errorCode = String(get(end, 'insightDetails.errorCode'));
  // The window holds other calls to the same API (a success): the pivot must leave them out.
  const sameApi = management.filter(
    (r) =>
      r['eventName'] === 'AssumeRole' &&
      Date.parse(String(r['eventTime'])) >= Date.parse(String(start['eventTime'])) &&
      Date.parse(String(r['eventTime'])) < Date.parse(String(end['eventTime'])),
  );
  expect(sameApi.length).toBeGreaterThan(inWindow.length);
  const watch = await openSelected(
    page,
    'eventCategory:Insight eventName:AssumeRole insightDetails.state:End',
  );
  await expect(page.getByTestId('insight-state')).toHaveText('End');
  await expect(page.getByTestId('insight-type')).toHaveText('API error rate');
  await expect(page.getByTestId('insight-error-code')).toHaveText(errorCode);
  await expect(page.getByTestId('insight-sentence')).toContainText('errors/min baseline vs');
  await expect(page.getByTestId('insight-attribution-errorCode')).toContainText(errorCode);
  await expect(page.getByTestId('insight-pair')).toHaveText(/Go to the Start event/);
  const pivot = page.getByTestId('insight-window-pivot');
  await page.screenshot({ path: 'test-results/screens/insights-error.png' });
  await expect(pivot).toHaveText(
    `Show the ${inWindow.length} management events with ${errorCode} in this window`,
  );
  await pivot.click();
  expect(await matchCount(page)).toBe(inWindow.length);
  await expect(page.getByTestId('query-input')).toHaveValue(new RegExp(`errorCode:${errorCode} `));
  expectClean(watch);
});

test('the table marks Insights records', async ({ page }) => {
  const watch = await openApp(page, `./?q=${encodeURIComponent('eventCategory:Insight')}`);
  await dropFolder(page, INSIGHT_LOGS, total);
  expect(await matchCount(page)).toBe(insights.length);
  await expect(page.locator('.event-table-tr .badge-insight')).toHaveCount(insights.length);
  expectClean(watch);
});

import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp } from './helpers/app';

// Issue 17 §3: sessions as stories over the invictus-aws sample (a Stratus Red Team run).
const SAMPLES = 'test/fixtures/samples/invictus-aws';
const SAMPLE_EVENTS = 2900;
const SHOTS = process.env['CAIRN_SHOTS'];

/** With CAIRN_SHOTS set, screenshots at 1280×800 (the config's) and at 1920×1080. */
async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS === undefined) return;
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `${SHOTS}/${name}-1920.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function matchCount(page: Page): Promise<number> {
  const el = page.getByTestId('match-count');
  await expect(el).toHaveAttribute('data-complete', 'true');
  return Number(await el.getAttribute('data-count'));
}

test('from the session list to a story: counts filter the table exactly, the story tells every event, Markdown exports', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  await page.getByTestId('view-tab-sessions').click();
  await expect(page).toHaveURL(/[?&]view=sessions/);
  const list = page.getByTestId('session-list');
  await expect(list).toBeVisible();
  expect(Number(await list.getAttribute('data-total'))).toBeGreaterThan(3);
  // Sorted by events, the busiest session first.
  await list.getByRole('button', { name: 'Events' }).click();
  const first = list.getByTestId('session-row').first();
  const key = (await first.getAttribute('data-key')) ?? '';
  const events = Number(await first.getAttribute('data-events'));
  expect(key).toMatch(/^ASIA/);
  expect(events).toBeGreaterThan(10);
  await shoot(page, 'sessions-list');

  // Each count is a link to exactly those events.
  await first.getByTestId('session-events').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(`accessKeyId:${key}`);
  await expect.poll(() => matchCount(page)).toBe(events);
  await page.goBack();
  await expect(list).toBeVisible();
  const withErrors = list
    .locator('[data-testid=session-row]:has([data-testid=session-errors])')
    .first();
  const errors = Number(await withErrors.getAttribute('data-errors'));
  await withErrors.getByTestId('session-errors').click();
  await expect.poll(() => matchCount(page)).toBe(errors);
  await page.goBack();

  // The story.
  await list
    .locator(`[data-testid=session-row][data-key="${key}"]`)
    .getByTestId('session-open')
    .click();
  await expect(page).toHaveURL(new RegExp(`session=${key}`));
  const story = page.getByTestId('session-story');
  await expect(story).toHaveAttribute('data-key', key);
  await expect(story.getByTestId('story-event')).toHaveCount(events);
  await expect(story.getByTestId('session-chain').locator('[data-current=true]')).toHaveCount(1);
  await expect(story.getByTestId('story-events-link')).toHaveAttribute(
    'data-count',
    String(events),
  );
  await shoot(page, 'sessions-story');

  // A click shows the event beside the story; the star bookmarks it.
  const event = story.getByTestId('story-event').first();
  await event.locator('.story-open').click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await expect(detail).toBeVisible();
  await expect(detail).toContainText((await event.getAttribute('data-event-id')) ?? '');
  await event.getByRole('button', { name: 'Bookmark' }).click();
  await expect(event.getByRole('button', { name: 'Bookmark' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await shoot(page, 'sessions-story-detail');

  const download = page.waitForEvent('download');
  await story.getByTestId('session-export').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`cairn-session-${key}.md`);
  const markdown = await readFile(await saved.path(), 'utf8');
  expect(markdown.startsWith(`# Session ${key}\n`)).toBe(true);
  expect(markdown).toContain('## Credential chain');
  expect(markdown.split('\n').filter((l) => /^\| \d{4}-/.test(l))).toHaveLength(events);
  expect(markdown).toContain('★');

  // The story's events link gives the same count.
  await story.getByTestId('story-events-link').click();
  await expect.poll(() => matchCount(page)).toBe(events);
  expectClean(watch);
});

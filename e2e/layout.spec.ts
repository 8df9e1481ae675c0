import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, waitForIdle } from './helpers/app';

// Issue 15, "The space goes to the evidence": a one-row header with a menu, a detail pane that takes
// no width until opened, splitters that are dragged and remembered, six columns at 1280×720.
const SAMPLES = 'test/fixtures/samples/invictus-aws';
const SAMPLE_EVENTS = 2900;

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not laid out');
  return box.width;
}

/** Drags the centre of `handle` by `dx` px, with the mouse, as a user would. */
async function drag(page: Page, handle: Locator, dx: number): Promise<void> {
  const box = await handle.boundingBox();
  if (box === null) throw new Error('splitter not laid out');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y);
  await page.mouse.move(x + dx, y);
  await page.mouse.up();
}

/** The column headers whose whole box lies inside the table area's visible box. */
async function fullyVisibleHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const area = document.querySelector('.table-area')?.getBoundingClientRect();
    if (area === undefined) return [];
    return [...document.querySelectorAll('.table-area [role="columnheader"]')]
      .filter((h) => {
        const r = h.getBoundingClientRect();
        return r.width > 0 && r.left >= area.left - 0.5 && r.right <= area.right + 0.5;
      })
      .map((h) => h.textContent);
  });
}

const table = (page: Page) => page.locator('.table-area');
const pane = (page: Page) => page.getByRole('complementary', { name: 'Event detail' });
const paneSplitter = (page: Page) => page.getByRole('separator', { name: 'Detail pane width' });
const sideSplitter = (page: Page) => page.getByRole('separator', { name: 'Sidebar width' });
const openRow = (page: Page, position: number) =>
  page.locator(`.event-table-tr[data-position="${position}"]`).click();

test.use({ viewport: { width: 1280, height: 720 } });

test('the header is one row at 1280 px; the less-used actions are in a keyboard menu; the query hint is whole', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  const header = page.locator('header.topbar');
  const rows = await header.evaluate((h) => {
    const mids = [...h.children]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => Math.round(r.top + r.height / 2));
    return new Set(mids.map((m) => Math.round(m / 8))).size;
  });
  expect(rows, 'distinct vertical bands among the header items').toBe(1);
  expect(await header.evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(50);
  await expect(page.getByRole('button', { name: 'Open folder…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open files…' })).toBeVisible();

  // The menu button, by keyboard: ↓ opens on the first entry, arrows move, Escape gives focus back.
  const more = page.getByRole('button', { name: 'More actions' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await page.keyboard.press('ArrowDown');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('menu', { name: 'More actions' });
  await expect(menu.getByRole('menuitemradio', { name: 'Times in UTC' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Times in UTC' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Times in local time' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Clear data' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Times in UTC' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Accounts' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();
  // An entry chosen with Enter opens its dialog; closing it gives the focus back to the menu button.
  await page.keyboard.press('Enter');
  await menu.getByRole('menuitem', { name: 'Coverage' }).press('Enter');
  await expect(page.getByRole('dialog', { name: 'Evidence coverage' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Evidence coverage' })).toHaveCount(0);
  await expect(more).toBeFocused();

  // The query field's hint fits the field: its text is no wider than the field's content box.
  const fit = await page.getByTestId('query-input').evaluate((input) => {
    if (!(input instanceof HTMLInputElement)) return { text: 1, room: 0 };
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) return { text: 1, room: 0 };
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room =
      input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
    return { text: context.measureText(input.placeholder).width, room };
  });
  expect(fit.text).toBeGreaterThan(100);
  expect(fit.text, 'placeholder width vs the room the field gives it').toBeLessThanOrEqual(
    fit.room,
  );
  expectClean(watch);
});

test('the detail pane takes no width until an event is opened, closes by ✕ and by Escape, and six columns show beside it', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  const full = await width(table(page));
  await expect(pane(page)).toHaveCount(0);
  await expect(paneSplitter(page)).toHaveCount(0);
  const sidebar = await width(page.locator('.sidebar'));
  // Nothing but the sidebar and its 1 px splitter beside the table.
  expect(full).toBeGreaterThan(1280 - sidebar - 4);

  await openRow(page, 3);
  await expect(pane(page)).toBeVisible();
  const beside = await width(table(page));
  expect(beside).toBeLessThan(full - 250);
  const headers = await fullyVisibleHeaders(page);
  expect(headers.length, headers.join(' | ')).toBeGreaterThanOrEqual(6);

  await pane(page).getByRole('button', { name: 'Close detail' }).click();
  await expect(pane(page)).toHaveCount(0);
  expect(await width(table(page))).toBeCloseTo(full, 0);

  // Enter moves into the pane; Escape closes it and the table has its width back.
  await openRow(page, 4);
  await expect(pane(page)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(pane(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pane(page)).toHaveCount(0);
  expect(await width(table(page))).toBeCloseTo(full, 0);
  expectClean(watch);
});

test('the splitters resize the detail pane and the sidebar by mouse and keyboard, and a reload keeps the widths', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, SAMPLES, SAMPLE_EVENTS);
  await openRow(page, 3);
  const frame = page.locator('.detail-frame');
  const before = await width(frame);
  await expect(paneSplitter(page)).toHaveAttribute('aria-valuenow', String(Math.round(before)));

  // Dragging the splitter 100 px to the left widens the pane by 100 px.
  await drag(page, paneSplitter(page), -100);
  const dragged = await width(frame);
  expect(dragged).toBeCloseTo(before + 100, 0);
  await expect(paneSplitter(page)).toHaveAttribute('aria-valuenow', String(Math.round(dragged)));
  // ← moves the splitter left by 16 px: the pane grows by as much.
  await paneSplitter(page).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(paneSplitter(page)).toHaveAttribute(
    'aria-valuenow',
    String(Math.round(dragged) + 16),
  );

  // The sidebar's edge, dragged 60 px right, widens it by 60 px; → adds 16 more.
  const side = page.locator('.sidebar');
  const sideBefore = await width(side);
  await drag(page, sideSplitter(page), 60);
  expect(await width(side)).toBeCloseTo(sideBefore + 60, 0);
  await sideSplitter(page).focus();
  await page.keyboard.press('ArrowRight');
  const sideAfter = Math.round(sideBefore) + 76;
  await expect(sideSplitter(page)).toHaveAttribute('aria-valuenow', String(sideAfter));

  await page.reload();
  await waitForIdle(page);
  await expect(pane(page)).toBeVisible();
  expect(await width(frame)).toBeCloseTo(Math.round(dragged) + 16, 0);
  expect(await width(side)).toBeCloseTo(sideAfter, 0);

  // A double click gives the default width back.
  await paneSplitter(page).dblclick();
  expect(await width(frame)).toBeCloseTo(before, 0);
  expectClean(watch);
});

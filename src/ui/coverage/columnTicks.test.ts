import { describe, expect, it } from 'vitest';
import { columnTicks } from './columnTicks';

const H = 3_600_000;
const D = 24 * H;

describe('columnTicks', () => {
  it('labels days above and hours below, as often as the width allows', () => {
    const start = Date.parse('2024-03-01T20:00:00Z');
    const ticks = columnTicks({ start, step: H, unit: 'hour', first: 0, last: 10, cellWidth: 10 });
    expect(ticks.filter((t) => t.line === 1).map((t) => t.text)).toEqual(['21', '00', '03', '06']);
    // The first column's date gives way to the day boundary 4 columns later: no room for both.
    expect(ticks.filter((t) => t.line === 0)).toEqual([
      { column: 4, line: 0, text: 'Mar 2, 2024' },
    ]);
    const roomy = columnTicks({ start, step: H, unit: 'hour', first: 0, last: 10, cellWidth: 40 });
    expect(roomy.filter((t) => t.line === 0).map((t) => t.text)).toEqual([
      'Mar 1, 2024',
      'Mar 2, 2024',
    ]);
  });

  it('labels months above and days below for day columns', () => {
    const start = Date.parse('2024-01-25T00:00:00Z');
    const ticks = columnTicks({ start, step: D, unit: 'day', first: 0, last: 40, cellWidth: 14 });
    expect(ticks.filter((t) => t.line === 0).map((t) => [t.column, t.text])).toEqual([
      [0, 'Jan 2024'],
      [7, 'Feb 2024'],
      [36, 'Mar 2024'],
    ]);
    expect(ticks.filter((t) => t.line === 1).every((t) => Number(t.text) >= 1)).toBe(true);
  });

  it('labels minute columns with HH:MM on round minutes and the date on the first column', () => {
    const start = Date.parse('2023-07-10T11:42:00Z');
    const ticks = columnTicks({
      start,
      step: 60_000,
      unit: 'minutes',
      first: 0,
      last: 58,
      cellWidth: 14,
    });
    expect(ticks.filter((t) => t.line === 0).map((t) => [t.column, t.text])).toEqual([
      [0, 'Jul 10, 2023'],
    ]);
    // 14 px a column: a label every 5 minutes is 70 px apart, room for `HH:MM`.
    expect(ticks.filter((t) => t.line === 1).map((t) => [t.column, t.text])).toEqual(
      Array.from({ length: 12 }, (_, k) => [
        3 + 5 * k,
        new Date(start + (3 + 5 * k) * 60_000).toISOString().slice(11, 16),
      ]),
    );
  });
});

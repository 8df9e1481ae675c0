import { describe, expect, it } from 'vitest';
import { coverageColumns, MAX_COLUMNS } from './coverageColumns';

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string) => Date.parse(iso);

describe('coverageColumns', () => {
  it('gives one UTC hour per column up to 60 days', () => {
    expect(coverageColumns(at('2024-03-01T00:05:00Z'), at('2024-03-01T04:59:00Z'))).toEqual({
      start: at('2024-03-01T00:00:00Z'),
      step: H,
      unit: 'hour',
      columns: 5,
    });
    const sixty = coverageColumns(at('2024-03-01T00:00:00Z'), at('2024-03-01T00:00:00Z') + 60 * D);
    expect([sixty.unit, sixty.columns]).toEqual(['hour', 1440]);
  });

  it('switches to days past 60 days, then to whole weeks from Mondays', () => {
    const days = coverageColumns(at('2024-07-31T12:46:41Z'), at('2025-03-06T03:20:01Z'));
    expect(days).toEqual({ start: at('2024-07-31T00:00:00Z'), step: D, unit: 'day', columns: 219 });
    const weeks = coverageColumns(at('2010-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z'));
    expect(weeks.unit).toBe('weeks');
    expect(new Date(weeks.start).getUTCDay()).toBe(1);
    expect(weeks.columns).toBeLessThanOrEqual(MAX_COLUMNS);
    // An attacker's eventTime of 1970 beside 2024 still gives a bounded map.
    const wide = coverageColumns(0, at('2024-01-01T00:00:00Z'));
    expect(wide.step % (7 * D)).toBe(0);
    expect(wide.columns).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(wide.start + wide.columns * wide.step).toBeGreaterThanOrEqual(
      at('2024-01-01T00:00:00Z'),
    );
  });

  it('zooms to minutes for a short incident: one a minute up to two hours, then five', () => {
    // The invictus sample: events 11:42:18–12:37:50, files delivered up to 12:40.
    expect(coverageColumns(at('2023-07-10T11:42:18Z'), at('2023-07-10T12:40:01Z'))).toEqual({
      start: at('2023-07-10T11:42:00Z'),
      step: 60_000,
      unit: 'minutes',
      columns: 59,
    });
    const three = coverageColumns(at('2024-03-01T10:03:00Z'), at('2024-03-01T13:00:00Z'));
    expect(three).toEqual({
      start: at('2024-03-01T10:00:00Z'),
      step: 5 * 60_000,
      unit: 'minutes',
      columns: 36,
    });
    // Past four hours, hours again (digests' own grain): the built five-hour trail keeps them.
    expect(coverageColumns(at('2024-03-01T00:00:00Z'), at('2024-03-01T05:00:00Z')).unit).toBe(
      'hour',
    );
  });
});

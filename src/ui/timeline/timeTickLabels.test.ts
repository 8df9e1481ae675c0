import { describe, expect, it } from 'vitest';
import { countTickLabel, timeTickLabels } from './timeTickLabels';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('timeTickLabels', () => {
  it('shows 24-hour times, and the date at midnight', () => {
    const splits = [Date.UTC(2024, 2, 14, 22), Date.UTC(2024, 2, 14, 23), Date.UTC(2024, 2, 15)];
    expect(timeTickLabels(splits, H, 'utc')).toEqual(['22:00', '23:00', 'Mar 15']);
  });

  it('adds seconds below a minute', () => {
    expect(timeTickLabels([Date.UTC(2024, 2, 14, 9, 5, 30)], 15 * S, 'utc')).toEqual(['09:05:30']);
  });

  it('shows dates, months and years for long spans', () => {
    const t = Date.UTC(2024, 0, 1);
    expect(timeTickLabels([t], D, 'utc')).toEqual(['Jan 1']);
    expect(timeTickLabels([t], 30 * D, 'utc')).toEqual(['Jan 2024']);
    expect(timeTickLabels([t], 365 * D, 'utc')).toEqual(['2024']);
  });

  it('follows the local zone when asked', () => {
    const t = Date.UTC(2024, 2, 14, 13, 45);
    const d = new Date(t);
    const pad = (n: number) => String(n).padStart(2, '0');
    const expected =
      d.getHours() + d.getMinutes() === 0
        ? `Mar ${d.getDate()}`
        : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    expect(timeTickLabels([t], 15 * M, 'local')).toEqual([expected]);
  });
});

describe('countTickLabel', () => {
  it('keeps small counts and shortens big ones', () => {
    expect(countTickLabel(0)).toBe('0');
    expect(countTickLabel(950)).toBe('950');
    expect(countTickLabel(1500)).toBe('1.5K');
    expect(countTickLabel(2_000_000)).toBe('2M');
  });
});

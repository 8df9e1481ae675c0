import { describe, expect, it } from 'vitest';
import { describeBin, describeTimeline } from './describeTimeline';
import type { TimelineBins } from './TimelineBins';

const M = 60_000;
const bins: TimelineBins = {
  start: Date.UTC(2024, 2, 14, 23, 50),
  step: 5 * M,
  ok: Uint32Array.from([1229, 0, 1]),
  errors: Uint32Array.from([5, 1, 0]),
};

describe('describeTimeline', () => {
  it('summarises events, range and errors', () => {
    expect(describeTimeline(bins, 'utc')).toBe(
      'Events over time: 1,236 events from 2024-03-14 23:50:00 to 2024-03-15 00:05:00 UTC, 6 errors',
    );
  });

  it('counts the events with detection hits when there are any', () => {
    const marked = { ...bins, hits: Uint32Array.from([2, 1, 0]) };
    expect(describeTimeline(marked, 'utc')).toMatch(/, 6 errors, 3 with detection hits$/);
  });

  it('says when there is nothing to show', () => {
    expect(describeTimeline(undefined, 'utc')).toBe('Events over time: no events');
  });

  it('uses singular nouns for one', () => {
    const one = { ...bins, ok: Uint32Array.from([0]), errors: Uint32Array.from([1]) };
    expect(describeTimeline(one, 'utc')).toMatch(/: 1 event from .*, 1 error$/);
  });
});

describe('describeBin', () => {
  it('gives the bin range and counts, without repeating the date', () => {
    expect(describeBin(bins, 0, 'utc')).toBe(
      '2024-03-14 23:50:00 – 23:55:00 UTC · 1,229 ok · 5 errors',
    );
    expect(describeBin(bins, 1, 'utc')).toBe(
      '2024-03-14 23:55:00 – 2024-03-15 00:00:00 UTC · 0 ok · 1 error',
    );
  });

  it('adds the detection hits of a bin that has any', () => {
    const marked = { ...bins, hits: Uint32Array.from([2, 0, 1]) };
    expect(describeBin(marked, 0, 'utc')).toMatch(/ · 5 errors · 2 detection hits$/);
    expect(describeBin(marked, 1, 'utc')).toMatch(/ · 1 error$/);
    expect(describeBin(marked, 2, 'utc')).toMatch(/ · 1 detection hit$/);
  });

  it('is empty outside the bins', () => {
    expect(describeBin(bins, -1, 'utc')).toBe('');
    expect(describeBin(bins, 3, 'utc')).toBe('');
    expect(describeBin(undefined, 0, 'utc')).toBe('');
  });
});

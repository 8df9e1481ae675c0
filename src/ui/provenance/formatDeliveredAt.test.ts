import { describe, expect, it } from 'vitest';
import { formatDeliveredAt } from './formatDeliveredAt';

describe('formatDeliveredAt', () => {
  it('reads log and digest stamps as UTC, and leaves anything else alone', () => {
    expect(formatDeliveredAt('20230710T1240Z')).toBe('2023-07-10 12:40 UTC');
    expect(formatDeliveredAt('20230710T120000Z')).toBe('2023-07-10 12:00:00 UTC');
    expect(formatDeliveredAt('2023-07-10')).toBe('2023-07-10');
  });
});

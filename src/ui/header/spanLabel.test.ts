import { describe, expect, it } from 'vitest';
import { spanLabel } from './spanLabel';

describe('spanLabel', () => {
  it('gives the date once within one day, both dates across days', () => {
    expect(spanLabel('2023-07-10 11:42:05 UTC', '2023-07-10 12:37:59 UTC')).toBe(
      '2023-07-10 11:42 → 12:37',
    );
    expect(spanLabel('2023-07-10 23:59:00', '2023-07-11 00:01:00')).toBe(
      '2023-07-10 23:59 → 2023-07-11 00:01',
    );
  });
});
